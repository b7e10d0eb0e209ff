package com.merchantmetrics.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.metrics.RollupRefresh;
import com.merchantmetrics.testsupport.TestUsers;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantGate;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * bench/metrics-benchmark.sh: on the benchmark tenant, the full rollup rebuild, the incremental refresh after one
 * more day of each file, the metrics API's latency for twelve months, and DuckDB computing the same monthly MRR,
 * MRR movements and subscription cohorts straight from the same CSVs, and the time writing the rollup's rows alone
 * takes. The DuckDB figures are checked against the app's rollup month by month, so both sides did the same work;
 * nothing is asserted about time.
 */
@QuarkusTest
class MetricsBenchmark {

    static final int API_REQUESTS = Integer.getInteger("bench.requests", 300);
    /** One more day of each file is imported this many times (other ids each time); the median refresh is quoted. */
    static final int INCREMENTAL_ROUNDS = 3;
    static final List<String> MRR_METRICS = List.of("mrr", "subscribers", "new_mrr", "reactivation_mrr", "expansion_mrr",
            "contraction_mrr", "churned_mrr");
    /** The app's rollup queries that compute what the DuckDB queries compute (cohorts: COHORTS_SQL below). */
    static final List<String> SAME_WORK_QUERIES = List.of("customer_mrr", "mrr", "mrr_movements");

    /** Subscription cohorts over the app's rollup: acquisition month, months since, subscribers then; k = -1 is the cohort size. */
    static final String COHORTS_SQL = """
            WITH cohort AS (SELECT customer_id, date_trunc('month', acquired_at AT TIME ZONE 'UTC')::date AS month
                            FROM customer_acquisition)
            SELECT to_char(c.month, 'YYYY-MM'), -1, count(*) FROM cohort c GROUP BY c.month
            UNION ALL
            SELECT to_char(c.month, 'YYYY-MM'), (extract(year FROM age(r.month, c.month)) * 12 + extract(month FROM age(r.month, c.month)))::int,
                   count(*)
            FROM cohort c JOIN rollup_customer_mrr r ON r.customer_id = c.customer_id AND r.month >= c.month
            GROUP BY 1, 2""";

    @Inject
    BenchmarkTenant benchmarkTenant;
    @Inject
    RollupRefresh rollup;
    @Inject
    TenantGate gate;
    @Inject
    MeterRegistry meters;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void metricsAtScale() throws Exception {
        Tenant tenant = benchmarkTenant.prepare(base.toString());

        double rebuild = Double.MAX_VALUE;
        double sameWork = Double.MAX_VALUE;
        for (int round = 0; round < 2; round++) {
            double before = queriesSeconds(SAME_WORK_QUERIES);
            Map<String, Double> perQuery = perQuerySeconds();
            long started = System.nanoTime();
            rollup.refresh(tenant, null);
            System.out.printf("full rebuild: slowest queries %s%n", slowest(perQuery, 1));
            rebuild = Math.min(rebuild, (System.nanoTime() - started) / 1e9);
            long cohortStarted = System.nanoTime();
            Map<String, Long> appCohorts = cohorts(tenant);
            sameWork = Math.min(sameWork, queriesSeconds(SAME_WORK_QUERIES) - before + (System.nanoTime() - cohortStarted) / 1e9);
            if (round == 0) {
                System.out.printf("full rebuild: cohort cells %d%n", appCohorts.size());
            }
        }
        System.out.printf("full rebuild: %.1f s (every metric); of which MRR, movements and cohorts %.1f s%n", rebuild, sameWork);
        vacuum(tenant);

        long runStarted = System.currentTimeMillis();
        String token = TestUsers.accessToken("alice");
        List<String> incremental = new ArrayList<>();
        for (String dataset : List.of("orders", "subscriptions", "marketing_spend", "traffic", "leads")) {
            Map<String, Double> perQuery = perQuerySeconds();
            List<Double> seconds = new ArrayList<>();
            for (int round = 0; round < INCREMENTAL_ROUNDS; round++) {
                String fileId = BenchmarkTenant.runId(runStarted, round);
                Path day = BenchmarkTenant.nextDay(dataset, fileId);
                BenchmarkTenant.upload(base.toString(), token, tenant, dataset, day, dataset + "-" + fileId + ".csv");
                Files.delete(day);
                seconds.add(Double.parseDouble(value(tenant, "SELECT seconds FROM rollup_state")));
            }
            incremental.add(String.format("%s %.2f s (%s)", dataset, seconds.stream().sorted().toList().get(INCREMENTAL_ROUNDS / 2),
                    seconds.stream().map(value -> String.format("%.2f", value)).collect(Collectors.joining(" / "))));
            System.out.printf("incremental refresh: after %s, slowest queries (a round's mean) %s%n", dataset,
                    slowest(perQuery, INCREMENTAL_ROUNDS));
        }
        System.out.printf("incremental refresh after one more day (%s), per file, median of %d files (each): %s%n",
                BenchmarkTenant.LAST_DAY.plusDays(1), INCREMENTAL_ROUNDS, String.join(", ", incremental));

        for (String filters : List.of("", "&segment=b2c", "&segment=b2c&channel=paid_search&view=t12m")) {
            List<Double> millis = apiLatencies(tenant, token, filters);
            System.out.printf("metrics API, 12 months%s, %d requests: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", filters, API_REQUESTS,
                    PortfolioBenchmark.percentile(millis, 50), PortfolioBenchmark.percentile(millis, 95), millis.get(millis.size() - 1));
        }

        // After the refreshes: the copies write millions of rows, whose WAL and checkpoints would slow the refreshes measured.
        RollupWriting writing = rollupWriting(tenant);
        double duckdb = Double.MAX_VALUE;
        DuckDbMetrics.Result duck = null;
        for (int round = 0; round < 2; round++) {
            long started = System.nanoTime();
            duck = DuckDbMetrics.compute(BenchmarkTenant.dataDirectory(), BenchmarkTenant.settings().firstDay(),
                    YearMonth.now(ZoneOffset.UTC), BenchmarkTenant.REPORTING_CURRENCY);
            duckdb = Math.min(duckdb, (System.nanoTime() - started) / 1e9);
        }
        System.out.printf("DuckDB (MRR, movements, cohorts from the CSVs): %.1f s; full rebuild / DuckDB = %.1f, same work / DuckDB = %.1f%n",
                duckdb, rebuild / duckdb, sameWork / duckdb);
        System.out.printf("full rebuild: writing its %d rollup rows alone (copied into tables with the same indexes) %.1f s = %.1f × DuckDB%n",
                writing.rows(), writing.seconds(), writing.seconds() / duckdb);

        // What the incremental refreshes left must be exactly what a full rebuild computes.
        java.util.Set<String> incrementally = rollupRows(tenant);
        rollup.refresh(tenant, null);
        java.util.Set<String> rebuilt = rollupRows(tenant);
        assertThat(difference(incrementally, rebuilt)).as("rows only after the incremental refreshes").isEmpty();
        assertThat(difference(rebuilt, incrementally)).as("rows only after the full rebuild").isEmpty();
        System.out.printf("DuckDB and incremental checks: incremental refreshes equal a full rebuild (%d rollup rows)%n", rebuilt.size());

        // The same numbers on both sides in the months before the extra days: DuckDB read the generated files only.
        assertSameAsApp(tenant, duck);
    }

