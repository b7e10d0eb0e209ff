package com.merchantmetrics.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Real data: IBM's Telco customer churn snapshot (../shared/datasets/telco-churn, see its SOURCE.md), one test tenant
 * per contract type, imported through the uploads API as subscriptions.csv, and the subscriber churn and MRR of the
 * snapshot month compared with figures computed here in plain Java from the raw file.
 *
 * <p>Mapping (the snapshot has no dates; "Churn = Yes" means the customer left within the last month, taken to be
 * January 2025): each row becomes one subscription period with subscription_id and customer_id = customerID,
 * starts_at = 2025-01-01 minus tenure months (tenure 0: started on 2025-01-01, so acquired during January), ends_at =
 * 2025-01-15 when Churn is Yes (blank otherwise), amount = MonthlyCharges, currency USD, billing_period month.
 *
 * <p>So, per contract type: subscribers at the start of January = rows with tenure ≥ 1; churned in January = those
 * with Churn Yes; churn = churned ÷ subscribers at the start (tenure-0 rows are in neither, by the spec's rule for
 * customers acquired during the month); MRR at the end of January = Σ MonthlyCharges of rows with Churn No.
 */
@QuarkusTest
class TelcoChurnTest {

    private static final Path FILE = Path.of("../shared/datasets/telco-churn/WA_Fn-UseC_-Telco-Customer-Churn.csv");
    private static final LocalDate SNAPSHOT = LocalDate.of(2025, 1, 1);

    @Inject
    TestTenants tenants;

    @ParameterizedTest
    @ValueSource(strings = {"Month-to-month", "One year", "Two year"})
    void subscriberChurnPerContractType(String contract) throws IOException {
        List<List<String>> rows = telcoRows(contract);
        long atStart = rows.stream().filter(row -> tenure(row) >= 1).count();
        long churned = rows.stream().filter(row -> tenure(row) >= 1 && row.get(20).equals("Yes")).count();
        BigDecimal activeCharges = rows.stream().filter(row -> row.get(20).equals("No")).map(row -> new BigDecimal(row.get(18)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);

        Tenant tenant = tenants.create("telco");
        tenants.grant(tenant, "alice", TenantRole.owner);
        Uploads.post(tenant, "subscriptions", subscriptionsCsv(rows)).then().statusCode(200);

        JsonPath january = given().auth().oauth2(Forms.token("alice")).queryParam("from", "2025-01").queryParam("to", "2025-01")
                .get("/api/v1/tenants/" + tenant.slug + "/metrics").then().statusCode(200).extract()
                .jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        String churn = "months[0].metrics.subscriber_churn_rate.";
        assertThat(january.getLong(churn + "inputs.subscribers_at_start")).as(contract).isEqualTo(atStart);
        assertThat(january.getLong(churn + "inputs.churned")).as(contract).isEqualTo(churned);
        assertThat(new BigDecimal(january.getString(churn + "value"))).as(contract).isEqualByComparingTo(
                BigDecimal.valueOf(churned).divide(BigDecimal.valueOf(atStart), 6, RoundingMode.HALF_EVEN));
        assertThat(new BigDecimal(january.getString("months[0].metrics.mrr.value"))).as(contract).isEqualByComparingTo(activeCharges);
    }

    /** The raw rows of one contract type (columns as in the file; 15 = Contract, 5 = tenure, 18 = MonthlyCharges, 20 = Churn). */
    private static List<List<String>> telcoRows(String contract) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(FILE)) {
            List<List<String>> rows = reader.stream().skip(1).map(CsvRecord::getFields).filter(row -> row.get(15).equals(contract))
                    .toList();
            assertThat(rows).as(contract).isNotEmpty();
            return rows;
        }
    }

    private static int tenure(List<String> row) {
        return Integer.parseInt(row.get(5));
    }

    private static String subscriptionsCsv(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder().build(out)) {
            writer.writeRecord("subscription_id", "customer_id", "starts_at", "ends_at", "amount", "currency", "billing_period");
            for (List<String> row : rows) {
                writer.writeRecord(row.get(0), row.get(0), SNAPSHOT.minusMonths(tenure(row)).toString(),
                        row.get(20).equals("Yes") ? SNAPSHOT.plusDays(14).toString() : "", row.get(18), "USD", "month");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
