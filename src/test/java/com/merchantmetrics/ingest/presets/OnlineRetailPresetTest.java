package com.merchantmetrics.ingest.presets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;

/**
 * The real UCI Online Retail file through the invoice-lines preset, against counts this test makes from the raw file:
 * orders, refunds ("C" invoices), rows skipped for want of a customer, amounts and countries; then the buyer cohorts
 * of the metrics API against cohorts computed here from the raw invoice lines.
 */
@QuarkusTest
class OnlineRetailPresetTest {

    private static final Path FILE = Path.of("../shared/datasets/online-retail/online_retail.csv");

    @Inject
    TestTenants tenants;

    @Test
    void invoiceLinesBecomeOrdersAndRefundsWithSkippedRowsReported() throws IOException {
        Set<String> orders = new HashSet<>();
        Set<String> refunds = new HashSet<>();
        BigDecimal orderAmounts = BigDecimal.ZERO;
        BigDecimal refundAmounts = BigDecimal.ZERO;
        Set<String> customers = new HashSet<>();
        Set<String> withKnownCountry = new HashSet<>();
        Map<String, Invoice> invoices = new HashMap<>();
        long skipped = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(FILE)) {
            boolean header = true;
            for (CsvRecord row : csv) {
                if (header) {
                    header = false;
                    continue;
                }
                String invoice = row.getField(0);
                String customer = row.getField(6).strip();
                if (customer.isEmpty()) {
                    skipped++;
                    continue;
                }
                BigDecimal amount = new BigDecimal(row.getField(3)).multiply(new BigDecimal(row.getField(5)));
                if (invoice.startsWith("C")) {
                    refunds.add(invoice);
                    refundAmounts = refundAmounts.add(amount);
                } else {
                    orders.add(invoice);
                    orderAmounts = orderAmounts.add(amount);
                }
                customers.add(customer.replaceAll("\\.0$", ""));
                invoices.computeIfAbsent(invoice, number -> new Invoice(customer.replaceAll("\\.0$", ""),
                        YearMonth.parse(row.getField(4).substring(0, 7)))).add(amount);
                if (!Set.of("Unspecified", "European Community", "Channel Islands").contains(row.getField(7))) {
                    withKnownCountry.add(customer.replaceAll("\\.0$", ""));
                }
            }
        }
        Tenant tenant = tenants.create("retail");
        tenants.grant(tenant, "alice", TenantRole.owner);

        JsonPath answer = given().auth().oauth2(Forms.token("alice")).contentType("text/csv").body(FILE.toFile())
                .queryParam("file_name", "online_retail.csv").post("/api/v1/tenants/" + tenant.slug + "/uploads")
                .then().statusCode(200).extract().jsonPath();

        assertThat(answer.getString("status")).isEqualTo("imported");
        assertThat(answer.getString("readAs")).isEqualTo("invoice-lines");
        assertThat(answer.getLong("rows.total")).isEqualTo(541_909L);
        assertThat(answer.getLong("rows.skipped")).isEqualTo(skipped);
        assertThat(answer.getLong("rows.inserted")).isEqualTo(orders.size() + refunds.size());
        assertThat(answer.getList("warnings.findAll { it.reason.startsWith('no CustomerID') }.row").subList(0, 3))
                .as("skipped rows are reported with their row numbers").allSatisfy(row -> assertThat((Integer) row).isGreaterThan(1));
        assertThat(Long.parseLong(tenants.value(tenant, "SELECT warning_count FROM uploads"))).isGreaterThanOrEqualTo(skipped);
        assertThat(tenants.count(tenant, "orders WHERE order_id NOT LIKE 'C%'")).isEqualTo(orders.size());
        assertThat(tenants.count(tenant, "orders WHERE order_id LIKE 'C%'")).isEqualTo(refunds.size());
        assertThat(new BigDecimal(tenants.value(tenant, "SELECT sum(amount) FROM orders WHERE order_id NOT LIKE 'C%'")))
                .isEqualByComparingTo(orderAmounts);
        assertThat(new BigDecimal(tenants.value(tenant, "SELECT sum(amount) FROM orders WHERE order_id LIKE 'C%'")))
                .isEqualByComparingTo(refundAmounts).isNegative();
        assertThat(tenants.value(tenant, "SELECT string_agg(DISTINCT currency || status, ',') FROM orders")).isEqualTo("USDcompleted");
        assertThat(tenants.count(tenant, "customers")).isEqualTo(customers.size());
        assertThat(tenants.value(tenant, "SELECT customer_id || ' ' || country FROM customers WHERE customer_id = '17850'"))
                .isEqualTo("17850 GB");
        assertThat(tenants.count(tenant, "customers WHERE country IS NOT NULL")).isEqualTo(withKnownCountry.size());

