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

    private static final String FILTERED_ROLLUP = """
            WITH matching AS MATERIALIZED (
                SELECT d.customer_id FROM rollup_customer_dimensions d
                WHERE (CAST(:segment AS text) IS NULL OR d.segment = :segment)
                  AND (CAST(:channel AS text) IS NULL OR d.channel = :channel)
                  AND (CAST(:country AS text) IS NULL OR d.country = :country)
                  AND (CAST(:plan AS text) IS NULL
                       OR d.customer_id IN (SELECT p.customer_id FROM rollup_customer_plan_mrr p WHERE p.plan = :plan))
            ),
            rollup_customer_mrr AS (
                SELECT p.month, p.customer_id, sum(p.mrr) AS mrr
                FROM rollup_customer_plan_mrr p JOIN matching USING (customer_id)
                WHERE CAST(:plan AS text) IS NULL OR p.plan = :plan
                GROUP BY p.month, p.customer_id
            ),
            rollup_customer_orders AS (SELECT o.* FROM rollup_customer_orders o JOIN matching USING (customer_id)),
            rollup_customer_firsts AS (SELECT f.* FROM rollup_customer_firsts f JOIN matching USING (customer_id)),
            customer_acquisition AS (SELECT a.* FROM customer_acquisition a JOIN matching USING (customer_id)),
            rollup_metrics AS (
                SELECT * FROM jsonb_to_recordset(CAST(:computed AS jsonb))
                    AS r(month date, metric text, dimension text, key text, value numeric, reason text, inputs jsonb)
            )
            """;

    /** One row as the metric queries return it (month, metric, dimension, key, value, reason, inputs). */
    record Row(String month, String metric, String dimension, String key, BigDecimal value, String reason, String inputs) {
    }

    private static final List<RollupRefresh.Query> FILTERED_QUERIES = QUERIES.stream()
            .map(name -> RollupRefresh.parse(name, withFilteredRollup(RollupRefresh.text(name)))).toList();

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
        for (RollupRefresh.Query query : FILTERED_QUERIES) {
            parameters.put("computed", computed(json, rows));
            try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
                RollupRefresh.bind(statement, query, parameters);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getString(1).substring(0, 7), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getBigDecimal(5), rs.getString(6), rs.getString(7)));
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
    private static String withFilteredRollup(String text) {
        String body = text.lines().dropWhile(line -> line.isBlank() || line.startsWith("--"))
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        return body.startsWith("WITH ") ? FILTERED_ROLLUP + ",\n" + body.substring("WITH ".length()) : FILTERED_ROLLUP + body;
    }
}
