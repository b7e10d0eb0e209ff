package com.merchantmetrics.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Metrics of a tenant for a range of months, as served by the API and shown on the pages. Money is in the
 * tenant's reporting currency rounded to its minor unit, rates are fractions. view: monthly or t12m (each month's
 * value over the 12 months ending with it); filters: the filters applied, by dimension.
 */
public record MetricsReport(String tenant, String currency, String from, String to, String view, Map<String, String> filters,
        String refreshedAt, List<Month> months) {

    public record Month(String month, Map<String, Value> metrics) {
    }

    /** value null comes with the reason; inputs are the numbers the value was computed from. */
    public record Value(BigDecimal value, String unit, String reason, JsonNode inputs, Map<String, Map<String, Value>> breakdowns) {
    }
}
