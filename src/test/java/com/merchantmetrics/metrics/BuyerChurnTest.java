package com.merchantmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.testsupport.MetricsApi;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Buyer churn at the edges of the 90-day inactivity window (UTC, 2024 is a leap year). April: active at the start =
 * a paid order in [01-02, 04-01), at the end = one in [02-01, 05-01). May: [02-01, 05-01) and [03-03, 06-01).
 *
 * <pre>
 * a  01-02 00:00                   April: active at start (window start is inclusive), not at end: churned
 * b  01-01 23:59                   April: just outside the start window: not counted
 * c  01-15, 02-01 00:00            April: active at start and end (one stretch to 05-01). May: churned
 * d  01-20, 04-25                  April: first stretch ends 04-19, a second one covers 05-01: not churned
 * e  03-02 12:00                   April: active at both. May: active at start, not at end (before 03-03): churned
 * f  04-01 00:00                   April: not at start. May: active at both
 * g  a cancelled order and a refund in March: never an active buyer
 * April 1 of {a, c, d, e} = 0.25; May 2 of {c, d, e, f} = 0.5
 * </pre>
 */
@QuarkusTest
class BuyerChurnTest {

    @Inject
    TestTenants tenants;

    @Test
    void buyersChurnWhenTheirLastPaidOrderLeavesTheInactivityWindow() {
        Tenant tenant = tenants.create("buyer-churn");
        tenants.grant(tenant, "alice", TenantRole.owner);
        Uploads.post(tenant, "orders", """
                order_id,customer_id,ordered_at,amount,currency,status
                a1,a,2024-01-02T00:00:00Z,10,USD,
                b1,b,2024-01-01T23:59:00Z,10,USD,
                c1,c,2024-01-15T10:00:00Z,10,USD,
                c2,c,2024-02-01T00:00:00Z,10,USD,
                d1,d,2024-01-20T10:00:00Z,10,USD,
                d2,d,2024-04-25T10:00:00Z,10,USD,
                e1,e,2024-03-02T12:00:00Z,10,USD,
                f1,f,2024-04-01T00:00:00Z,10,USD,
                g1,g,2024-03-01T10:00:00Z,10,USD,cancelled
                g2,g,2024-03-02T10:00:00Z,-10,USD,
                """).then().statusCode(200);

        JsonPath m = MetricsApi.months(tenant, "2024-04", "2024-05", "retention");

        assertThat(MetricFixturesTest.values(m, "buyer_churn_rate")).containsExactly(0.25f, 0.5f);
    }
}
