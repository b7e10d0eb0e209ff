package com.merchantmetrics.dashboard;

import java.util.List;

/**
 * One cohort matrix as an HTML heatmap: a row per cohort, a column per month since acquisition. Each cell's shade
 * (0–5, none below 0) picks a background from a scale whose every step keeps the text at WCAG AA contrast.
 */
public record CohortHeatmap(String id, String kind, String title, String description, List<String> columns,
        List<List<Cell>> rows) {

    public record Cell(String text, String sortValue, int shade) {
        public String shadeClass() {
            return shade < 0 ? "" : "heat-" + shade;
        }
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table for the CSV export: the header, then each row's plain values. */
    public List<List<String>> table() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(columns),
                rows.stream().map(row -> row.stream().map(Cell::sortValue).toList())).toList();
    }
}
