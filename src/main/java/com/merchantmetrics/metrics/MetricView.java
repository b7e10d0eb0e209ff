package com.merchantmetrics.metrics;

import java.util.Arrays;
import java.util.stream.Collectors;

/** monthly: each month on its own; t12m: each month's value over the 12 months ending with it (MetricCatalogue.Trailing). */
public enum MetricView {
    monthly, t12m;

    /** Blank is monthly; anything else unknown throws an {@link UnreadableParameter} whose message lists the views. */
    public static MetricView parse(String value) {
        if (value == null || value.isBlank()) {
            return monthly;
        }
        return Arrays.stream(values()).filter(view -> view.name().equals(value.strip())).findFirst()
                .orElseThrow(() -> new UnreadableParameter("view", value, "unknown view \"" + value + "\": choose "
                        + Arrays.stream(values()).map(MetricView::name).collect(Collectors.joining(" or "))));
    }
}
