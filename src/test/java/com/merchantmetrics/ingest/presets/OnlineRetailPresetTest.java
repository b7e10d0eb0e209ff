package com.merchantmetrics.ingest.presets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

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

/**
 * The real UCI Online Retail file through the invoice-lines preset, against counts this test makes from the raw file:
 * orders, refunds ("C" invoices), rows skipped for want of a customer, amounts and countries.
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
    }
}
