package com.merchantmetrics.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.merchantmetrics.metrics.MetricFilter;
import com.merchantmetrics.metrics.MetricView;
import com.merchantmetrics.metrics.UnreadableParameter;

/**
 * What a dashboard shows, from the URL: the months — a preset (last 3, 6 or 12 months, year to date) or a custom
 * range —, the view (monthly or trailing 12 months) and the filters (segment, channel, country, plan). An unreadable
 * range falls back to the last 12 months, an unreadable view or filter to none, each with a message saying so.
 */
public record Period(String range, YearMonth from, YearMonth to, Problem problem, MetricView view, MetricFilter filter,
        FilterProblem filterProblem) {

    /** kind: unknown_range (value: the range), ends_before_start (value: from, otherValue: to), too_long (value: the limit) or unreadable. */
    public record Problem(String kind, String value, String otherValue) {
    }

    /** parameter: view, segment, channel, country or plan (see {@link UnreadableParameter}); value: as the link gave it. */
    public record FilterProblem(String parameter, String value) {
    }

    public static final List<String> PRESETS = List.of("3m", "6m", "12m", "ytd", "custom");
    static final int MAX_MONTHS = 120;

    /** The URL's parameters of a dashboard page, as a form or a link gives them. */
    public record Selection(String range, String from, String to, String view, String segment, String channel, String country,
            String plan) {
    }

    public static Period of(Selection selection, ZoneId zone) {
        Period months = of(selection.range(), selection.from(), selection.to(), zone);
        try {
            return months.with(MetricView.parse(selection.view()),
                    MetricFilter.parse(selection.segment(), selection.channel(), selection.country(), selection.plan()), null);
        } catch (UnreadableParameter e) {
            return months.with(MetricView.monthly, MetricFilter.NONE, new FilterProblem(e.parameter(), e.value()));
        }
    }

    private Period with(MetricView view, MetricFilter filter, FilterProblem filterProblem) {
        return new Period(range, from, to, problem, view, filter, filterProblem);
    }

    static Period of(String range, String from, String to, ZoneId zone) {
        YearMonth now = YearMonth.now(zone);
        String preset = range == null || range.isBlank() ? "12m" : range;
        return switch (preset) {
            case "3m" -> lastMonths(preset, now, 3);
            case "6m" -> lastMonths(preset, now, 6);
            case "12m" -> lastMonths(preset, now, 12);
            case "ytd" -> new Period(preset, YearMonth.of(now.getYear(), 1), now, null, MetricView.monthly, MetricFilter.NONE, null);
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
            return new Period("custom", start, end, null, MetricView.monthly, MetricFilter.NONE, null);
        } catch (DateTimeParseException | NullPointerException e) {
            return fallback(now, new Problem("unreadable", null, null));
        }
    }

    private static Period lastMonths(String preset, YearMonth now, int months) {
        return new Period(preset, now.minusMonths(months - 1L), now, null, MetricView.monthly, MetricFilter.NONE, null);
    }

    private static Period fallback(YearMonth now, Problem problem) {
        return new Period("12m", now.minusMonths(11), now, problem, MetricView.monthly, MetricFilter.NONE, null);
    }

    /** The query string that reproduces this period, view and filters, for links that keep them. */
    public String query() {
        StringBuilder query = new StringBuilder("custom".equals(range) ? "range=custom&from=" + from + "&to=" + to : "range=" + range);
        if (view != MetricView.monthly) {
            query.append("&view=").append(view.name());
        }
        filter.applied().forEach((dimension, value) -> query.append('&').append(dimension.name()).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    public boolean filtered() {
        return !filter.isEmpty();
    }

    public boolean trailing() {
        return view == MetricView.t12m;
    }
}
