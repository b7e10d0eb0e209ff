package com.merchantmetrics.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * The yardstick of bench/metrics-benchmark.sh: DuckDB (in memory) reads the generated CSVs and computes monthly MRR
 * and subscribers, the MRR movements and subscription cohorts by acquisition month, by the definitions of
 * spec/metrics.md (UTC tenant, so the files' local times are UTC).
 */
final class DuckDbMetrics {

    record Result(Map<String, Map<String, BigDecimal>> monthly, Map<String, Long> cohorts) {
    }

    private DuckDbMetrics() {
    }

    static String cell(String cohortMonth, int monthsSince) {
        return cohortMonth + "/" + (monthsSince < 0 ? "size" : String.format("%02d", monthsSince));
    }

    static Result compute(Path csvDirectory, LocalDate firstDay, YearMonth lastMonth, String currency) throws SQLException {
        String dir = csvDirectory.toAbsolutePath().toString().replace("'", "''") + "/";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            sql.execute("CREATE TABLE fx AS SELECT * FROM read_csv('" + dir + "fx_rates.csv', header = true,"
                    + " columns = {'date': 'DATE', 'currency': 'VARCHAR', 'rate': 'DECIMAL(20,10)'})");
            // Months of a billing period as the importer stores them: weeks × 12/52 to 8 decimals.
            sql.execute("""
                    CREATE TABLE subscriptions AS
                    WITH raw AS (
                        SELECT customer_id, starts_at, ends_at, trial_ends_at, amount, currency, upper(billing_period) AS period
                        FROM read_csv('%1$ssubscriptions.csv', header = true,
                                      types = {'starts_at': 'TIMESTAMP', 'ends_at': 'TIMESTAMP', 'trial_ends_at': 'TIMESTAMP',
                                               'amount': 'DECIMAL(19,4)', 'customer_id': 'VARCHAR'}))
                    SELECT raw.customer_id, raw.starts_at, raw.ends_at, raw.trial_ends_at, raw.amount,
                           raw.amount / CASE
                               WHEN period = 'WEEK' THEN round(12 / 52, 8)
                               WHEN period = 'MONTH' THEN 1 WHEN period = 'QUARTER' THEN 3
                               WHEN period = 'HALF_YEAR' THEN 6 WHEN period = 'YEAR' THEN 12
                               WHEN period LIKE '%%W' THEN round(CAST(regexp_extract(period, 'P(\\d+)W', 1) AS INTEGER) * 12 / 52, 8)
                               ELSE coalesce(CAST(nullif(regexp_extract(period, '(\\d+)Y', 1), '') AS INTEGER), 0) * 12
                                    + coalesce(CAST(nullif(regexp_extract(period, '(\\d+)M', 1), '') AS INTEGER), 0) END
                           * CASE WHEN raw.currency = '%2$s' THEN 1 ELSE fx.rate END AS monthly
                    FROM raw ASOF LEFT JOIN fx ON raw.currency = fx.currency AND CAST(raw.starts_at AS DATE) >= fx.date
                    """.formatted(dir, currency));
            sql.execute("CREATE TABLE months AS SELECT CAST(range AS DATE) AS month, range + INTERVAL 1 MONTH AS month_end FROM range(TIMESTAMP '"
                    + firstDay.withDayOfMonth(1) + "', TIMESTAMP '" + lastMonth.plusMonths(1).atDay(1) + "', INTERVAL 1 MONTH)");
            sql.execute("""
                    CREATE TABLE customer_mrr AS
                    SELECT m.month, s.customer_id, sum(s.monthly) AS mrr
                    FROM months m JOIN subscriptions s ON s.starts_at < m.month_end
                                                       AND (s.ends_at IS NULL OR s.ends_at >= m.month_end)
                                                       AND (s.trial_ends_at IS NULL OR s.trial_ends_at < m.month_end)
                    GROUP BY m.month, s.customer_id HAVING sum(s.amount) > 0""");
            Map<String, Map<String, BigDecimal>> monthly = new TreeMap<>();
            try (ResultSet rows = sql.executeQuery("""
                    WITH firsts AS (SELECT customer_id, min(month) AS first_month FROM customer_mrr GROUP BY customer_id),
                    totals AS (SELECT month, sum(mrr) AS mrr, count(*) AS subscribers FROM customer_mrr GROUP BY month),
                    pairs AS (
                        SELECT coalesce(cur.month, prev.month) AS month, coalesce(cur.customer_id, prev.customer_id) AS customer_id,
                               coalesce(prev.mrr, 0) AS c0, coalesce(cur.mrr, 0) AS c1
                        FROM customer_mrr cur
                        FULL JOIN (SELECT CAST(month + INTERVAL 1 MONTH AS DATE) AS month, customer_id, mrr FROM customer_mrr) prev
                            ON prev.month = cur.month AND prev.customer_id = cur.customer_id
                    ),
                    flagged AS (
                        SELECT p.*, f.first_month < CAST(p.month - INTERVAL 1 MONTH AS DATE) AS had_mrr_before
                        FROM pairs p JOIN firsts f USING (customer_id)
                    )
                    SELECT strftime(m.month, '%Y-%m'), coalesce(any_value(t.mrr), 0), coalesce(any_value(t.subscribers), 0),
                           coalesce(sum(c1) FILTER (WHERE c0 = 0 AND c1 > 0 AND NOT had_mrr_before), 0),
                           coalesce(sum(c1) FILTER (WHERE c0 = 0 AND c1 > 0 AND had_mrr_before), 0),
                           coalesce(sum(c1 - c0) FILTER (WHERE c0 > 0 AND c1 > c0), 0),
                           coalesce(sum(c0 - c1) FILTER (WHERE c1 > 0 AND c1 < c0), 0),
                           coalesce(sum(c0) FILTER (WHERE c0 > 0 AND c1 = 0), 0)
                    FROM months m LEFT JOIN totals t ON t.month = m.month LEFT JOIN flagged f ON f.month = m.month
                    GROUP BY m.month""")) {
                while (rows.next()) {
                    Map<String, BigDecimal> values = monthly.computeIfAbsent(rows.getString(1), month -> new TreeMap<>());
                    int column = 2;
                    for (String metric : MetricsBenchmark.MRR_METRICS) {
                        values.put(metric, new BigDecimal(rows.getString(column++)));
                    }
                }
            }
            Map<String, Long> cohorts = new TreeMap<>();
            try (ResultSet rows = sql.executeQuery("""
                    WITH acquired AS (
                        SELECT customer_id, date_trunc('month', min(first_at)) AS cohort
                        FROM (SELECT customer_id, min(ordered_at) AS first_at
                              FROM read_csv('%1$sorders.csv', header = true,
                                            types = {'ordered_at': 'TIMESTAMP', 'amount': 'DECIMAL(19,4)', 'customer_id': 'VARCHAR'})
                              WHERE status = 'completed' AND amount > 0 GROUP BY customer_id
                              UNION ALL
                              SELECT customer_id, min(greatest(starts_at, coalesce(trial_ends_at, starts_at)))
                              FROM subscriptions
                              WHERE amount > 0 AND (ends_at IS NULL OR ends_at > coalesce(trial_ends_at, starts_at))
                              GROUP BY customer_id)
                        GROUP BY customer_id
                    )
                    SELECT strftime(cohort, '%%Y-%%m'), -1, count(*) FROM acquired GROUP BY cohort
                    UNION ALL
                    SELECT strftime(a.cohort, '%%Y-%%m'), CAST(datediff('month', a.cohort, c.month) AS INTEGER), count(*)
                    FROM acquired a JOIN customer_mrr c ON c.customer_id = a.customer_id AND c.month >= a.cohort
                    GROUP BY ALL""".formatted(dir))) {
                while (rows.next()) {
                    cohorts.put(cell(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                }
            }
            return new Result(monthly, cohorts);
        }
    }
}
