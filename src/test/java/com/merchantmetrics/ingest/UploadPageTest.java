package com.merchantmetrics.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The uploads page end to end: a file with other column names is mapped on the page, the mapping is remembered and
 * applied to the next file with that header (through the API too), and reading and importing run in the
 * background with a progress endpoint the page polls.
 */
@QuarkusTest
class UploadPageTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final String SALES = "Invoice;Client;Date;Net;Curr\nA-1;k1;2024-02-01;10.00;USD\nA-2;k2;2024-02-03;12.50;USD\n";

    @Inject
    TestTenants tenants;

    @Inject
    DataSource dataSource;

    @Test
    void columnsAreMappedOnThePageRememberedAndImportedInTheBackground() throws Exception {
        Tenant tenant = tenants.create("mapping");
        tenants.grant(tenant, "alice", TenantRole.owner);
        Uploads.post("alice", tenant, null, null, true, SALES.getBytes(StandardCharsets.UTF_8), "sales.csv")
                .then().statusCode(400).body("message", containsString("map the file's columns"));

        String uploadPath = pageUpload(tenant, "sales.csv", SALES);
        awaitStatus(tenant, uploadPath, "rejected");
        assertThat(Forms.page("alice", uploadPath).asString()).contains("Map the file&#39;s columns", "<option value=\"net\"");

        Forms.submit("alice", uploadPath, uploadPath + "/mapping", Map.of("dataset", "orders", "field.order_id", "invoice",
                "field.customer_id", "client", "field.ordered_at", "date", "field.amount", "net", "field.currency", "curr"))
                .then().statusCode(303);
        awaitStatus(tenant, uploadPath, "previewed");
        assertThat(Forms.page("alice", uploadPath).asString()).contains("column mapping", "amount ← net", "A-2", "12.50");

        try (Connection connection = dataSource.getConnection(); PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_lock(" + ImportService.TENANT_IMPORT_LOCK + ", hashtext(?))")) {
            lock.setString(1, tenant.schema().schemaName());
            lock.execute();
            try {
                Forms.submit("alice", uploadPath, uploadPath + "/import", Map.of()).then().statusCode(303);
                assertThat(Forms.page("alice", uploadPath + "/progress").header("HX-Refresh")).as("queued or running").isNull();
                awaitStatus(tenant, uploadPath, "importing");
                Response running = Forms.page("alice", uploadPath + "/progress");
                running.then().statusCode(200).body(containsString("progress-bar"));
                assertThat(running.header("HX-Refresh")).as("still running").isNull();
                assertThat(Forms.page("alice", "/t/" + tenant.slug + "/uploads").asString())
                        .as("the history shows it running").contains("text-bg-primary\">importing");
                assertThat(tenants.count(tenant, "orders")).isZero();
            } finally {
                try (Statement unlock = connection.createStatement()) {
                    unlock.execute("SELECT pg_advisory_unlock_all()");
                }
            }
        }
        awaitStatus(tenant, uploadPath, "imported");
        await("the page reloads once all is done").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> "true".equals(Forms.page("alice", uploadPath + "/progress").header("HX-Refresh")));
        assertThat(tenants.value(tenant, "SELECT string_agg(order_id || ' ' || customer_id || ' ' || amount::numeric(10,2), ', ' "
                + "ORDER BY order_id) FROM orders")).isEqualTo("A-1 k1 10.00, A-2 k2 12.50");

        Uploads.post("alice", tenant, null, null, false, "Invoice;Client;Date;Net;Curr\nA-3;k1;2024-03-01;5;USD\n"
                .getBytes(StandardCharsets.UTF_8), "sales-march.csv")
                .then().statusCode(200).body("status", equalTo("imported")).body("readAs", equalTo("mapping"))
                .body("mapping.amount", equalTo("net"));
        assertThat(tenants.count(tenant, "orders")).isEqualTo(3);
        assertThat(Forms.page("alice", "/t/" + tenant.slug + "/uploads").asString()).contains("column mapping");
    }

    @Test
    void theApiTakesAMappingToo() {
        Tenant tenant = tenants.create("mapping-api");
        tenants.grant(tenant, "alice", TenantRole.owner);
        given().auth().oauth2(Forms.token("alice")).contentType("text/csv").body("Ref,Visitors Count,Day\nx,12,2024-01-02\n")
                .queryParam("dataset", "traffic").queryParam("map", "date=Day").queryParam("map", "visitors=Visitors Count")
                .post("/api/v1/tenants/" + tenant.slug + "/uploads")
                .then().statusCode(200).body("status", equalTo("imported")).body("readAs", equalTo("mapping"))
                .body("warnings[0].column", equalTo("ref"));
        assertThat(tenants.value(tenant, "SELECT day || ' ' || visitors FROM traffic")).isEqualTo("2024-01-02 12");
        given().auth().oauth2(Forms.token("alice")).contentType("text/csv").body("Ref,Visitors Count,Day\nx,12,2024-01-02\n")
                .queryParam("dataset", "traffic").queryParam("map", "date=Daily")
                .post("/api/v1/tenants/" + tenant.slug + "/uploads")
                .then().statusCode(400).body("message", containsString("from column \"daily\", which the file does not have"));
    }

    /** Posts the upload form as a browser would (multipart with the CSRF field); returns the upload's page. */
    private static String pageUpload(Tenant tenant, String fileName, String csv) {
        String path = "/t/" + tenant.slug + "/uploads";
        Response page = Forms.page("alice", path);
        Matcher token = CSRF_FIELD.matcher(page.asString());
        assertThat(token.find()).isTrue();
        Response posted = given().auth().oauth2(Forms.token("alice")).redirects().follow(false)
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .multiPart("file", fileName, csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("csrf-token", token.group(1)).multiPart("dataset", "auto").multiPart("mode", "merge")
                .post(path);
        posted.then().statusCode(303);
        return java.net.URI.create(posted.header("Location")).getPath();
    }

    private void awaitStatus(Tenant tenant, String uploadPath, String status) {
        String id = uploadPath.substring(uploadPath.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(tenants.value(tenant, "SELECT status FROM uploads WHERE id = " + id)));
    }
}
