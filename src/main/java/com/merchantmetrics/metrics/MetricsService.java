package com.merchantmetrics.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.merchantmetrics.metrics.MetricDefinition.Group;
import com.merchantmetrics.metrics.TrailingTwelveMonths.Raw;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantGate;
import com.merchantmetrics.tenant.TenantSchema;

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
     * or the hourly catch-up) moves on: a refreshed rollup is never served from the cache, on any instance. Filters
     * and view are part of the key.
     */
    private record ReportKey(String slug, String currency, String rollupVersion, YearMonth from, YearMonth to, Optional<Group> group,
            MetricFilter filter, MetricView view) {
    }

    public MetricsReport report(TenantAccess tenant, YearMonth from, YearMonth to, Optional<Group> group) {
        return report(tenant, from, to, group, MetricFilter.NONE, MetricView.monthly);
    }

    /**
     * With a filter, the metrics that the filter can restrict are computed for the matching customers (see
     * {@link FilteredMetrics}); the others are null with the reason. The t12m view gives each month's value over the
     * 12 months ending with it ({@link TrailingTwelveMonths}).
     */
    public MetricsReport report(TenantAccess tenant, YearMonth from, YearMonth to, Optional<Group> group, MetricFilter filter,
            MetricView view) {
        String version = rollupVersion(tenant.schema());
        ReportKey key = new ReportKey(tenant.slug(), tenant.reportingCurrency(), version, from, to, group, filter, view);
        return reports.get(key, k -> read(tenant, from, to, group, filter, view)).await().indefinitely();
    }

    /** The tenant's rollup version (see {@link #rollupVersion(Connection)}), for caches of what is computed from the rollup. */
    public String rollupVersion(TenantSchema tenant) {
        return gate.inTenant(tenant, MetricsService::rollupVersion);
    }

    /** rollupVersion: the rollup's refresh instant, which every import and settings change moves on (see {@link #report}). */
    public static String rollupVersion(Connection connection) throws SQLException {
        try (PreparedStatement state = connection.prepareStatement("SELECT refreshed_at::text FROM rollup_state");
                ResultSet rs = state.executeQuery()) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private MetricsReport read(TenantAccess tenant, YearMonth from, YearMonth to, Optional<Group> group, MetricFilter filter,
            MetricView view) {
        Set<String> wanted = MetricCatalogue.all().stream().filter(definition -> group.map(g -> definition.group() == g).orElse(true))
                .map(MetricDefinition::id).collect(Collectors.toSet());
        int moneyScale = Currency.getInstance(tenant.reportingCurrency()).getDefaultFractionDigits();
        YearMonth first = view == MetricView.t12m ? from.minusMonths(TrailingTwelveMonths.MONTHS - 1L) : from;
        Tenant settings = filter.isEmpty() ? null
                : QuarkusTransaction.joiningExisting().call(() -> Tenant.findBySlug(tenant.slug()).orElseThrow());
        return QuarkusTransaction.joiningExisting().call(() -> gate.inTenant(tenant.schema(), connection -> {
            Map<String, Map<String, Raw>> monthly = filter.isEmpty() ? rollup(connection, first, to)
                    : filtered(connection, settings, first, to, filter);
            Map<String, Map<String, Raw>> shown = view == MetricView.t12m ? TrailingTwelveMonths.of(monthly, from, to, json) : monthly;
            List<MetricsReport.Month> months = new ArrayList<>();
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                Map<String, Raw> values = shown.getOrDefault(month.toString(), Map.of());
                Map<String, MetricsReport.Value> metrics = new LinkedHashMap<>();
                for (MetricDefinition definition : MetricCatalogue.all()) {
                    if (wanted.contains(definition.id())) {
                        Raw raw = values.get(definition.id());
                        metrics.put(definition.id(), raw == null ? new MetricsReport.Value(null, definition.unit().name(),
                                noDataReason(definition), null, Map.of())
                                : rounded(raw, definition, moneyScale));
                    }
                }
                months.add(new MetricsReport.Month(month.toString(), metrics));
            }
            Map<String, String> filters = new LinkedHashMap<>();
            filter.applied().forEach((dimension, value) -> filters.put(dimension.name(), value));
            return new MetricsReport(tenant.slug(), tenant.reportingCurrency(), from.toString(), to.toString(), view.name(), filters,
                    refreshedAt(connection), months);
        }));
    }

    /** Every row of the rollup in the months, by month and metric, breakdowns under their metric. */
    private Map<String, Map<String, Raw>> rollup(Connection connection, YearMonth from, YearMonth to) throws SQLException {
        Map<String, Map<String, Raw>> months = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT to_char(month, 'YYYY-MM'), metric, dimension, key, value, reason, inputs::text
                FROM rollup_metrics WHERE month BETWEEN ? AND ? ORDER BY month, metric, dimension, key""")) {
            select.setDate(1, Date.valueOf(from.atDay(1)));
            select.setDate(2, Date.valueOf(to.atDay(1)));
            addAll(months, select);
        }
        return months;
    }

    /**
     * The metrics a filter can restrict, for the matching customers; the others null with the reason. A metric that
     * is its own per-channel breakdown (CAC) under a channel filter alone is read from that breakdown.
     */
    private Map<String, Map<String, Raw>> filtered(Connection connection, Tenant settings, YearMonth from, YearMonth to,
            MetricFilter filter) throws SQLException {
        Map<String, Map<String, Raw>> months = new TreeMap<>();
        for (FilteredMetrics.Row row : FilteredMetrics.compute(connection, json, settings, from, to, filter)) {
            add(months, row);
        }
        for (MetricDefinition definition : MetricCatalogue.all()) {
            MetricCatalogue.Filtering filtering = MetricCatalogue.filtering(definition.id());
            Optional<String> notApplicable = filtering.reasonNotApplicable(filter);
            if (notApplicable.isEmpty() && !filtering.fromChannelBreakdown()) {
                continue;
            }
            Map<String, Raw> byChannel = notApplicable.isEmpty() ? channelBreakdown(connection, definition.id(), filter.channel(), from, to)
                    : Map.of();
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                Raw raw = notApplicable.map(reason -> new Raw(null, reason, null, Map.of()))
                        .orElseGet(() -> new Raw(null, "nothing recorded for this acquisition channel", null, Map.of()));
                months.computeIfAbsent(month.toString(), m -> new TreeMap<>())
                        .put(definition.id(), byChannel.getOrDefault(month.toString(), raw));
            }
        }
        return months;
    }

    private Map<String, Raw> channelBreakdown(Connection connection, String metric, String channel, YearMonth from, YearMonth to)
            throws SQLException {
        Map<String, Map<String, Raw>> months = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT to_char(month, 'YYYY-MM'), metric, '', '', value, reason, inputs::text
                FROM rollup_metrics WHERE month BETWEEN ? AND ? AND metric = ? AND dimension = 'channel' AND key = ?""")) {
            select.setDate(1, Date.valueOf(from.atDay(1)));
            select.setDate(2, Date.valueOf(to.atDay(1)));
            select.setString(3, metric);
            select.setString(4, channel);
            addAll(months, select);
        }
        Map<String, Raw> byMonth = new TreeMap<>();
        months.forEach((month, values) -> byMonth.put(month, values.get(metric)));
        return byMonth;
    }

    private void addAll(Map<String, Map<String, Raw>> months, PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                add(months, FilteredMetrics.Row.of(rows));
            }
        }
    }

    /** A row of a metric (dimension '') or of one of its breakdowns; a breakdown without its metric's row is "not computed". */
    private void add(Map<String, Map<String, Raw>> months, FilteredMetrics.Row row) {
        if (MetricCatalogue.byId(row.metric()).isEmpty()) {
            return;
        }
        JsonNode inputs;
        try {
            inputs = json.readTree(row.inputs());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Raw value = new Raw(row.value(), row.reason(), inputs, new TreeMap<>());
        Map<String, Raw> metrics = months.computeIfAbsent(row.month(), m -> new TreeMap<>());
        if (row.dimension().isEmpty()) {
            Raw existing = metrics.get(row.metric());
            metrics.put(row.metric(), existing == null ? value : new Raw(value.value(), value.reason(), value.inputs(), existing.breakdowns()));
        } else {
            metrics.computeIfAbsent(row.metric(), id -> new Raw(null, "not computed", json.createObjectNode(), new TreeMap<>()))
                    .breakdowns().computeIfAbsent(row.dimension(), dimension -> new TreeMap<>()).put(row.key(), value);
        }
    }

    private static MetricsReport.Value rounded(Raw raw, MetricDefinition definition, int moneyScale) {
        Map<String, Map<String, MetricsReport.Value>> breakdowns = new TreeMap<>();
        raw.breakdowns().forEach((dimension, parts) -> {
            Map<String, MetricsReport.Value> values = new TreeMap<>();
            parts.forEach((key, part) -> values.put(key, rounded(part, definition, moneyScale)));
            breakdowns.put(dimension, values);
        });
        return new MetricsReport.Value(round(raw.value(), definition, moneyScale), definition.unit().name(), raw.reason(), raw.inputs(),
                breakdowns);
    }

    /** The values the filters can take for a tenant: what its customers and subscriptions hold, sorted. */
    public record FilterOptions(List<String> channels, List<String> countries, List<String> plans) {
    }

    private record FilterOptionsKey(String slug, String rollupVersion) {
    }

    public FilterOptions filterOptions(TenantAccess tenant) {
        String version = rollupVersion(tenant.schema());
        return reports.get(new FilterOptionsKey(tenant.slug(), version), k -> QuarkusTransaction.joiningExisting().call(
                () -> gate.inTenant(tenant.schema(), connection -> new FilterOptions(
                        distinct(connection, "SELECT DISTINCT channel FROM rollup_customer_dimensions WHERE channel <> '' ORDER BY 1"),
                        distinct(connection, "SELECT DISTINCT country FROM rollup_customer_dimensions WHERE country <> '' ORDER BY 1"),
                        distinct(connection, "SELECT DISTINCT plan FROM rollup_customer_plan_mrr WHERE plan <> '' ORDER BY 1")))))
                .await().indefinitely();
    }

    private static List<String> distinct(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
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

    /** The reason of a metric with no row at all for a month. */
    public static String noDataReason(MetricDefinition definition) {
        return "no data for this month yet: upload " + String.join(" and ", definition.needs());
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
