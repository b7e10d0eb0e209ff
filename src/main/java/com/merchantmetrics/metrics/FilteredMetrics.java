package com.merchantmetrics.metrics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.merchantmetrics.tenant.Tenant;

/**
 * Metrics restricted to the customers of a filter, computed on request by the very queries the rollup refresh runs
 * (one definition per metric), over the per-customer rollup tables narrowed to the matching customers — never over
 * raw history. Each query reads rollup_customer_mrr, rollup_customer_orders, rollup_customer_firsts,
 * customer_acquisition and rollup_metrics by name; a WITH list in front of it gives those names the filtered rows
 * (a common table expression hides the table of the same name), rollup_metrics being the rows the earlier queries of
 * this request computed.
 */
final class FilteredMetrics {

    /** The queries of the metrics whose every input is kept per customer, in refresh order (later ones read earlier ones). */
    private static final List<String> QUERIES = List.of("mrr", "arr", "mrr_movements", "mrr_churn_rates", "subscriber_churn_rate",
            "revenue", "repeat_purchase_rate", "new_customers", "ltv");

    /**
     * The filtered names. NOT MATERIALIZED: each reference is planned with the query around it, so a per-customer
     * lookup (the "had MRR before" of MRR movements) uses the tables' indexes instead of scanning a materialized copy.
     */
    private static final String FILTERED_ROLLUP = """
            WITH matching AS NOT MATERIALIZED (
                SELECT d.customer_id FROM rollup_customer_dimensions d
                WHERE (CAST(:segment AS text) IS NULL OR d.segment = :segment)
                  AND (CAST(:channel AS text) IS NULL OR d.channel = :channel)
                  AND (CAST(:country AS text) IS NULL OR d.country = :country)
                  AND (CAST(:plan AS text) IS NULL
                       OR d.customer_id IN (SELECT p.customer_id FROM rollup_customer_plan_mrr p WHERE p.plan = :plan))
            ),
            rollup_customer_mrr AS NOT MATERIALIZED (%s),
            rollup_customer_orders AS NOT MATERIALIZED (
                SELECT o.* FROM rollup_customer_orders o WHERE o.customer_id IN (SELECT customer_id FROM matching)),
            rollup_customer_firsts AS NOT MATERIALIZED (
                SELECT f.* FROM rollup_customer_firsts f WHERE f.customer_id IN (SELECT customer_id FROM matching)),
            customer_acquisition AS NOT MATERIALIZED (
                SELECT a.* FROM customer_acquisition a WHERE a.customer_id IN (SELECT customer_id FROM matching)),
            rollup_metrics AS (
                SELECT * FROM jsonb_to_recordset(CAST(:computed AS jsonb))
                    AS r(month date, metric text, dimension text, key text, value numeric, reason text, inputs jsonb)
            )
            """;

    /** Customer MRR of the matching customers; with a plan, only that plan's MRR (one row per month and customer). */
    private static final String MRR = "SELECT c.month, c.customer_id, c.mrr FROM rollup_customer_mrr c "
            + "WHERE c.customer_id IN (SELECT customer_id FROM matching)";
    private static final String PLAN_MRR = "SELECT p.month, p.customer_id, p.mrr FROM rollup_customer_plan_mrr p "
            + "WHERE p.plan = :plan AND p.customer_id IN (SELECT customer_id FROM matching)";

    /** One row as the metric queries return it (month, metric, dimension, key, value, reason, inputs). */
    record Row(String month, String metric, String dimension, String key, BigDecimal value, String reason, String inputs) {

        /** The current row of a result with those seven columns, the month as YYYY-MM or a date. */
        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getString(1).substring(0, 7), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                    rs.getString(6), rs.getString(7));
        }
    }

    private static final List<RollupRefresh.Query> FILTERED_QUERIES = queries(MRR);
    private static final List<RollupRefresh.Query> PLAN_FILTERED_QUERIES = queries(PLAN_MRR);

    private static List<RollupRefresh.Query> queries(String customerMrr) {
        return QUERIES.stream().map(name -> RollupRefresh.parse(name, withFilteredRollup(customerMrr, RollupRefresh.text(name)))).toList();
    }

    private FilteredMetrics() {
    }

    /**
     * Every month from "from" to "to" of the filterable metrics. Months before "from" are computed too as far as the
     * LTV window reaches back, since LTV averages the filtered churn of those months.
     */
    static List<Row> compute(Connection connection, ObjectMapper json, Tenant tenant, YearMonth from, YearMonth to,
            MetricFilter filter) throws SQLException {
        Map<String, Object> parameters = RollupRefresh.parameters(tenant, from.minusMonths(tenant.ltvWindowMonths - 1L), to);
        for (MetricFilter.Dimension dimension : MetricFilter.Dimension.values()) {
            parameters.put(dimension.name(), filter.value(dimension));
        }
        List<Row> rows = new ArrayList<>();
        for (RollupRefresh.Query query : filter.plan() == null ? FILTERED_QUERIES : PLAN_FILTERED_QUERIES) {
            parameters.put("computed", computed(json, rows));
            try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
                RollupRefresh.bind(statement, query, parameters);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(Row.of(rs));
                    }
                }
            } catch (SQLException e) {
                throw new SQLException("Filtered metric query " + query.name() + ".sql failed: " + e.getMessage(), e);
            }
        }
        String first = from.toString();
        return rows.stream().filter(row -> row.month().compareTo(first) >= 0).toList();
    }

    private static Optional<String> computed(ObjectMapper json, List<Row> rows) {
        ArrayNode array = json.createArrayNode();
        for (Row row : rows) {
            try {
                array.addObject().put("month", row.month() + "-01").put("metric", row.metric()).put("dimension", row.dimension())
                        .put("key", row.key()).put("value", row.value()).put("reason", row.reason())
                        .set("inputs", json.readTree(row.inputs()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return Optional.of(array.toString());
    }

    /** Puts the filtered names in front of a query's own WITH list (or makes one), after its leading comment lines. */
    private static String withFilteredRollup(String customerMrr, String text) {
        String body = text.lines().dropWhile(line -> line.isBlank() || line.startsWith("--"))
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        String names = FILTERED_ROLLUP.formatted(customerMrr);
        return body.startsWith("WITH ") ? names + ",\n" + body.substring("WITH ".length()) : names + body;
    }
}
