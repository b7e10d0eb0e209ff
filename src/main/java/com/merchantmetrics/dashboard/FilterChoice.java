package com.merchantmetrics.dashboard;

import java.util.List;

/** One select of the filter form: its URL parameter, its label, the values the tenant's data holds and the one chosen. */
public record FilterChoice(String name, String label, List<String> options, String selected) {
}
