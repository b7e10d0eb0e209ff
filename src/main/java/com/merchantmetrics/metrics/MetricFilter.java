package com.merchantmetrics.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Restricts metrics to the customers that match every given dimension (null = any): segment (b2b or b2c, from
 * customers.csv), acquisition channel (as CAC per channel defines it), country (ISO 3166 alpha-2) and plan (the MRR
 * of that plan's subscriptions). Shared by the metrics API and the dashboards.
 */
public record MetricFilter(String segment, String channel, String country, String plan) {

    public static final MetricFilter NONE = new MetricFilter(null, null, null, null);

    /** The dimensions in the order their names appear in reasons and in the API's "filters". */
    public enum Dimension {
        segment("segment"), channel("acquisition channel"), country("country"), plan("plan");

        private final String label;

        Dimension(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final int MAX_LENGTH = 255;

    /** Blank values mean "any"; anything else that is not a valid value throws an {@link UnreadableParameter}. */
    public static MetricFilter parse(String segment, String channel, String country, String plan) {
        String parsedSegment = blankToNull(segment);
        if (parsedSegment != null && !parsedSegment.equals("b2b") && !parsedSegment.equals("b2c")) {
            throw new UnreadableParameter("segment", segment, "unknown segment \"" + segment + "\": choose b2b or b2c");
        }
        String parsedCountry = blankToNull(country);
        if (parsedCountry != null && !COUNTRY.matcher(parsedCountry).matches()) {
            throw new UnreadableParameter("country", country,
                    "\"country\" must be a two-letter country code like DE, not \"" + country + "\"");
        }
        return new MetricFilter(parsedSegment, text("channel", channel), parsedCountry, text("plan", plan));
    }

    private static String text(String name, String value) {
        String parsed = blankToNull(value);
        if (parsed != null && parsed.length() > MAX_LENGTH) {
            throw new UnreadableParameter(name, value, "\"" + name + "\" is longer than " + MAX_LENGTH + " characters");
        }
        return parsed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean isEmpty() {
        return applied().isEmpty();
    }

    /** The dimensions given, with their values, in {@link Dimension} order. */
    public Map<Dimension, String> applied() {
        Map<Dimension, String> applied = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            value(dimension).ifPresent(value -> applied.put(dimension, value));
        }
        return applied;
    }

    public Optional<String> value(Dimension dimension) {
        return Optional.ofNullable(switch (dimension) {
            case segment -> segment;
            case channel -> channel;
            case country -> country;
            case plan -> plan;
        });
    }
}
