package com.merchantmetrics.metrics;

import java.util.List;

/** One metric as the product explains it: the same text in the API, on the pages and in docs/metrics.md. */
public record MetricDefinition(String id, String name, Group group, Unit unit, String formula, String explanation,
        boolean higherIsBetter, List<String> needs) {

    public enum Group {
        acquisition, retention, revenue
    }

    public enum Unit {
        money, rate, count, ratio
    }
}
