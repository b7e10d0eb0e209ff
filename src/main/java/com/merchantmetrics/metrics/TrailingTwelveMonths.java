package com.merchantmetrics.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.merchantmetrics.metrics.MetricCatalogue.Trailing;

/**
 * The trailing-12-months view: each month's value over the 12 months ending with it, by the rule of each metric in
 * the catalogue — flows summed, stocks at the month's end, rates recomputed from the 12-month sums of their
 * numerator and denominator (never an average of monthly rates). Works on unrounded monthly values.
 */
final class TrailingTwelveMonths {

    static final int MONTHS = 12;

    /** A metric's unrounded value of one month, as read from the rollup. */
    record Raw(BigDecimal value, String reason, JsonNode inputs, Map<String, Map<String, Raw>> breakdowns) {
    }

    private final Map<String, Map<String, Raw>> monthly;
    private final ObjectMapper json;

    private TrailingTwelveMonths(Map<String, Map<String, Raw>> monthly, ObjectMapper json) {
        this.monthly = monthly;
        this.json = json;
    }

    /** monthly: every metric by month (YYYY-MM), from 11 months before "from" on; returns the months from "from" to "to". */
    static Map<String, Map<String, Raw>> of(Map<String, Map<String, Raw>> monthly, YearMonth from, YearMonth to, ObjectMapper json) {
        TrailingTwelveMonths view = new TrailingTwelveMonths(monthly, json);
        Map<String, Map<String, Raw>> result = new TreeMap<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            Map<String, Raw> values = new LinkedHashMap<>();
            for (MetricDefinition definition : MetricCatalogue.all()) {
                Raw value = view.value(definition.id(), month);
                if (value != null) {
                    values.put(definition.id(), value);
                }
            }
            result.put(month.toString(), values);
        }
        return result;
    }

    private Raw value(String metric, YearMonth month) {
        Trailing rule = MetricCatalogue.trailing(metric);
        Raw atEnd = raw(month, metric);
        return switch (rule.kind()) {
            case end -> atEnd;
            case sum -> {
                Term term = sum(metric, month);
                yield term.sum() == null ? missing(atEnd)
                        : new Raw(term.sum(), null, json.createObjectNode().put("months_summed", term.months()), Map.of());
            }
            case ratio -> ratio(rule, month, atEnd);
        };
    }

    private Raw ratio(Trailing rule, YearMonth month, Raw atEnd) {
        ObjectNode inputs = json.createObjectNode();
        BigDecimal[] sides = {BigDecimal.ZERO, BigDecimal.ZERO};
        List<String> denominatorNames = new ArrayList<>();
        List<List<String>> terms = List.of(rule.numerator(), rule.denominator());
        for (int side = 0; side < 2; side++) {
            for (String spec : terms.get(side)) {
                boolean negative = spec.startsWith("-");
                String reference = negative ? spec.substring(1) : spec;
                int dot = reference.indexOf('.');
                Term term = sum(reference, month);
                if (term.sum() == null) {
                    Raw source = raw(month, dot < 0 ? reference : reference.substring(0, dot));
                    return missing(source != null && source.reason() != null ? source : atEnd);
                }
                String name = dot < 0 ? reference : reference.substring(dot + 1);
                inputs.put(name, term.sum());
                sides[side] = sides[side].add(negative ? term.sum().negate() : term.sum());
                if (side == 1) {
                    denominatorNames.add(name.replace('_', ' '));
                }
            }
        }
        inputs.put("months", MONTHS);
        if (sides[1].signum() == 0) {
            return new Raw(null, "no " + String.join(" or ", denominatorNames) + " in the 12 months", inputs, Map.of());
        }
        return new Raw(sides[0].divide(sides[1], MathContext.DECIMAL64), null, inputs, Map.of());
    }

    /** Σ over the 12 months of a metric's value or of one of its inputs ("metric.input"); null when no month has it. */
    private record Term(BigDecimal sum, int months) {
    }

    private Term sum(String reference, YearMonth month) {
        int dot = reference.indexOf('.');
        String metric = dot < 0 ? reference : reference.substring(0, dot);
        BigDecimal sum = null;
        int months = 0;
        for (YearMonth m = month.minusMonths(MONTHS - 1L); !m.isAfter(month); m = m.plusMonths(1)) {
            Raw raw = raw(m, metric);
            BigDecimal value = raw == null ? null
                    : dot < 0 ? raw.value()
                    : raw.inputs() == null || !raw.inputs().path(reference.substring(dot + 1)).isNumber() ? null
                    : raw.inputs().get(reference.substring(dot + 1)).decimalValue();
            if (value != null) {
                sum = sum == null ? value : sum.add(value);
                months++;
            }
        }
        return new Term(sum, months);
    }

    private Raw raw(YearMonth month, String metric) {
        Map<String, Raw> values = monthly.get(month.toString());
        return values == null ? null : values.get(metric);
    }

    private static Raw missing(Raw atEnd) {
        return atEnd == null ? null : new Raw(null, atEnd.reason() == null ? "no data in the 12 months" : atEnd.reason(), null, Map.of());
    }
}
