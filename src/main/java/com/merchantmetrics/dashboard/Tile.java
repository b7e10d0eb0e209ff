package com.merchantmetrics.dashboard;

import java.util.List;

import com.merchantmetrics.metrics.MetricDefinition;

/**
 * One headline number: its value in the last month of the period, how it moved against the month before and the
 * same month a year earlier, its trend, and how it was calculated (name, formula and explanation in the page's
 * language). Without a value it says why and what to upload.
 */
public record Tile(MetricDefinition definition, String name, String formula, String explanation, String month, String value,
        Change previousMonth, Change lastYear, String sparkline, String reason, List<String> neededUploads, List<Input> inputs) {

    /** tone is "good", "bad" or "neutral": up is good only for metrics where higher is better. */
    public record Change(String text, String tone) {
    }

    public record Input(String name, String value) {
    }

    public boolean hasValue() {
        return reason == null;
    }
}
