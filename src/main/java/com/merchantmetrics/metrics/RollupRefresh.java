package com.merchantmetrics.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.merchantmetrics.merchantdata.MerchantDataChanged;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantGate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Rebuilds a tenant's month-by-month rollup from a month on: customer MRR at every month end, renewal dates, completed
 * orders per customer and month, the buyers active at each month's start and the cohort cells of those months, then the metric queries of
 * src/main/resources/metrics/ in order (later queries read what earlier ones wrote), each only when it reads a dataset
 * the import changed. Runs right after an import commits, in one transaction of its own; pages and the API only ever
 * read the result.
 */
@ApplicationScoped
public class RollupRefresh {

    private static final Set<String> SUBSCRIPTIONS = Set.of("subscriptions", "fx_rates");
    private static final Set<String> ORDERS = Set.of("orders", "fx_rates");
    /** Also what customer firsts (and the customer_acquisition view on them) come from. */
    private static final Set<String> ORDERS_AND_SUBSCRIPTIONS = Set.of("orders", "subscriptions", "fx_rates");
    /** Orders, subscriptions and leads create the customers they name. */
    private static final Set<String> CUSTOMER_DIMENSIONS = Set.of("customers", "orders", "subscriptions", "leads");
    private static final String CUSTOMER_DIMENSIONS_TABLE = "rollup_customer_dimensions";
    private static final Set<String> ACQUISITION_COSTS =
            Set.of("customers", "orders", "subscriptions", "leads", "marketing_spend", "fx_rates");

    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([a-z_]+)");
    private static final String MONTH_COUNT = "month_count";

    /** The dimension rows of the customers a refresh recomputes, before it does (see earliestAcquisitionWithNewDimensions). */
    private static final Query KEEP_DIMENSIONS_BEFORE = parse("keep_dimensions_before", """
            CREATE TEMPORARY TABLE dimensions_before ON COMMIT DROP AS
            SELECT * FROM rollup_customer_dimensions WHERE :all_customers OR customer_id = ANY(:customers)""");
    private static final Query EARLIEST_ACQUISITION_WITH_NEW_DIMENSIONS = parse("earliest_acquisition_with_new_dimensions", """
            WITH after AS (SELECT * FROM rollup_customer_dimensions WHERE :all_customers OR customer_id = ANY(:customers)),
            changed AS ((SELECT * FROM dimensions_before EXCEPT SELECT * FROM after)
                        UNION (SELECT * FROM after EXCEPT SELECT * FROM dimensions_before)),
            named AS (SELECT customer_id FROM after WHERE :customers_file)
            SELECT (min(f.acquired_at) AT TIME ZONE :tz)::date FROM rollup_customer_firsts f
            WHERE f.customer_id IN (SELECT customer_id FROM changed UNION SELECT customer_id FROM named)""");

