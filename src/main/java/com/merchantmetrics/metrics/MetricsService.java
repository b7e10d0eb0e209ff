package com.merchantmetrics.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.merchantmetrics.metrics.MetricDefinition.Group;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantGate;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Reads a tenant's metrics from its rollup (never from raw history): every metric of every month in the range,
 * optionally of one group, with breakdowns. The contract pages, digests and the API share.
 */
@ApplicationScoped
public class MetricsService {

    private final TenantGate gate;
    private final ObjectMapper json;
    private final Cache reports;

    MetricsService(TenantGate gate, ObjectMapper json, @CacheName("metrics-reports") Cache reports) {
        this.gate = gate;
        this.json = json;
        this.reports = reports;
    }

    /**
     * A report is cached under the rollup's refresh instant, which every refresh (after an import, a settings change
     * or the hourly catch-up) moves on: a refreshed rollup is never served from the cache, on any instance.
     */
    private record ReportKey(String slug, String currency, String rollupVersion, YearMonth from, YearMonth to, Optional<Group> group) {
    }

    public MetricsReport report(TenantAccess tenant, YearMonth from, YearMonth to, Optional<Group> group) {
        String version = QuarkusTransaction.joiningExisting().call(() -> gate.inTenant(tenant.schema(), MetricsService::rollupVersion));
        ReportKey key = new ReportKey(tenant.slug(), tenant.reportingCurrency(), version, from, to, group);
        return reports.get(key, k -> read(tenant, from, to, group)).await().indefinitely();
    }

    /** The rollup's refresh instant: every import and settings change moves it on, so it keys caches of tenant figures. */
    static String rollupVersion(Connection connection) throws SQLException {
        try (PreparedStatement state = connection.prepareStatement("SELECT refreshed_at::text FROM rollup_state");
                ResultSet rs = state.executeQuery()) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private MetricsReport read(TenantAccess tenant, YearMonth from, YearMonth to, Optional<Group> group) {
        Set<String> wanted = MetricCatalogue.all().stream().filter(definition -> group.map(g -> definition.group() == g).orElse(true))
                .map(MetricDefinition::id).collect(Collectors.toSet());
        int moneyScale = Currency.getInstance(tenant.reportingCurrency()).getDefaultFractionDigits();
        Map<String, Map<String, MetricsReport.Value>> months = new TreeMap<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.put(month.toString(), new LinkedHashMap<>());
        }
        String refreshedAt = QuarkusTransaction.joiningExisting().call(() -> gate.inTenant(tenant.schema(), connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT to_char(month, 'YYYY-MM'), metric, dimension, key, value, reason, inputs::text
                    FROM rollup_metrics WHERE month BETWEEN ? AND ? ORDER BY month, metric, dimension, key""")) {
                select.setDate(1, Date.valueOf(from.atDay(1)));
                select.setDate(2, Date.valueOf(to.atDay(1)));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String metric = rows.getString(2);
                        if (!wanted.contains(metric)) {
                            continue;
                        }
                        MetricDefinition definition = MetricCatalogue.byId(metric).orElseThrow();
                        MetricsReport.Value value = new MetricsReport.Value(round(rows.getBigDecimal(5), definition, moneyScale),
                                definition.unit().name(), rows.getString(6), json.readTree(rows.getString(7)), new TreeMap<>());
                        Map<String, MetricsReport.Value> metrics = months.get(rows.getString(1));
                        if (rows.getString(3).isEmpty()) {
                            MetricsReport.Value existing = metrics.get(metric);
                            metrics.put(metric, existing == null ? value : withBreakdowns(value, existing.breakdowns()));
                        } else {
                            metrics.computeIfAbsent(metric, id -> new MetricsReport.Value(null, definition.unit().name(),
                                    "not computed", json.createObjectNode(), new TreeMap<>()))
                                    .breakdowns().computeIfAbsent(rows.getString(3), dimension -> new TreeMap<>())
                                    .put(rows.getString(4), value);
                        }
                    }
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return refreshedAt(connection);
        }));
        List<MetricsReport.Month> result = months.entrySet().stream()
                .map(entry -> new MetricsReport.Month(entry.getKey(), ordered(entry.getValue(), wanted))).toList();
        return new MetricsReport(tenant.slug(), tenant.reportingCurrency(), from.toString(), to.toString(), refreshedAt, result);
    }

    /**
     * Just the values of some metrics (no breakdowns, inputs or reasons) for a few months, rounded exactly as in
     * {@link #report}: for pages that show many tenants at once. A month or metric without a value is absent.
     */
    public record Values(String refreshedAt, Map<YearMonth, Map<String, BigDecimal>> months) {
    }

    public Values values(TenantAccess tenant, YearMonth from, YearMonth to, List<String> metricIds) {
        int moneyScale = Currency.getInstance(tenant.reportingCurrency()).getDefaultFractionDigits();
        return QuarkusTransaction.joiningExisting().call(() -> gate.inTenant(tenant.schema(), connection -> {
            Map<YearMonth, Map<String, BigDecimal>> values = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT to_char(month, 'YYYY-MM'), metric, value FROM rollup_metrics
                    WHERE month BETWEEN ? AND ? AND dimension = '' AND metric = ANY (?) AND value IS NOT NULL""")) {
                select.setDate(1, Date.valueOf(from.atDay(1)));
                select.setDate(2, Date.valueOf(to.atDay(1)));
                select.setArray(3, connection.createArrayOf("text", metricIds.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        MetricDefinition definition = MetricCatalogue.byId(rows.getString(2)).orElseThrow();
                        values.computeIfAbsent(YearMonth.parse(rows.getString(1)), month -> new LinkedHashMap<>())
                                .put(definition.id(), round(rows.getBigDecimal(3), definition, moneyScale));
                    }
                }
            }
            return new Values(refreshedAt(connection), values);
        }));
    }

    /** When the rollup was last refreshed, ISO-8601 in UTC; null before the first import. */
    static String refreshedAt(Connection connection) throws SQLException {
        try (PreparedStatement state = connection.prepareStatement(
                "SELECT to_char(refreshed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM rollup_state");
                ResultSet rs = state.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Catalogue order; a metric with no row at all (no data yet) is null with a reason naming the upload it needs. */
    private static Map<String, MetricsReport.Value> ordered(Map<String, MetricsReport.Value> values, Set<String> wanted) {
        Map<String, MetricsReport.Value> ordered = new LinkedHashMap<>();
        for (MetricDefinition definition : MetricCatalogue.all()) {
            if (wanted.contains(definition.id())) {
                ordered.put(definition.id(), values.getOrDefault(definition.id(), new MetricsReport.Value(null,
                        definition.unit().name(), noDataReason(definition), null, Map.of())));
            }
        }
        return ordered;
    }

    /** The reason of a metric with no row at all for a month. */
    public static String noDataReason(MetricDefinition definition) {
        return "no data for this month yet: upload " + String.join(" and ", definition.needs());
    }

    private static MetricsReport.Value withBreakdowns(MetricsReport.Value value, Map<String, Map<String, MetricsReport.Value>> breakdowns) {
        return new MetricsReport.Value(value.value(), value.unit(), value.reason(), value.inputs(), breakdowns);
    }

    private static BigDecimal round(BigDecimal value, MetricDefinition definition, int moneyScale) {
        if (value == null) {
            return null;
        }
        return switch (definition.unit()) {
            case money -> value.setScale(moneyScale, RoundingMode.HALF_EVEN);
            case rate -> value.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
            case ratio -> value.setScale(2, RoundingMode.HALF_EVEN);
            case count -> value.setScale(0, RoundingMode.HALF_EVEN);
        };
    }
}
