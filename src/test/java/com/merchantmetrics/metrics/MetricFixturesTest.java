package com.merchantmetrics.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.MetricsApi;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A tenant small enough to compute on paper (USD, UTC), imported through the uploads API, checked through the
 * metrics API. The arithmetic is in the comments.
 *
 * <pre>
 * subscriptions              Jan end  Feb end  Mar end  Apr end
 * c1 100/month, 150 from 02-20   100     150      150      150   (expansion 50 in Feb)
 * c2 1200 EUR/year @1.10, ends 03-15 (price)  110   110   0   0  (FX at the period start; churn 110 in Mar)
 * c3 50/month, trial to 02-10      0      50       50       50   (trial excluded until it ends; new in Feb)
 * c4 10/week, 01-01..01-20         0       0        0        0   (acquired and lost in Jan: in no churn)
 * c5 20/month to 02-01, again from 03-01  20   0   20   20       (churn 20 in Feb, reactivation 20 in Mar)
 * c10 12/week from 04-01           0       0        0       52   (12 ÷ 12/52 = 52)
 * MRR                            230     310      220      272
 * </pre>
 */
@QuarkusTest
class MetricFixturesTest {

    @Inject
    TestTenants tenants;

    private Tenant tenant;

    @BeforeEach
    void fixture() {
        tenant = tenants.create("fixture");
        tenants.grant(tenant, "alice", TenantRole.owner);
        upload("fx_rates", "date,currency,rate\n2024-01-01,EUR,1.10\n");
        upload("subscriptions", """
                subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period,trial_ends_at,cancel_reason
                s1,c1,2024-01-10,2024-02-20,100,USD,month,,
                s1,c1,2024-02-20,,150,USD,month,,
                s2,c2,2024-01-15,2024-03-15,1200,EUR,year,,price
                s3,c3,2024-01-05,,50,USD,month,2024-02-10,
                s4,c4,2024-01-01,2024-01-20,10,USD,week,,
                s5,c5,2024-01-01,2024-02-01,20,USD,month,,
                s5b,c5,2024-03-01,,20,USD,month,,
                s10,c10,2024-04-01,,12,USD,week,,
                """);
        upload("orders", """
                order_id,customer_id,ordered_at,amount,currency,one_time_amount,subscription_amount,type,channel,status
                o1,c6,2024-01-05,100,USD,,,one_time,ads,
                o2,c6,2024-02-10,50,USD,,,one_time,ads,
                o3,c7,2024-01-20,80,USD,30,50,,seo,
                o4,c7,2024-01-25,-20,USD,,,,,
                o5,c8,2024-01-07,500,USD,,,,,cancelled
                o6,c9,2024-02-03,200,EUR,,,,,refunded
                """);
        upload("traffic", "date,visitors,channel\n2024-01-10,600,ads\n2024-01-11,400,seo\n");
        upload("marketing_spend", "date,channel,amount,currency,category\n2024-01,ads,600,USD,\n2024-01-15,outbound,300,USD,sales\n2024-02,ads,100,USD,\n");
        upload("leads", "lead_id,created_at,channel,converted_at\nl1,2024-01-02,,2024-01-12\nl2,2024-01-03,unknown,\nl3,2024-01-04,,\n");
    }

