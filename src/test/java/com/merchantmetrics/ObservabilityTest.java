package com.merchantmetrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;

/** Operators see imports, rollup refreshes and HTTP latency in Prometheus, and readiness includes the database. */
@QuarkusTest
class ObservabilityTest {

    @Inject
    TestTenants tenants;

    @Test
    void importsAndRollupRefreshesAreMeasured() {
        Tenant tenant = tenants.create("observed");
        tenants.grant(tenant, "alice", TenantRole.owner);
        Uploads.post(tenant, "orders", "order_id,customer_id,ordered_at,amount,currency\no1,c1,2024-01-05,10,USD\no2,c2,2024-01-06,20,USD\n")
                .then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("merchant_metrics_import_rows_total{dataset=\"orders\"",
                "merchant_metrics_import_duration_seconds_count{dataset=\"orders\",status=\"imported\"",
                "merchant_metrics_rollup_refresh_seconds_count", "http_server_requests_seconds_count");
        assertThat(metrics).as("no per-tenant label: tenants are unbounded").doesNotContain(tenant.slug);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
