package com.merchantmetrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A file with more problems than are kept in detail ({@value Problems#KEPT}): the API answers with those, the
 * problem list download has every one of them, spreadsheet-safe like any export.
 */
@QuarkusTest
class ManyProblemsTest {

    private static final int BAD_ROWS = Problems.KEPT + 5;

    @Inject
    TestTenants tenants;

    @Test
    void theProblemListDownloadHasEveryProblem() {
        Tenant tenant = tenants.create("many-problems");
        tenants.grant(tenant, "alice", TenantRole.owner);
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,amount,currency\n");
        for (int i = 1; i < BAD_ROWS; i++) {
            csv.append("o").append(i).append(",c1,2024-01-05,ten,USD\n");
        }
        csv.append("o").append(BAD_ROWS).append(",c1,2024-01-05,=HYPERLINK(\"http://x\"),USD\n");
        Response upload = Uploads.post("alice", tenant, "orders", null, false, csv.toString().getBytes(StandardCharsets.UTF_8), "orders.csv");
        assertThat(upload.statusCode()).isIn(400, 422);
        assertThat(upload.jsonPath().getList("errors")).hasSize(Problems.KEPT);
        long uploadId = upload.jsonPath().getLong("uploadId");

        Response download = Forms.page("alice", "/t/" + tenant.slug + "/uploads/" + uploadId + "/problems.csv");
        download.then().statusCode(200).contentType("text/csv");
        List<String> lines = download.asString().lines().toList();
        assertThat(lines).hasSize(1 + BAD_ROWS);
        assertThat(lines.get(0)).isEqualTo("severity,file,row,column,value,reason");
        assertThat(lines.get(1)).startsWith("error,orders.csv,2,amount,ten,");
        assertThat(lines.get(BAD_ROWS)).startsWith("error,orders.csv," + (BAD_ROWS + 1) + ",amount,\"'=HYPERLINK(\"\"http://x\"\")\",");
    }
}
