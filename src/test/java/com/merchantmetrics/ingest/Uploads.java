package com.merchantmetrics.ingest;

import static io.restassured.RestAssured.given;

import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.tenant.Tenant;

import io.restassured.response.Response;

/** Calls the uploads API as a signed-in user. */
public final class Uploads {

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Uploads() {
    }

    public static Response post(String user, Tenant tenant, String dataset, String mode, boolean dryRun, byte[] body, String fileName) {
        var request = given().auth().oauth2(Forms.token(user)).contentType("text/csv").body(body)
                .queryParam("file_name", fileName).queryParam("dry_run", dryRun);
        if (dataset != null) {
            request.queryParam("dataset", dataset);
        }
        if (mode != null) {
            request.queryParam("mode", mode);
        }
        return request.post("/api/v1/tenants/" + tenant.slug + "/uploads");
    }

    public static Response post(Tenant tenant, String dataset, String csv) {
        return post("alice", tenant, dataset, null, false, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), dataset + ".csv");
    }
}