        assertBuyerCohorts(tenant, invoices.values());
    }

    /** Lines of one invoice: its customer, its month (all lines of an invoice share the date) and its amount. */
    private static final class Invoice {
        final String customer;
        final YearMonth month;
        BigDecimal amount = BigDecimal.ZERO;

        Invoice(String customer, YearMonth month) {
            this.customer = customer;
            this.month = month;
        }

        void add(BigDecimal line) {
            amount = amount.add(line);
        }
    }

    /**
     * Buyer cohorts by the spec: a customer's cohort is the month of their first completed order above zero; cell k counts
     * the cohort's customers with an order above zero in month cohort + k; revenue is every order of theirs that month,
     * refunds negative.
     */
    private static void assertBuyerCohorts(Tenant tenant, Collection<Invoice> invoices) {
        Map<String, YearMonth> cohortOf = new HashMap<>();
        invoices.stream().filter(invoice -> invoice.amount.signum() > 0)
                .forEach(invoice -> cohortOf.merge(invoice.customer, invoice.month, (a, b) -> a.isBefore(b) ? a : b));
        Map<YearMonth, Long> cohortSizes = cohortOf.values().stream().collect(Collectors.groupingBy(month -> month, TreeMap::new,
                Collectors.counting()));
        Map<String, Set<String>> buyersByCell = new HashMap<>();
        Map<String, BigDecimal> revenueByCell = new HashMap<>();
        for (Invoice invoice : invoices) {
            YearMonth cohort = cohortOf.get(invoice.customer);
            if (cohort == null || invoice.month.isBefore(cohort)) {
                continue;
            }
            String cell = cohort + " " + invoice.month;
            revenueByCell.merge(cell, invoice.amount, BigDecimal::add);
            if (invoice.amount.signum() > 0) {
                buyersByCell.computeIfAbsent(cell, key -> new HashSet<>()).add(invoice.customer);
            }
        }

        JsonPath report = given().auth().oauth2(Forms.token("alice")).queryParam("from", "2010-12").queryParam("to", "2011-12")
                .get("/api/v1/tenants/" + tenant.slug + "/metrics/cohorts").then().statusCode(200).extract()
                .jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
        List<Map<String, Object>> cohorts = report.getList("cohorts");
        assertThat(cohorts).extracting(cohort -> (String) cohort.get("cohort"))
                .containsExactlyElementsOf(cohortSizes.keySet().stream().map(YearMonth::toString).toList());
        int cellsCompared = 0;
        for (Map<String, Object> cohort : cohorts) {
            YearMonth month = YearMonth.parse((String) cohort.get("cohort"));
            long size = cohortSizes.get(month);
            assertThat(((Number) cohort.get("customers")).longValue()).as("customers of cohort %s", month).isEqualTo(size);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cells = (List<Map<String, Object>>) cohort.get("cells");
            assertThat(cells).hasSize((int) month.until(YearMonth.of(2011, 12), ChronoUnit.MONTHS) + 1);
            BigDecimal cumulativeRevenue = BigDecimal.ZERO;
            for (Map<String, Object> cell : cells) {
                String key = month + " " + cell.get("month");
                cumulativeRevenue = cumulativeRevenue.add(revenueByCell.getOrDefault(key, BigDecimal.ZERO));
                int buyers = buyersByCell.getOrDefault(key, Set.of()).size();
                assertThat(((Number) cell.get("buyers")).intValue()).as("buyers of cell %s", key).isEqualTo(buyers);
                assertThat(new BigDecimal(cell.get("buyerShare").toString())).as("buyer share of cell %s", key)
                        .isEqualByComparingTo(BigDecimal.valueOf(buyers).divide(BigDecimal.valueOf(size), 6, RoundingMode.HALF_EVEN));
                assertThat(new BigDecimal(cell.get("revenue").toString())).as("revenue of cell %s", key)
                        .isEqualByComparingTo(revenueByCell.getOrDefault(key, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN));
                assertThat(new BigDecimal(cell.get("cumulativeRevenuePerCustomer").toString())).as("revenue per customer by %s", key)
                        .isEqualByComparingTo(cumulativeRevenue.divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_EVEN));
                cellsCompared++;
            }
        }
        assertThat(cellsCompared).isEqualTo(13 * 14 / 2);
    }
}
