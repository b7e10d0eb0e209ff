package com.merchantmetrics.demo;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files one generator run wrote, keyed by dataset ({@code customers, orders, subscriptions, marketing_spend,
 * traffic, leads, fx_rates}) in that order, with the number of data rows (header excluded) of each.
 */
public record GeneratedFiles(Map<String, Path> byDataset, Map<String, Long> rowCounts) {

    public GeneratedFiles {
        byDataset = Collections.unmodifiableMap(new LinkedHashMap<>(byDataset));
        rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
    }
}