    /**
     * Cohort cells change only through the customers a refresh recomputes: what those customers counted in the cells
     * before (taken away) and count after (added) is applied to the cells kept (see cohort_cells.sql). A refresh of
     * every customer empties the refreshed months and adds everyone's.
     */
    private static final String COHORT_CELLS = text("cohort_cells");
    private static final Query COHORT_CELLS_BEFORE = parse("cohort_cells", """
            CREATE TEMPORARY TABLE cohort_changes ON COMMIT DROP AS
            SELECT cohort, month, -customers AS customers, -subscribers AS subscribers, -buyers AS buyers, -mrr AS mrr,
                   -revenue AS revenue
            FROM (
            %s
            ) cells WHERE :customers_known""".formatted(COHORT_CELLS));
    private static final Query COHORT_CELLS_AFTER = parse("cohort_cells", """
            INSERT INTO cohort_changes
            SELECT * FROM (
            %s
            ) cells""".formatted(COHORT_CELLS));
    private static final Query APPLY_COHORT_CHANGES = parse("cohort_cells", """
            INSERT INTO rollup_cohorts AS c (cohort, month, customers, subscribers, buyers, mrr, revenue, cumulative_revenue)
            SELECT cohort, month, sum(customers), sum(subscribers), sum(buyers), sum(mrr), sum(revenue), 0
            FROM cohort_changes GROUP BY cohort, month
            HAVING sum(customers) <> 0 OR sum(subscribers) <> 0 OR sum(buyers) <> 0 OR sum(mrr) <> 0 OR sum(revenue) <> 0
            ON CONFLICT (cohort, month) DO UPDATE SET customers = c.customers + EXCLUDED.customers,
                subscribers = c.subscribers + EXCLUDED.subscribers, buyers = c.buyers + EXCLUDED.buyers,
                mrr = c.mrr + EXCLUDED.mrr, revenue = c.revenue + EXCLUDED.revenue""");
    private static final Query CUMULATIVE_COHORT_REVENUE = parse("cohort_cells", """
            UPDATE rollup_cohorts c SET cumulative_revenue = r.cumulative
            FROM (SELECT x.cohort, x.month,
                         coalesce((SELECT p.cumulative_revenue FROM rollup_cohorts p
                                   WHERE p.cohort = x.cohort AND p.month = (:from::date - interval '1 month')::date), 0)
                             + sum(x.revenue) OVER (PARTITION BY x.cohort ORDER BY x.month) AS cumulative
                  FROM rollup_cohorts x
                  WHERE x.month >= :from::date AND x.cohort IN (SELECT cohort FROM cohort_changes)) r
            WHERE c.cohort = r.cohort AND c.month = r.month""");
    /** A cohort whose last customer moved to another month has no cells. */
    private static final Query DROP_EMPTY_COHORT_CELLS = parse("cohort_cells",
            "DELETE FROM rollup_cohorts WHERE month >= :from::date AND customers = 0");

    record Query(String name, String sql, List<String> parameters) {
    }

    /**
     * A rollup of the customer tables: its query, the table it fills (by month, or whole when byMonth is false), the
     * datasets it reads, and whether its rows are per customer. While the months the rollup covers stay the same (a
     * new month, a rebuild or a moved first month recomputes everything), an import of other datasets leaves its rows
     * as they are, and one that names the customers it changed recomputes only theirs (per-customer rollups).
     */
    record CustomerRollup(Query query, String table, boolean byMonth, Set<String> reads, boolean perCustomer)
            implements ReadsDatasets {
    }

    /**
     * A metric query and the datasets it reads; while the months stay the same, other imports keep its rows.
     * byAcquiredCustomers: it counts customers in the month they were acquired, by their dimensions, so a change to a
     * customer's dimensions recomputes it from that customer's acquisition month.
     */
    record MetricQuery(Query query, Set<String> reads, boolean byAcquiredCustomers) implements ReadsDatasets {

        MetricQuery(Query query, Set<String> reads) {
            this(query, reads, false);
        }
    }

    interface ReadsDatasets {

        Set<String> reads();

        default boolean affectedBy(Set<String> datasets) {
            return datasets.stream().anyMatch(reads()::contains);
        }
    }

    /** Held by a refresh of the tenant the connection is entered into, so refreshes of one tenant queue. */
    public static final String TENANT_REFRESH_LOCK =
            "SELECT pg_advisory_xact_lock(hashtext('merchant-metrics-rollup'), hashtext(current_schema()))";

    /** The months the rollup covers; rebuildPending: a migration added rollup tables that only a full rebuild fills. */
    private record State(Date firstMonth, Date lastMonth, boolean rebuildPending) {
    }

