package com.merchantmetrics.testsupport;

import static io.restassured.RestAssured.given;

import com.merchantmetrics.tenant.Tenant;

import io.restassured.path.json.JsonPath;

/** The metrics API as alice sees it: one group of metrics, month by month. */
public final class MetricsApi {

    private MetricsApi() {
    }

    /** GET /api/v1/tenants/{slug}/metrics?from=…&to=…&group=… with alice's bearer token, expecting 200. */
    public static JsonPath months(Tenant tenant, String from, String to, String group) {
        return given().auth().oauth2(Forms.token("alice")).queryParam("from", from).queryParam("to", to)
                .queryParam("group", group).get("/api/v1/tenants/" + tenant.slug + "/metrics")
                .then().statusCode(200).extract().jsonPath();
    }
}
