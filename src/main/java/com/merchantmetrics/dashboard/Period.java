package com.merchantmetrics.dashboard;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The months a dashboard shows, from the URL: a preset (last 3, 6 or 12 months, year to date) or a custom range.
 * Anything unreadable falls back to the last 12 months with a message saying so.
 */
public record Period(String range, YearMonth from, YearMonth to, String problem) {

    public static final List<String> PRESETS = List.of("3m", "6m", "12m", "ytd", "custom");
    static final int MAX_MONTHS = 120;

    public static Period of(String range, String from, String to, ZoneId zone) {
        YearMonth now = YearMonth.now(zone);
        String preset = range == null || range.isBlank() ? "12m" : range;
        return switch (preset) {
            case "3m" -> lastMonths(preset, now, 3);
            case "6m" -> lastMonths(preset, now, 6);
            case "12m" -> lastMonths(preset, now, 12);
            case "ytd" -> new Period(preset, YearMonth.of(now.getYear(), 1), now, null);
            case "custom" -> custom(from, to, now);
            default -> fallback(now, "Unknown date range \"" + preset + "\"; showing the last 12 months.");
        };
    }

    private static Period custom(String from, String to, YearMonth now) {
        try {
            YearMonth start = YearMonth.parse(from);
            YearMonth end = YearMonth.parse(to);
            if (end.isBefore(start)) {
                return fallback(now, "The custom range ends (" + to + ") before it starts (" + from + "); showing the last 12 months.");
            }
            if (start.plusMonths(MAX_MONTHS).isBefore(end)) {
                return fallback(now, "A custom range covers at most " + MAX_MONTHS + " months; showing the last 12 months.");
            }
            return new Period("custom", start, end, null);
        } catch (DateTimeParseException | NullPointerException e) {
            return fallback(now, "A custom range needs months like 2024-01 in both From and To; showing the last 12 months.");
        }
    }

    private static Period lastMonths(String preset, YearMonth now, int months) {
        return new Period(preset, now.minusMonths(months - 1L), now, null);
    }

    private static Period fallback(YearMonth now, String problem) {
        return new Period("12m", now.minusMonths(11), now, problem);
    }

    /** The query string that reproduces this period, for links that keep it. */
    public String query() {
        return "custom".equals(range) ? "range=custom&from=" + from + "&to=" + to : "range=" + range;
    }

    public String label() {
        return switch (range) {
            case "3m" -> "Last 3 months";
            case "6m" -> "Last 6 months";
            case "12m" -> "Last 12 months";
            case "ytd" -> "Year to date";
            default -> from + " to " + to;
        };
    }
}