    @Test
    void revenueMetrics() {
        JsonPath m = metrics("revenue");
        // MRR 230, 310, 220, 272 (table above); ARR = 12 × MRR
        assertThat(values(m, "mrr")).containsExactly(230.0f, 310.0f, 220.0f, 272.0f);
        assertThat(m.getFloat("months[2].metrics.arr.value")).isEqualTo(2640.0f);
        // subscribers 3, 3, 3, 4; ARPA 230/3 = 76.67, 310/3 = 103.33, 220/3 = 73.33
        assertThat(values(m, "subscribers")).containsExactly(3.0f, 3.0f, 3.0f, 4.0f);
        assertThat(values(m, "arpa").subList(0, 3)).containsExactly(76.67f, 103.33f, 73.33f);
        // LTV: Jan no churn yet; Feb ARPA 103.333 ÷ mean churn (1/3) = 310; Mar 73.333 ÷ 1/3 = 220
        assertThat(m.getString("months[0].metrics.ltv.reason")).isEqualTo("not enough churn to estimate");
        assertThat(m.getFloat("months[1].metrics.ltv.value")).isEqualTo(310.0f);
        assertThat(m.getFloat("months[2].metrics.ltv.value")).isEqualTo(220.0f);
        // Revenue Jan 100 + 80 − 20 = 160 (cancelled 500 and refunded 200 EUR count nowhere); Feb 50
        assertThat(values(m, "revenue").subList(0, 2)).containsExactly(160.0f, 50.0f);
        // Orders Jan 2 (the refund is not an order), AOV (100 + 80) ÷ 2 = 90
        assertThat(m.getFloat("months[0].metrics.orders.value")).isEqualTo(2.0f);
        assertThat(m.getFloat("months[0].metrics.aov.value")).isEqualTo(90.0f);
        // Repeat purchase: Jan 0 of 2 customers; Feb c6 has 2 orders: 1 of 2
        assertThat(values(m, "repeat_purchase_rate").subList(0, 2)).containsExactly(0.0f, 0.5f);
        // Quick ratio Feb (50 new + 50 expansion) ÷ 20 churn = 5; Mar 20 ÷ 110 = 0.18
        assertThat(values(m, "quick_ratio").subList(1, 3)).containsExactly(5.0f, 0.18f);
    }

    @Test
    void retentionMetrics() {
        JsonPath m = metrics("retention");
        assertThat(values(m, "new_mrr")).containsExactly(230.0f, 50.0f, 0.0f, 52.0f);
        assertThat(values(m, "expansion_mrr")).containsExactly(0.0f, 50.0f, 0.0f, 0.0f);
        assertThat(values(m, "churned_mrr")).containsExactly(0.0f, 20.0f, 110.0f, 0.0f);
        assertThat(values(m, "reactivation_mrr")).containsExactly(0.0f, 0.0f, 20.0f, 0.0f);
        // Movements sum exactly to the MRR change: 230, +80, −90, +52
        assertThat(values(m, "net_new_mrr")).containsExactly(230.0f, 80.0f, -90.0f, 52.0f);
        // Subscriber churn Feb: c5 of {c1, c2, c5}; Mar: c2 of {c1, c2, c3}. c4, acquired and lost in Jan, is in neither.
        assertThat(m.getString("months[0].metrics.subscriber_churn_rate.reason")).contains("no subscribers at the start");
        assertThat(values(m, "subscriber_churn_rate").subList(1, 3)).containsExactly(0.333333f, 0.333333f);
        // Gross MRR churn Feb 20/230, Mar 110/310; net Feb (20 − 50)/230, Mar (110 − 20)/310
        assertThat(values(m, "gross_mrr_churn_rate").subList(1, 3)).containsExactly(0.086957f, 0.354839f);
        assertThat(values(m, "net_mrr_churn_rate").subList(1, 3)).containsExactly(-0.130435f, 0.290323f);
        // Churn by reason: Mar 110 "price"; Feb 20 "not given"
        assertThat(m.getFloat("months[2].metrics.churned_mrr.breakdowns.reason.price.value")).isEqualTo(110.0f);
        assertThat(m.getFloat("months[1].metrics.churned_mrr.breakdowns.reason.'not given'.value")).isEqualTo(20.0f);
        // Buyers active in the 90 days before Feb: c6, c7; both still active at the end of Feb
        assertThat(m.getFloat("months[1].metrics.buyer_churn_rate.value")).isEqualTo(0.0f);
    }

