package com.merchantmetrics.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.merchantmetrics.metrics.MetricCatalogue;
import com.merchantmetrics.metrics.MetricsReport;
import com.merchantmetrics.web.Messages;

/**
 * Renewal rate and revenue renewal rate per billing period over the whole period: Σ renewed ÷ Σ due and Σ MRR after
 * ÷ Σ MRR before of the months' billing-period breakdowns, so that rare annual renewals are not judged by one month.
 */
final class RenewalChart {

    static final String ID = "renewals-billing-period";
    private static final List<String> ORDER = List.of("week", "month", "quarter", "half_year", "year");

    private RenewalChart() {
    }

    private static final class Totals {
        long due;
        long renewed;
        BigDecimal mrrDue = BigDecimal.ZERO;
        BigDecimal mrrAfter = BigDecimal.ZERO;
    }

    static Chart of(List<MetricsReport.Month> months, String currency, String periodLabel, Formats formats, Messages msg, ObjectMapper json) {
        Map<String, Totals> totals = new TreeMap<>((a, b) -> rank(a) != rank(b) ? rank(a) - rank(b) : a.compareTo(b));
        for (MetricsReport.Month month : months) {
            parts(month, "renewal_rate").forEach((period, part) -> {
                Totals t = totals.computeIfAbsent(period, key -> new Totals());
                t.due += part.inputs().path("due").asLong();
                t.renewed += part.inputs().path("renewed").asLong();
            });
            parts(month, "revenue_renewal_rate").forEach((period, part) -> {
                Totals t = totals.computeIfAbsent(period, key -> new Totals());
                t.mrrDue = t.mrrDue.add(decimal(part.inputs().path("mrr_due")));
                t.mrrAfter = t.mrrAfter.add(decimal(part.inputs().path("mrr_after_renewal")));
            });
        }
        int moneyScale = Currency.getInstance(currency).getDefaultFractionDigits();
        ObjectNode spec = json.createObjectNode().put("currency", currency);
        ArrayNode categories = spec.putArray("categories");
        ArrayNode series = spec.putArray("series");
        String renewalRate = msg.metricName(MetricCatalogue.byId("renewal_rate").orElseThrow());
        String revenueRenewalRate = msg.metricName(MetricCatalogue.byId("revenue_renewal_rate").orElseThrow());
        ArrayNode renewal = series.addObject().put("name", renewalRate).put("type", "bar").put("unit", "rate").putArray("data");
        ArrayNode revenue = series.addObject().put("name", revenueRenewalRate).put("type", "bar").put("unit", "rate")
                .putArray("data");
        List<List<Chart.Cell>> rows = new ArrayList<>();
        totals.forEach((period, t) -> {
            BigDecimal rate = t.due == 0 ? null
                    : BigDecimal.valueOf(t.renewed).divide(BigDecimal.valueOf(t.due), 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
            BigDecimal revenueRate = t.mrrDue.signum() == 0 ? null
                    : t.mrrAfter.divide(t.mrrDue, 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
            categories.add(msg.billingPeriodName(period));
            renewal.add(rate);
            revenue.add(revenueRate);
            rows.add(List.of(new Chart.Cell(msg.billingPeriodName(period), period), new Chart.Cell(String.valueOf(t.due), String.valueOf(t.due)),
                    new Chart.Cell(String.valueOf(t.renewed), String.valueOf(t.renewed)), percentCell(rate, formats),
                    moneyCell(t.mrrDue, moneyScale, formats), moneyCell(t.mrrAfter, moneyScale, formats), percentCell(revenueRate, formats)));
        });
        return new Chart(ID, msg.chartRenewals(), msg.chartRenewalsDescription(periodLabel), spec.toString(),
                List.of(msg.billingPeriod(), msg.due(), msg.renewed(), renewalRate, msg.mrrDue(), msg.mrrAfterRenewal(), revenueRenewalRate),
                rows);
    }

    private static Map<String, MetricsReport.Value> parts(MetricsReport.Month month, String metric) {
        MetricsReport.Value value = month.metrics().get(metric);
        return value == null ? Map.of() : value.breakdowns().getOrDefault("billing_period", Map.of());
    }

    private static int rank(String period) {
        int index = ORDER.indexOf(period);
        return index < 0 ? ORDER.size() : index;
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : BigDecimal.ZERO;
    }

    private static Chart.Cell percentCell(BigDecimal value, Formats formats) {
        return new Chart.Cell(value == null ? "–" : formats.percent(value), value == null ? "" : value.toPlainString());
    }

    private static Chart.Cell moneyCell(BigDecimal value, int scale, Formats formats) {
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_EVEN);
        return new Chart.Cell(formats.money(rounded), rounded.toPlainString());
    }
}