    private final TenantGate gate;
    private final MeterRegistry meters;
    private final Timer refreshTimer;
    private final List<CustomerRollup> customerRollups = List.of(
            new CustomerRollup(load("customer_plan_mrr"), "rollup_customer_plan_mrr", true, SUBSCRIPTIONS, true),
            new CustomerRollup(load("customer_mrr"), "rollup_customer_mrr", true, SUBSCRIPTIONS, true),
            new CustomerRollup(load("customer_renewals"), "rollup_customer_renewals", true, SUBSCRIPTIONS, true),
            new CustomerRollup(load("customer_orders"), "rollup_customer_orders", true, ORDERS, true),
            new CustomerRollup(load("active_buyers"), "rollup_active_buyers", true, Set.of("orders"), true),
            // Upserted from the refreshed months on (see the query), never cleared by month.
            new CustomerRollup(load("customer_firsts"), null, false, ORDERS_AND_SUBSCRIPTIONS, true),
            new CustomerRollup(load("customer_dimensions"), CUSTOMER_DIMENSIONS_TABLE, false, CUSTOMER_DIMENSIONS, true));

    /**
     * Metric queries in the order they run (later ones read what earlier ones wrote to rollup_metrics), each with the
     * datasets it reads, directly or through the rollup tables, views, functions and earlier metrics it uses; each
     * returns (month, metric, dimension, key, value, reason, inputs).
     */
    private final List<MetricQuery> metricQueries = List.of(
            new MetricQuery(load("mrr"), SUBSCRIPTIONS),
            new MetricQuery(load("arr"), Set.of("subscriptions", "orders", "fx_rates")),
            new MetricQuery(load("mrr_movements"), SUBSCRIPTIONS),
            new MetricQuery(load("mrr_churn_rates"), SUBSCRIPTIONS),
            new MetricQuery(load("subscriber_churn_rate"), SUBSCRIPTIONS),
            new MetricQuery(load("buyer_churn_rate"), Set.of("orders")),
            new MetricQuery(load("revenue"), ORDERS),
            new MetricQuery(load("repeat_purchase_rate"), ORDERS_AND_SUBSCRIPTIONS),
            new MetricQuery(load("visitor_conversion"), Set.of("orders", "traffic")),
            new MetricQuery(load("purchase_conversion"), Set.of("orders", "subscriptions", "traffic", "fx_rates")),
            new MetricQuery(load("lead_conversion_rate"), Set.of("leads")),
            new MetricQuery(load("new_customers"), ORDERS_AND_SUBSCRIPTIONS),
            new MetricQuery(load("spend"), Set.of("marketing_spend", "fx_rates")),
            new MetricQuery(load("cac"), ACQUISITION_COSTS, true),
            new MetricQuery(load("churn_by_reason"), SUBSCRIPTIONS),
            new MetricQuery(load("renewals"), SUBSCRIPTIONS),
            new MetricQuery(load("ltv"), SUBSCRIPTIONS),
            new MetricQuery(load("ltv_cac"), ACQUISITION_COSTS, true));

    private final Duration transactionTimeout;
    private final String workMem;

    RollupRefresh(TenantGate gate, MeterRegistry meters,
            @ConfigProperty(name = "merchant-metrics.batch-transaction-timeout") Duration transactionTimeout,
            @ConfigProperty(name = "merchant-metrics.rollup.work-mem") String workMem) {
        this.gate = gate;
        this.transactionTimeout = transactionTimeout;
        this.workMem = workMem;
        this.meters = meters;
        this.refreshTimer = meters.timer("merchant_metrics.rollup.refresh");
    }

    void onDataChanged(@Observes MerchantDataChanged change) {
        Tenant tenant = QuarkusTransaction.requiringNew().call(() -> Tenant.findBySlug(change.tenantSlug()).orElseThrow());
        refresh(tenant, change.earliestChange(), change.datasets(), change.customers());
    }

