package com.merchantmetrics.dashboard;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The months a dashboard shows, from the URL: a preset (last 3, 6 or 12 months, year to date) or a custom range.
 * Anything unreadable falls back to the last 12 months with a message saying so.
 */
public record Period(String range, YearMonth from, YearMonth to, Problem problem) {

    /** kind: unknown_range (value: the range), ends_before_start (value: from, otherValue: to), too_long (value: the limit) or unreadable. */
    public record Problem(String kind, String value, String otherValue) {
    }

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
            default -> fallback(now, new Problem("unknown_range", preset, null));
        };
    }

    private static Period custom(String from, String to, YearMonth now) {
        try {
            YearMonth start = YearMonth.parse(from);
            YearMonth end = YearMonth.parse(to);
            if (end.isBefore(start)) {
                return fallback(now, new Problem("ends_before_start", from, to));
            }
            if (start.plusMonths(MAX_MONTHS).isBefore(end)) {
                return fallback(now, new Problem("too_long", String.valueOf(MAX_MONTHS), null));
            }
            return new Period("custom", start, end, null);
        } catch (DateTimeParseException | NullPointerException e) {
            return fallback(now, new Problem("unreadable", null, null));
        }
    }

    private static Period lastMonths(String preset, YearMonth now, int months) {
        return new Period(preset, now.minusMonths(months - 1L), now, null);
    }

    private static Period fallback(YearMonth now, Problem problem) {
        return new Period("12m", now.minusMonths(11), now, problem);
    }

    /** The query string that reproduces this period, for links that keep it. */
    public String query() {
        return "custom".equals(range) ? "range=custom&from=" + from + "&to=" + to : "range=" + range;
    }
}