    @Test
    void acquisitionMetrics() {
        JsonPath m = metrics("acquisition");
        // Jan buyers c6, c7 of 1000 visitors; per channel ads: c6 of 600
        assertThat(m.getFloat("months[0].metrics.visitor_conversion_rate.value")).isEqualTo(0.002f);
        assertThat(m.getFloat("months[0].metrics.visitor_conversion_rate.breakdowns.channel.ads.value")).isEqualTo(0.001667f);
        // One-time: c6 (one_time) and c7 (mixed); subscription: c7 (mixed) + c1, c2, c4, c5 — the mixed cart in both
        assertThat(m.getFloat("months[0].metrics.one_time_conversion_rate.value")).isEqualTo(0.002f);
        assertThat(m.getFloat("months[0].metrics.subscription_conversion_rate.value")).isEqualTo(0.005f);
        // Feb has no traffic: null with the upload that would fix it
        assertThat(m.getString("months[1].metrics.visitor_conversion_rate.reason")).contains("traffic.csv");
        // New customers Jan: c1 c2 c4 c5 c6 c7; Feb: c3 (trial ended). Cancelled c8 and refunded c9 never.
        assertThat(values(m, "new_customers").subList(0, 2)).containsExactly(6.0f, 1.0f);
        // CAC (3 months): Jan 900 ÷ 6 = 150; Feb 1000 ÷ 7 = 142.86; marketing share Jan 600 ÷ 900
        assertThat(values(m, "cac").subList(0, 3)).containsExactly(150.0f, 142.86f, 142.86f);
        assertThat(m.getFloat("months[0].metrics.marketing_share_of_cac.value")).isEqualTo(0.666667f);
        assertThat(m.getFloat("months[0].metrics.cac.inputs.spend")).isEqualTo(900.0f);
        // LTV:CAC Mar 220 ÷ 142.857 = 1.54
        assertThat(m.getFloat("months[2].metrics.ltv_cac.value")).isEqualTo(1.54f);
        // Leads created in Jan: l1 converted of 3; blank channel "not set" (1 of 2) apart from "unknown" (0 of 1)
        assertThat(m.getFloat("months[0].metrics.lead_conversion_rate.value")).isEqualTo(0.333333f);
        assertThat(m.getFloat("months[0].metrics.lead_conversion_rate.breakdowns.channel.'not set'.value")).isEqualTo(0.5f);
        assertThat(m.getFloat("months[0].metrics.lead_conversion_rate.breakdowns.channel.unknown.value")).isEqualTo(0.0f);
        assertThat(m.getFloat("months[0].metrics.lead_conversion_rate.inputs.median_days_to_convert")).isEqualTo(10.0f);
    }

    @Test
    void badRequestsAndOtherTenantsAreRefused() {
        String path = "/api/v1/tenants/" + tenant.slug + "/metrics";
        given().auth().oauth2(Forms.token("alice")).queryParam("from", "2024-13").queryParam("to", "2024-04").get(path)
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("month like 2024-01"));
        given().auth().oauth2(Forms.token("alice")).queryParam("from", "2024-01").queryParam("to", "2024-04")
                .queryParam("group", "profit").get(path).then().statusCode(400);
        given().auth().oauth2(Forms.token("bob")).queryParam("from", "2024-01").queryParam("to", "2024-04").get(path)
                .then().statusCode(404);
        tenants.grant(tenant, "bob", TenantRole.viewer);
        given().auth().oauth2(Forms.token("bob")).queryParam("from", "2024-01").queryParam("to", "2024-04").get(path)
                .then().statusCode(200);
    }

    private void upload(String dataset, String csv) {
        Uploads.post(tenant, dataset, csv).then().statusCode(200);
    }

    private JsonPath metrics(String group) {
        return MetricsApi.months(tenant, "2024-01", "2024-04", group);
    }

    /** The values of one metric, month by month, as floats (null where the API has none). */
    static java.util.List<Float> values(JsonPath m, String metric) {
        return m.<Map<String, Object>>getList("months").stream()
                .map(month -> ((Map<String, Map<String, Object>>) month.get("metrics")).get(metric).get("value"))
                .map(value -> value == null ? null : ((Number) value).floatValue()).toList();
    }
}