    /**
     * A month can start without any import: every hour, each tenant whose rollup ends before the current month (in
     * the tenant's time zone) is refreshed from its last month on, so the new month is there on its first day and the
     * month that just ended gets its final figures.
     */
    @Scheduled(cron = "{merchant-metrics.rollup.catch-up-cron:0 5 * * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void catchUpNewMonths() {
        List<Tenant> tenants = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>list("status", Tenant.Status.active));
        for (Tenant tenant : tenants) {
            ZoneId zone = ZoneId.of(tenant.timeZone);
            State state = QuarkusTransaction.requiringNew().call(() -> gate.inTenant(tenant.schema(), RollupRefresh::state));
            if (state.rebuildPending()) {
                refresh(tenant, null);
            } else if (state.lastMonth() != null && YearMonth.from(state.lastMonth().toLocalDate()).isBefore(YearMonth.now(zone))) {
                // No data changed: the new month's range change alone recomputes every rollup from the last month on.
                refresh(tenant, state.lastMonth().toLocalDate().atStartOfDay(zone).toInstant(), Set.of(), null);
            }
        }
    }

    private static State state(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT first_month, last_month, rebuild_pending FROM rollup_state")) {
            return rs.next() ? new State(rs.getDate(1), rs.getDate(2), rs.getBoolean(3)) : new State(null, null, false);
        }
    }

    /** Recomputes every rollup from the month of earliestChange on (null = rebuild everything). */
    public void refresh(Tenant tenant, Instant earliestChange) {
        refresh(tenant, earliestChange, null, null);
    }

    /**
     * Recomputes the rollup from the month of earliestChange on (null = rebuild everything). Unless the months the
     * rollup covers changed, rollups of the customer tables that read none of the changed datasets (null = all of
     * them) keep their rows, and per-customer ones recompute only the changed customers' rows (null = everyone's).
     */
    public void refresh(Tenant tenant, Instant earliestChange, Set<String> changedDatasets, Set<String> changedCustomers) {
        long started = System.nanoTime();
        ZoneId zone = ZoneId.of(tenant.timeZone);
        QuarkusTransaction.requiringNew().timeout((int) transactionTimeout.toSeconds()).run(() -> gate.inTenant(tenant.schema(), connection -> {
            YearMonth[] range = dataRange(connection, zone);
            try (Statement statement = connection.createStatement()) {
                statement.execute(TENANT_REFRESH_LOCK);
            }
            // The refresh's hashes and sorts over a month of customers spill to disk at PostgreSQL's default 4 MB.
            try (PreparedStatement memory = connection.prepareStatement("SELECT set_config('work_mem', ?, true)")) {
                memory.setString(1, workMem);
                memory.execute();
            }
            State before = state(connection);
            // A rebuild (earliestChange null) empties the customers' firsts, so every rollup runs again.
            boolean sameMonths = range != null && earliestChange != null && changedDatasets != null && !before.rebuildPending()
                    && before.firstMonth() != null && before.lastMonth() != null
                    && range[0].equals(YearMonth.from(before.firstMonth().toLocalDate()))
                    && range[1].equals(YearMonth.from(before.lastMonth().toLocalDate()));
            List<CustomerRollup> stale = customerRollups.stream()
                    .filter(rollup -> !sameMonths || rollup.affectedBy(changedDatasets)).toList();
            List<MetricQuery> staleMetrics = metricQueries.stream()
                    .filter(query -> !sameMonths || query.affectedBy(changedDatasets)).toList();
            String[] onlyCustomers = sameMonths && changedCustomers != null ? changedCustomers.toArray(String[]::new) : null;
            if (range == null || earliestChange == null) {
                // A rebuild may follow a replaced file or a new time zone: no customer's firsts can be kept.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DELETE FROM rollup_customer_firsts");
                }
            }
            if (range == null) {
                clear(connection, customerRollups, "TRUE", null);
                deleteCohortCells(connection, "TRUE");
                deleteMetricRows(connection, "TRUE", null);
                return null;
            }
            YearMonth from = earliestChange == null ? range[0]
                    : max(range[0], YearMonth.from(earliestChange.atZone(zone)));
            Map<String, Object> parameters = parameters(tenant, from, range[1]);
            parameters.put("all_customers", onlyCustomers == null);
            parameters.put("customers", onlyCustomers == null ? new String[0] : onlyCustomers);
            // Not in a rebuild, which recomputes every month anyway (nor while one is pending: older rows lack their query).
            boolean dimensionsChange = earliestChange != null && !before.rebuildPending()
                    && stale.stream().anyMatch(rollup -> CUSTOMER_DIMENSIONS_TABLE.equals(rollup.table()));
            if (dimensionsChange) {
                keepDimensionsBefore(connection, parameters);
            }
            String refreshedMonths = monthsFrom(from, range, sameMonths);
            boolean cohortsChange = !sameMonths || changedDatasets.stream().anyMatch(ORDERS_AND_SUBSCRIPTIONS::contains);
            if (cohortsChange) {
                if (onlyCustomers == null) {
                    deleteCohortCells(connection, refreshedMonths);
                }
                parameters.put("customers_known", onlyCustomers != null);
                execute(connection, COHORT_CELLS_BEFORE, COHORT_CELLS_BEFORE.sql(), parameters);
            }
            clear(connection, stale, refreshedMonths, onlyCustomers);
            if (!sameMonths) {
                // Also the rows written before each row recorded its query.
                deleteMetricRows(connection, refreshedMonths, null);
            }
            for (CustomerRollup rollup : stale) {
                execute(connection, rollup.query(), rollup.query().sql(), parameters);
            }
            if (cohortsChange) {
                for (Query query : List.of(COHORT_CELLS_AFTER, APPLY_COHORT_CHANGES, CUMULATIVE_COHORT_REVENUE, DROP_EMPTY_COHORT_CELLS)) {
                    execute(connection, query, query.sql(), parameters);
                }
            }
            YearMonth acquisitionsFrom = dimensionsChange
                    ? earliestAcquisitionWithNewDimensions(connection, parameters,
                            changedDatasets == null || changedDatasets.contains("customers"))
                    : null;
            for (MetricQuery metric : staleMetrics) {
                Query query = metric.query();
                Map<String, Object> queryParameters = parameters;
                YearMonth queryFrom = from;
                if (metric.byAcquiredCustomers() && acquisitionsFrom != null && acquisitionsFrom.isBefore(from)) {
                    queryFrom = acquisitionsFrom;
                    queryParameters = new HashMap<>(parameters);
                    queryParameters.put("from", queryFrom.atDay(1).toString());
                }
                if (sameMonths || queryFrom.isBefore(from)) {
                    deleteMetricRows(connection, monthsFrom(queryFrom, range, sameMonths), query.name());
                }
                execute(connection, query, "INSERT INTO rollup_metrics (query, month, metric, dimension, key, value, reason, inputs) "
                        + "SELECT '" + query.name() + "', q.* FROM (" + query.sql() + ") q", queryParameters);
            }
            long elapsed = System.nanoTime() - started;
            refreshTimer.record(elapsed, TimeUnit.NANOSECONDS);
            double seconds = elapsed / 1e9;
            try (PreparedStatement state = connection.prepareStatement("""
                    INSERT INTO rollup_state (first_month, last_month, refreshed_at, seconds) VALUES (?, ?, now(), ?)
                    ON CONFLICT (singleton) DO UPDATE SET first_month = EXCLUDED.first_month, last_month = EXCLUDED.last_month,
                        refreshed_at = EXCLUDED.refreshed_at, seconds = EXCLUDED.seconds,
                        rebuild_pending = rollup_state.rebuild_pending AND ?""")) {
                state.setDate(1, Date.valueOf(range[0].atDay(1)));
                state.setDate(2, Date.valueOf(range[1].atDay(1)));
                state.setDouble(3, seconds);
                state.setBoolean(4, earliestChange != null);
                state.executeUpdate();
            }
            Log.infof("Rollup of %s refreshed from %s to %s in %.3f s", tenant.slug, from, range[1], seconds);
            return null;
        }));
    }

    /** The parameters of the metric queries: the months to compute and the tenant's settings. */
    static Map<String, Object> parameters(Tenant tenant, YearMonth from, YearMonth to) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", from.atDay(1).toString());
        parameters.put("to", to.atDay(1).toString());
        parameters.put("tz", tenant.timeZone);
        parameters.put("currency", tenant.reportingCurrency);
        parameters.put("inactivity_days", tenant.inactivityDays);
        parameters.put("cac_window", tenant.cacWindowMonths);
        parameters.put("ltv_window", tenant.ltvWindowMonths);
        parameters.put("gross_margin", tenant.grossMargin);
        return parameters;
    }

    /** First and last month with data (the last at least the current month), or null without any data. */
    private static YearMonth[] dataRange(Connection connection, ZoneId zone) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT least(((SELECT min(ordered_at) FROM orders) AT TIME ZONE ?)::date,
                             ((SELECT min(starts_at) FROM subscriptions) AT TIME ZONE ?)::date,
                             (SELECT min(day) FROM traffic), (SELECT min(period_start) FROM marketing_spend),
                             ((SELECT min(created_at) FROM leads) AT TIME ZONE ?)::date),
                       greatest(((SELECT max(ordered_at) FROM orders) AT TIME ZONE ?)::date,
                                (SELECT max(day) FROM traffic), (SELECT max(period_start) FROM marketing_spend),
                                ((SELECT max(created_at) FROM leads) AT TIME ZONE ?)::date)""")) {
            for (int i = 1; i <= 5; i++) {
                select.setString(i, zone.getId());
            }
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                if (rs.getDate(1) == null) {
                    return null;
                }
                YearMonth now = YearMonth.now(zone);
                YearMonth last = rs.getDate(2) == null ? now : max(now, YearMonth.from(rs.getDate(2).toLocalDate()));
                return new YearMonth[] {YearMonth.from(rs.getDate(1).toLocalDate()), last};
            }
        }
    }

    /**
     * The refreshed months from a month on and, unless the rollup covers the same months as before, any month outside
     * the range it now covers. When it covers the same months, the refreshed ones are listed (no rollup row lies past
     * the range's last month): a delete of some customers' rows then looks up each month and customer in the
     * (month, customer) keys instead of reading every key of those months.
     */
    private static String monthsFrom(YearMonth from, YearMonth[] range, boolean sameMonths) {
        if (sameMonths) {
            return Stream.iterate(from, month -> !month.isAfter(range[1]), month -> month.plusMonths(1))
                    .map(month -> month.atDay(1).toString()).collect(Collectors.joining(",", "month = ANY('{", "}'::date[])"));
        }
        return "month >= '" + from.atDay(1) + "' OR month < '" + range[0].atDay(1) + "' OR month > '" + range[1].atDay(1) + "'";
    }

    /**
     * Deletes the months of the condition from the given rollups (all months of a table not kept by month), in
     * per-customer rollups only the rows of onlyCustomers unless that is null.
     */
    private static void clear(Connection connection, List<CustomerRollup> rollups, String monthCondition, String[] onlyCustomers)
            throws SQLException {
        for (CustomerRollup rollup : rollups) {
            if (rollup.table() == null) {
                continue;
            }
            boolean some = onlyCustomers != null && rollup.perCustomer();
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + rollup.table() + " WHERE "
                    + (rollup.byMonth() ? "(" + monthCondition + ")" : "TRUE") + (some ? " AND customer_id = ANY(?)" : ""))) {
                if (some) {
                    delete.setArray(1, connection.createArrayOf("text", onlyCustomers));
                }
                delete.executeUpdate();
            }
        }
    }

    private static void deleteCohortCells(Connection connection, String monthCondition) throws SQLException {
        try (Statement delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM rollup_cohorts WHERE " + monthCondition);
        }
    }

    /** Deletes the metric rows of the months of the condition that the query wrote (null: all queries). */
    private static void deleteMetricRows(Connection connection, String monthCondition, String query) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM rollup_metrics WHERE (" + monthCondition + ")"
                + (query == null ? "" : " AND query = ?"))) {
            if (query != null) {
                delete.setString(1, query);
            }
            delete.executeUpdate();
        }
    }

    /** The dimension rows of the customers about to be recomputed, to see afterwards whose changed. */
    private static void keepDimensionsBefore(Connection connection, Map<String, Object> parameters) throws SQLException {
        try (PreparedStatement keep = connection.prepareStatement(KEEP_DIMENSIONS_BEFORE.sql())) {
            bind(keep, KEEP_DIMENSIONS_BEFORE, parameters);
            keep.execute();
        }
    }

    /**
     * The month of the earliest acquisition among the customers whose segment, channel or country the refresh changed
     * (and, after a customers file, among the customers it named: their marketing_originated may have changed), or
     * null: an order, lead or customer row can change the acquisition channel of a customer acquired before the first
     * month the import touched, and CAC counts customers by the month they were acquired.
     */
    private static YearMonth earliestAcquisitionWithNewDimensions(Connection connection, Map<String, Object> parameters,
            boolean customersFile) throws SQLException {
        Map<String, Object> withFile = new HashMap<>(parameters);
        withFile.put("customers_file", customersFile);
        try (PreparedStatement select = connection.prepareStatement(EARLIEST_ACQUISITION_WITH_NEW_DIMENSIONS.sql())) {
            bind(select, EARLIEST_ACQUISITION_WITH_NEW_DIMENSIONS, withFile);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getDate(1) == null ? null : YearMonth.from(rs.getDate(1).toLocalDate());
            }
        }
    }

    private void execute(Connection connection, Query query, String sql, Map<String, Object> parameters)
            throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, query, parameters);
            statement.executeUpdate();
            long elapsed = System.nanoTime() - started;
            meters.timer("merchant_metrics.rollup.query", "query", query.name()).record(elapsed, TimeUnit.NANOSECONDS);
            Log.debugf("%s.sql took %.3f s", query.name(), elapsed / 1e9);
        } catch (SQLException e) {
            throw new SQLException("Metric query " + query.name() + ".sql failed: " + e.getMessage(), e);
        }
    }

    /**
     * Binds the :named parameters of a query. A null value is a numeric null (gross margin unset); an Optional is a
     * text that may be absent (a filter).
     */
    static void bind(PreparedStatement statement, Query query, Map<String, Object> parameters) throws SQLException {
        for (int i = 0; i < query.parameters().size(); i++) {
            String name = query.parameters().get(i);
            if (!parameters.containsKey(name) && !MONTH_COUNT.equals(name)) {
                throw new IllegalStateException("No value for :" + name + " in " + query.name() + ".sql");
            }
            Object value = MONTH_COUNT.equals(name) ? monthCount(parameters) : parameters.get(name);
            if (value == null) {
                statement.setNull(i + 1, Types.NUMERIC);
            } else if (value instanceof Optional<?> text) {
                statement.setString(i + 1, (String) text.orElse(null));
            } else if (value instanceof String[] texts) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("text", texts));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    /**
     * The number of months from :from to :to, derived when bound so that it always matches them. The metric queries'
     * months end with LIMIT :month_count, which keeps them all but tells PostgreSQL how many there are: for a series of
     * timestamps it assumes 1,000 rows, and for the two months of a day's import it then hashes whole tables.
     */
    private static long monthCount(Map<String, Object> parameters) {
        return ChronoUnit.MONTHS.between(YearMonth.from(LocalDate.parse((String) parameters.get("from"))),
                YearMonth.from(LocalDate.parse((String) parameters.get("to")))) + 1;
    }

    /** Reads a query file and turns its :named parameters into JDBC placeholders, remembering their order. */
    static Query load(String name) {
        return parse(name, text(name));
    }

    static String text(String name) {
        try (InputStream in = RollupRefresh.class.getResourceAsStream("/metrics/" + name + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("Missing metric query " + name + ".sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Query parse(String name, String text) {
        List<String> parameters = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(text);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            parameters.add(matcher.group(1));
            matcher.appendReplacement(sql, "?");
        }
        matcher.appendTail(sql);
        return new Query(name, sql.toString(), List.copyOf(parameters));
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }
}
