package com.merchantmetrics.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static com.merchantmetrics.metrics.MetricFixturesTest.values;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Filters (segment, acquisition channel, country, plan) and the trailing-12-months view of the metrics API on a tenant
 * small enough to compute on paper (USD, UTC). The arithmetic is in the comments.
 *
 * <pre>
 * customer segment country channel                   subscriptions (MRR at month end)       Jan  Feb  Mar  Apr
 * k1       b2b     DE      paid_search               pro 100, from 03-01 max 160              100  100  160  160
 * k2       b2b     FR      seo (first order's)       basic 30, ends 03-01                      30   30    0    0
 * k3       b2c     DE      paid_search               pro 50 from 02-01                          0   50   50   50
 * k4       b2c     US      referral                  basic 20, ends 04-15                      20   20   20    0
 * k5       –       –       paid_search (first order)                                          –    –    –    –
 * MRR                                                                                         150  200  230  210
 * orders: k4 70 on 2023-04-20; k2 200 on 2024-01-15; k3 50 on 02-01; k5 80 on 02-10 and 40 on 03-05
 * acquired: k4 2023-04, k1 k2 2024-01, k3 k5 2024-02
 * spend: paid_search 300 in Jan and 300 in Feb, seo 100 in Jan
 * </pre>
 */
@QuarkusTest
class MetricFiltersTest {

    @Inject
    TestTenants tenants;

    private Tenant tenant;

    @BeforeEach
    void fixture() {
        tenant = tenants.create("filters");
        tenants.grant(tenant, "alice", TenantRole.owner);
        upload("customers", """
                customer_id,segment,country,acquisition_channel
                k1,b2b,DE,paid_search
                k2,b2b,FR,
                k3,b2c,DE,paid_search
                k4,b2c,US,referral
                """);
        upload("subscriptions", """
                subscription_id,customer_id,plan,starts_at,ends_at,amount,currency,billing_period
                s1,k1,pro,2024-01-01,2024-03-01,100,USD,month
                s1,k1,max,2024-03-01,,160,USD,month
                s2,k2,basic,2024-01-01,2024-03-01,30,USD,month
                s3,k3,pro,2024-02-01,,50,USD,month
                s4,k4,basic,2024-01-01,2024-04-15,20,USD,month
                """);
        upload("orders", """
                order_id,customer_id,ordered_at,amount,currency,channel
                o0,k4,2023-04-20,70,USD,referral
                o1,k2,2024-01-15,200,USD,seo
                o4,k3,2024-02-01,50,USD,ads
                o2,k5,2024-02-10,80,USD,paid_search
                o3,k5,2024-03-05,40,USD,paid_search
                """);
        upload("marketing_spend", "date,channel,amount,currency,category\n2024-01,paid_search,300,USD,marketing\n"
                + "2024-02,paid_search,300,USD,marketing\n2024-01,seo,100,USD,marketing\n");
    }

    @Test
    void segmentRestrictsEveryMetricToItsCustomers() {
        JsonPath b2b = metrics(Map.of("segment", "b2b"));
        assertThat(b2b.getMap("filters")).isEqualTo(Map.of("segment", "b2b"));
        // b2b = k1 + k2: MRR 130, 130, 160, 160; Mar: expansion 60 (k1), churn 30 (k2), net +30
        assertThat(values(b2b, "mrr")).containsExactly(130.0f, 130.0f, 160.0f, 160.0f);
        assertThat(values(b2b, "expansion_mrr")).containsExactly(0.0f, 0.0f, 60.0f, 0.0f);
        assertThat(values(b2b, "churned_mrr")).containsExactly(0.0f, 0.0f, 30.0f, 0.0f);
        assertThat(values(b2b, "net_new_mrr")).containsExactly(130.0f, 0.0f, 30.0f, 0.0f);
        // subscriber churn Mar: k2 of {k1, k2}; gross MRR churn 30 ÷ 130
        assertThat(values(b2b, "subscriber_churn_rate").subList(1, 4)).containsExactly(0.0f, 0.5f, 0.0f);
        assertThat(b2b.getFloat("months[2].metrics.gross_mrr_churn_rate.value")).isEqualTo(0.230769f);
        // LTV Mar: ARPA 160 ÷ mean churn of Feb and Mar (0 and 0.5) = 640
        assertThat(b2b.getFloat("months[2].metrics.ltv.value")).isEqualTo(640.0f);
        // revenue: k2's 200 in Jan only; new customers k1, k2 in Jan
        assertThat(values(b2b, "revenue")).containsExactly(200.0f, 0.0f, 0.0f, 0.0f);
        assertThat(values(b2b, "new_customers")).containsExactly(2.0f, 0.0f, 0.0f, 0.0f);
        // what the filter cannot restrict is null with the reason
        assertThat(b2b.getString("months[0].metrics.cac.reason")).isEqualTo("marketing spend is not broken down by segment");
        assertThat(b2b.getObject("months[0].metrics.cac.value", Object.class)).isNull();
        assertThat(b2b.getString("months[0].metrics.visitor_conversion_rate.reason")).isEqualTo("traffic is not broken down by segment");

        // b2c = k3 + k4: MRR 20, 70, 70, 50
        assertThat(values(metrics(Map.of("segment", "b2c")), "mrr")).containsExactly(20.0f, 70.0f, 70.0f, 50.0f);
    }

    @Test
    void channelIsTheCustomersAcquisitionChannel() {
        JsonPath paid = metrics(Map.of("channel", "paid_search"));
        // paid_search = k1, k3 and k5 (by its first order): MRR 100, 150, 210, 210; new MRR Feb 50 (k3)
        assertThat(values(paid, "mrr")).containsExactly(100.0f, 150.0f, 210.0f, 210.0f);
        assertThat(values(paid, "new_mrr")).containsExactly(100.0f, 50.0f, 0.0f, 0.0f);
        // revenue Feb k3 50 + k5 80, Mar k5 40; new customers Jan k1, Feb k3 and k5
        assertThat(values(paid, "revenue")).containsExactly(0.0f, 130.0f, 40.0f, 0.0f);
        assertThat(values(paid, "new_customers")).containsExactly(1.0f, 2.0f, 0.0f, 0.0f);
        // CAC per channel over 3 months: Jan 300 ÷ 1 (k1), Feb 600 ÷ 3 (k1, k3, k5)
        assertThat(values(paid, "cac").subList(0, 2)).containsExactly(300.0f, 200.0f);
        // k2 has no acquisition_channel: the channel of its first order
        assertThat(values(metrics(Map.of("channel", "seo")), "mrr")).containsExactly(30.0f, 30.0f, 0.0f, 0.0f);

        JsonPath both = metrics(Map.of("segment", "b2b", "channel", "paid_search"));
        assertThat(both.getMap("filters")).isEqualTo(Map.of("segment", "b2b", "channel", "paid_search"));
        assertThat(values(both, "mrr")).containsExactly(100.0f, 100.0f, 160.0f, 160.0f);
        assertThat(both.getString("months[1].metrics.cac.reason")).isEqualTo("marketing spend is not broken down by segment");
    }

    @Test
    void countryAndPlan() {
        // DE = k1 + k3
        assertThat(values(metrics(Map.of("country", "DE")), "mrr")).containsExactly(100.0f, 150.0f, 210.0f, 210.0f);
        // plan pro: k1 until 03-01, k3 from 02-01; k1's move to max is churn from pro and new MRR on max
        JsonPath pro = metrics(Map.of("plan", "pro"));
        assertThat(values(pro, "mrr")).containsExactly(100.0f, 150.0f, 50.0f, 50.0f);
        assertThat(values(pro, "churned_mrr")).containsExactly(0.0f, 0.0f, 100.0f, 0.0f);
        assertThat(pro.getString("months[0].metrics.revenue.reason")).isEqualTo("orders are not broken down by plan");
        assertThat(values(metrics(Map.of("plan", "max")), "new_mrr")).containsExactly(0.0f, 0.0f, 160.0f, 0.0f);
        // no customer matches: zeros, not missing
        assertThat(values(metrics(Map.of("segment", "b2c", "country", "FR")), "mrr")).containsExactly(0.0f, 0.0f, 0.0f, 0.0f);
    }

    @Test
    void trailingTwelveMonths() {
        JsonPath t12m = metrics(Map.of("view", "t12m"));
        assertThat(t12m.getString("view")).isEqualTo("t12m");
        // flow: revenue over Apr 2023–Mar 2024 = 70 + 200 + 130 + 40 = 440; over May 2023–Apr 2024 the 70 drops out
        assertThat(values(t12m, "revenue")).containsExactly(70.0f + 200, 70.0f + 200 + 130, 440.0f, 370.0f);
        // stock: MRR at the end of the month
        assertThat(values(t12m, "mrr")).containsExactly(150.0f, 200.0f, 230.0f, 210.0f);
        // rate from the 12-month sums: churned Mar k2, Apr k4 (2) ÷ subscribers at the start Feb 3 + Mar 4 + Apr 3 (10)
        assertThat(values(t12m, "subscriber_churn_rate").subList(2, 4)).containsExactly(0.142857f, 0.2f);
        assertThat(t12m.getFloat("months[3].metrics.subscriber_churn_rate.inputs.churned")).isEqualTo(2.0f);
        assertThat(t12m.getFloat("months[3].metrics.subscriber_churn_rate.inputs.subscribers_at_start")).isEqualTo(10.0f);
        // CAC from the sums: spend 700 ÷ new customers 5 (k4, k1, k2, k3, k5)
        assertThat(t12m.getFloat("months[1].metrics.cac.value")).isEqualTo(140.0f);

        // with a filter: b2b churn 1 (k2) ÷ at the start Feb 2 + Mar 2 + Apr 1
        JsonPath b2b = metrics(Map.of("view", "t12m", "segment", "b2b"));
        assertThat(b2b.getFloat("months[3].metrics.subscriber_churn_rate.value")).isEqualTo(0.2f);
        assertThat(b2b.getFloat("months[3].metrics.revenue.value")).isEqualTo(200.0f);
    }

    @Test
    void unknownFilterValuesAreRefused() {
        String path = "/api/v1/tenants/" + tenant.slug + "/metrics";
        given().auth().oauth2(Forms.token("alice")).queryParam("from", "2024-01").queryParam("to", "2024-04")
                .queryParam("segment", "enterprise").get(path)
                .then().statusCode(400).body("message", equalTo("unknown segment \"enterprise\": choose b2b or b2c"));
        given().auth().oauth2(Forms.token("alice")).queryParam("from", "2024-01").queryParam("to", "2024-04")
                .queryParam("country", "Germany").get(path)
                .then().statusCode(400).body("message", equalTo("\"country\" must be a two-letter country code like DE, not \"Germany\""));
        given().auth().oauth2(Forms.token("alice")).queryParam("from", "2024-01").queryParam("to", "2024-04")
                .queryParam("view", "yearly").get(path)
                .then().statusCode(400).body("message", equalTo("unknown view \"yearly\": choose monthly or t12m"));
    }

    private void upload(String dataset, String csv) {
        Uploads.post(tenant, dataset, csv).then().statusCode(200);
    }

    private JsonPath metrics(Map<String, String> parameters) {
        return given().auth().oauth2(Forms.token("alice")).queryParam("from", "2024-01").queryParam("to", "2024-04")
                .queryParams(parameters).get("/api/v1/tenants/" + tenant.slug + "/metrics")
                .then().statusCode(200).extract().jsonPath();
    }
}
