package com.merchantmetrics.dashboard;

import java.util.List;

/**
 * A chart and the same data as a table. spec is the JSON the page's script hands to ECharts (categories plus
 * series); the table is what screen readers, printing and the CSV export use.
 */
public record Chart(String id, String title, String description, String spec, List<String> columns, List<List<Cell>> rows) {

    /** sortValue orders the column numerically where the shown text would not (money, percentages). */
    public record Cell(String text, String sortValue) {
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