    /**
     * The rebuilds rewrote millions of rollup rows. Autovacuum would clean and analyze them within minutes while
     * competing with the refreshes measured next; this does it first, so the incremental refresh is measured on a
     * settled database (as an import a day would find it). VACUUM cannot run inside a transaction: plain connection.
     */
    private void vacuum(Tenant tenant) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("VACUUM (ANALYZE) " + String.join(", ", tables(connection, tenant)));
        }
        System.out.printf("full rebuild: then VACUUM (ANALYZE) of the tenant's tables in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * The least a rebuild that keeps this rollup can take: its rows (per customer and month, so that an import
     * recomputes only the customers it names) copied as they are into tables with the same indexes, then rolled back.
     */
    private RollupWriting rollupWriting(Tenant tenant) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            List<String> rollups = tables(connection, tenant).stream().filter(table -> table.contains(".rollup_")).toList();
            long started = System.nanoTime();
            long rows = 0;
            for (String rollup : rollups) {
                statement.execute("CREATE TABLE " + rollup + "_copy (LIKE " + rollup + " INCLUDING ALL)");
                rows += statement.executeUpdate("INSERT INTO " + rollup + "_copy SELECT * FROM " + rollup);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            connection.rollback();
            return new RollupWriting(rows, seconds);
        }
    }

    private record RollupWriting(long rows, double seconds) {
    }

    private static List<String> tables(Connection connection, Tenant tenant) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables WHERE schemaname = '" + tenant.schema().schemaName() + "'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private void assertSameAsApp(Tenant tenant, DuckDbMetrics.Result duck) {
        Map<String, Map<String, BigDecimal>> app = new TreeMap<>();
        inTenant(tenant, connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT to_char(month, 'YYYY-MM'), metric, value FROM rollup_metrics WHERE dimension = '' AND metric IN ('"
                            + String.join("','", MRR_METRICS) + "') AND month < '" + YearMonth.from(BenchmarkTenant.LAST_DAY).atDay(1) + "'")) {
                while (rows.next()) {
                    app.computeIfAbsent(rows.getString(1), month -> new TreeMap<>()).put(rows.getString(2), rows.getBigDecimal(3));
                }
            }
            return null;
        });
        assertThat(app).isNotEmpty();
        int compared = 0;
        for (var month : app.entrySet()) {
            for (var metric : month.getValue().entrySet()) {
                BigDecimal duckValue = duck.monthly().get(month.getKey()).get(metric.getKey());
                assertThat(duckValue).as(month.getKey() + " " + metric.getKey()).isNotNull();
                assertThat(duckValue.subtract(metric.getValue()).abs()).as(month.getKey() + " " + metric.getKey() + ": DuckDB "
                        + duckValue + ", app " + metric.getValue()).isLessThanOrEqualTo(new BigDecimal("0.01"));
                compared++;
            }
        }
        Map<String, Long> appCohorts = cohorts(tenant);
        appCohorts.keySet().removeIf(MetricsBenchmark::touchedByExtraDays);
        Map<String, Long> duckCohorts = new TreeMap<>(duck.cohorts());
        duckCohorts.keySet().removeIf(MetricsBenchmark::touchedByExtraDays);
        assertThat(duckCohorts).isEqualTo(appCohorts);
        System.out.printf("DuckDB equals the app: %d monthly MRR and movement values, %d cohort cells%n", compared, appCohorts.size());
    }

    /** Every row of the tenant's rollup tables as text. */
    private java.util.Set<String> rollupRows(Tenant tenant) {
        java.util.Set<String> rows = new java.util.HashSet<>();
        inTenant(tenant, connection -> {
            for (String table : List.of("rollup_metrics", "rollup_customer_mrr", "rollup_customer_orders", "rollup_customer_firsts")) {
                try (Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("SELECT '" + table + "' || t::text FROM " + table + " t")) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
            }
            return null;
        });
        return rows;
    }

    private static List<String> difference(java.util.Set<String> a, java.util.Set<String> b) {
        return a.stream().filter(row -> !b.contains(row)).sorted().limit(10).toList();
    }

    /** A cohort cell observed in or after the month of the days this and earlier runs added beyond the files. */
    private static boolean touchedByExtraDays(String cell) {
        String[] parts = cell.split("/");
        int monthsSince = parts[1].equals("size") ? 0 : Integer.parseInt(parts[1]);
        return !YearMonth.parse(parts[0]).plusMonths(monthsSince).isBefore(YearMonth.from(BenchmarkTenant.LAST_DAY));
    }

    /** filters: extra query parameters (filters, view), "" for none; the first request is the uncached one. */
    private List<Double> apiLatencies(Tenant tenant, String token, String filters) throws Exception {
        YearMonth to = YearMonth.from(BenchmarkTenant.LAST_DAY);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/tenants/" + tenant.slug + "/metrics?from="
                + to.minusMonths(11) + "&to=" + to + filters)).header("Authorization", "Bearer " + token).build();
        HttpClient client = HttpClient.newHttpClient();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < API_REQUESTS + 30; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            double elapsed = (System.nanoTime() - started) / 1e6;
            assertThat(response.statusCode()).isEqualTo(200);
            if (i == 0) {
                System.out.printf("metrics API, 12 months%s: first request after the refresh %.0f ms%n", filters, elapsed);
            }
            if (i >= 30) {
                millis.add(elapsed);
            }
        }
        millis.sort(Double::compare);
        return millis;
    }

    /** "YYYY-MM/k" → subscribers of the cohort at the end of its k-th month; "YYYY-MM/size" → the cohort's size. */
    private Map<String, Long> cohorts(Tenant tenant) {
        Map<String, Long> cells = new TreeMap<>();
        inTenant(tenant, connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(COHORTS_SQL)) {
                while (rows.next()) {
                    cells.put(DuckDbMetrics.cell(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                }
            }
            return null;
        });
        return cells;
    }

    private double queriesSeconds(List<String> names) {
        Map<String, Double> all = perQuerySeconds();
        return names.stream().mapToDouble(name -> all.getOrDefault(name, 0.0)).sum();
    }

    /** Seconds spent so far in each rollup query (the refresh's per-query timers). */
    private Map<String, Double> perQuerySeconds() {
        Map<String, Double> seconds = new TreeMap<>();
        meters.find("merchant_metrics.rollup.query").timers()
                .forEach(timer -> seconds.put(timer.getId().getTag("query"), timer.totalTime(TimeUnit.NANOSECONDS) / 1e9));
        return seconds;
    }

    /** The five queries that took longest since the given snapshot, per refresh of the given number, e.g. "cac 1.20 s, ltv 0.80 s". */
    private String slowest(Map<String, Double> before, int refreshes) {
        return perQuerySeconds().entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), (entry.getValue() - before.getOrDefault(entry.getKey(), 0.0)) / refreshes))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                .map(entry -> String.format("%s %.2f s", entry.getKey(), entry.getValue())).collect(Collectors.joining(", "));
    }

    private String value(Tenant tenant, String sql) {
        return inTenant(tenant, connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                return rows.next() ? rows.getString(1) : null;
            }
        });
    }

    private <T> T inTenant(Tenant tenant, TenantGate.TenantWork<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> gate.inTenant(tenant.schema(), work));
    }
}
