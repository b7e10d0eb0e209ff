package com.merchantmetrics.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

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
 * Renewals and cohorts on tenants small enough to check on paper (USD, UTC), imported through the uploads API and
 * read through the metrics API. The arithmetic is in the comments; docs/metrics.md uses the same examples.
 */
@QuarkusTest
class RetentionFixturesTest {

    @Inject
    TestTenants tenants;

    /**
     * <pre>
     * a1 c1 1,200/year from 2024-01-15; 1,440/year from 2025-01-15   renews 2025-01-15: MRR 100 before, 120 after
     * m1 c2 30/month from 2024-11-10                                  renews 12-10, 01-10, 02-10 …
     * m2 c3 50/month 2024-12-05 to 2025-01-05                         due 01-05, not renewed (it ends on the date)
     * m3 c4 40/month 2024-12-20 to 2025-01-20, then 30 with a retention offer: due 01-20, renewed, saved (MRR 30)
     * w1 c5 10/week from 2025-01-01                                   renews 01-08, 01-15, 01-22, 01-29: 4 × 43.33
     * e1 c6 100 EUR/month from 2024-12-15; EUR 1.10, from 2025-01-01 1.30: renews 01-15 at 110 before and after
     *       (FX at the period's start, not at the renewal date)
     * January 2025  due  renewed  MRR before        MRR after
     *   year          1     1      100               120             revenue renewal 1.2 (> 100 %: price increase)
     *   month         4     3      30+50+40+110=230  30+30+110=170   renewal 3/4, revenue renewal 170/230 = 0.739130
     *   week          4     4      173.33            173.33          1
     *   all           9     8      503.33            463.33          renewal 0.888889, revenue renewal 0.920530
     * December 2024: m1 due and renewed: 1 of 1.
     * </pre>
     */
    @Test
    void renewals() {
        Tenant tenant = tenant();
        upload(tenant, "fx_rates", "date,currency,rate\n2024-01-01,EUR,1.10\n2025-01-01,EUR,1.30\n");
        upload(tenant, "subscriptions", """
                subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period,retention_offer
                a1,c1,2024-01-15,2025-01-15,1200,USD,year,
                a1,c1,2025-01-15,,1440,USD,year,
                m1,c2,2024-11-10,,30,USD,month,
                m2,c3,2024-12-05,2025-01-05,50,USD,month,
                m3,c4,2024-12-20,2025-01-20,40,USD,month,
                m3,c4,2025-01-20,,30,USD,P1M,true
                w1,c5,2025-01-01,,10,USD,week,
                e1,c6,2024-12-15,,100,EUR,month,
                """);
        JsonPath m = metrics(tenant, "2024-12", "2025-01");
        String jan = "months[1].metrics.";
        assertThat(m.getFloat(jan + "renewals_due.value")).isEqualTo(9.0f);
        assertThat(m.getFloat(jan + "renewal_rate.value")).isEqualTo(0.888889f);
        assertThat(m.getFloat(jan + "revenue_renewal_rate.value")).isEqualTo(0.92053f);
        // Monthly and annual renewals apart; the annual one with its price increase above 100 %
        assertThat(m.getFloat(jan + "renewal_rate.breakdowns.billing_period.year.value")).isEqualTo(1.0f);
        assertThat(m.getFloat(jan + "revenue_renewal_rate.breakdowns.billing_period.year.value")).isEqualTo(1.2f);
        assertThat(m.getFloat(jan + "renewal_rate.breakdowns.billing_period.month.value")).isEqualTo(0.75f);
        assertThat(m.getFloat(jan + "revenue_renewal_rate.breakdowns.billing_period.month.value")).isEqualTo(0.73913f);
        assertThat(m.getFloat(jan + "renewal_rate.breakdowns.billing_period.month.inputs.due")).isEqualTo(4.0f);
        assertThat(m.getFloat(jan + "renewal_rate.breakdowns.billing_period.week.inputs.renewed")).isEqualTo(4.0f);
        assertThat(m.getFloat(jan + "revenue_renewal_rate.breakdowns.billing_period.week.value")).isEqualTo(1.0f);
        assertThat(m.getMap(jan + "renewal_rate.breakdowns.billing_period")).containsOnlyKeys("year", "month", "week");
        // The save: m3 renewed into a retention-offer period of 30 a month
        assertThat(m.getFloat(jan + "retention_offer_saves.value")).isEqualTo(1.0f);
        assertThat(m.getFloat(jan + "retention_offer_saved_mrr.value")).isEqualTo(30.0f);
        // December: only m1's renewal on 12-10
        assertThat(m.getFloat("months[0].metrics.renewals_due.value")).isEqualTo(1.0f);
        assertThat(m.getFloat("months[0].metrics.renewal_rate.value")).isEqualTo(1.0f);
        assertThat(m.getFloat("months[0].metrics.retention_offer_saves.value")).isEqualTo(0.0f);
        // e1 keeps the rate of its start (1.10) in MRR too: 120 + 30 + 30 + 43.33 + 110 at the end of January
        assertThat(m.getFloat(jan + "renewal_rate.inputs.renewed")).isEqualTo(8.0f);
        JsonPath revenue = MetricsApi.months(tenant, "2025-01", "2025-01", "revenue");
        assertThat(revenue.getFloat("months[0].metrics.mrr.value")).isEqualTo(333.33f);
        // Nothing ends later, so the same MRR in the current month, the last one the rollup computes
        String thisMonth = YearMonth.now(ZoneOffset.UTC).toString();
        assertThat(MetricsApi.months(tenant, thisMonth, thisMonth, "revenue").getFloat("months[0].metrics.mrr.value")).isEqualTo(333.33f);
    }

    @Test
    void monthWithoutRenewalsSaysSo() {
        Tenant tenant = tenant();
        upload(tenant, "subscriptions", """
                subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period
                y1,c1,2024-01-15,,1200,USD,year
                """);
        JsonPath m = metrics(tenant, "2024-03", "2024-03");
        assertThat(m.getFloat("months[0].metrics.renewals_due.value")).isEqualTo(0.0f);
        assertThat(m.getString("months[0].metrics.renewal_rate.value")).isNull();
        assertThat(m.getString("months[0].metrics.renewal_rate.reason")).isEqualTo("no renewals due this month");
    }

    /**
     * <pre>
     * subscriptions: c1 100/month 01-10 to 03-05 · c2 50/month from 01-20, 80 from 02-15 · c3 40/month from 02-03
     * orders: c4 01-05 60, 03-10 40 · c1 01-10 100, 02-10 100 · c2 02-20 80 · c5 02-07 30, refund 02-08 −30 · c3 03-03 40
     * acquired: January c4 (01-05), c1 (01-10), c2 (01-20); February c3 (02-03), c5 (02-07)
     *
     * cohort (customers)   month 0            month 1             month 2
     * Jan (3) subscribers  c1 c2: 2/3         c1 c2: 2/3          c2: 1/3
     *         buyers       c4 c1: 2/3         c1 c2: 2/3          c4: 1/3
     *         MRR          150 (100 %)        180 (120 %)         80 (53.33 %)
     *         revenue/cust 160/3 = 53.33      340/3 = 113.33      380/3 = 126.67
     * Feb (2) subscribers  c3: 1/2            c3: 1/2
     *         buyers       c5: 1/2            c3: 1/2
     *         MRR          40 (100 %)         40 (100 %)
     *         revenue/cust (30 − 30)/2 = 0    40/2 = 20
     * </pre>
     */
    @Test
    void cohorts() {
        Tenant tenant = tenant();
        upload(tenant, "subscriptions", """
                subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period
                s1,c1,2024-01-10,2024-03-05,100,USD,month
                s2,c2,2024-01-20,2024-02-15,50,USD,month
                s2,c2,2024-02-15,,80,USD,month
                s3,c3,2024-02-03,,40,USD,month
                """);
        upload(tenant, "orders", """
                order_id,customer_id,ordered_at,amount,currency
                o1,c4,2024-01-05,60,USD
                o2,c4,2024-03-10,40,USD
                o3,c1,2024-01-10,100,USD
                o4,c1,2024-02-10,100,USD
                o5,c2,2024-02-20,80,USD
                o6,c5,2024-02-07,30,USD
                o7,c5,2024-02-08,-30,USD
                o8,c3,2024-03-03,40,USD
                """);
        JsonPath c = given().auth().oauth2(Forms.token("alice")).queryParam("from", "2024-01").queryParam("to", "2024-03")
                .get("/api/v1/tenants/" + tenant.slug + "/metrics/cohorts").then().statusCode(200).extract().jsonPath();
        assertThat(c.getList("cohorts.cohort")).containsExactly("2024-01", "2024-02");
        assertThat(c.getList("cohorts.customers")).containsExactly(3, 2);
        assertThat(floats(c, "cohorts[0].cells.subscriberShare")).containsExactly(0.666667f, 0.666667f, 0.333333f);
        assertThat(floats(c, "cohorts[0].cells.buyerShare")).containsExactly(0.666667f, 0.666667f, 0.333333f);
        assertThat(floats(c, "cohorts[0].cells.buyers")).containsExactly(2f, 2f, 1f);
        assertThat(floats(c, "cohorts[0].cells.mrr")).containsExactly(150f, 180f, 80f);
        assertThat(floats(c, "cohorts[0].cells.mrrRetention")).containsExactly(1f, 1.2f, 0.533333f);
        assertThat(floats(c, "cohorts[0].cells.cumulativeRevenuePerCustomer")).containsExactly(53.33f, 113.33f, 126.67f);
        assertThat(floats(c, "cohorts[1].cells.monthsSince")).containsExactly(0f, 1f);
        assertThat(floats(c, "cohorts[1].cells.subscriberShare")).containsExactly(0.5f, 0.5f);
        assertThat(floats(c, "cohorts[1].cells.buyerShare")).containsExactly(0.5f, 0.5f);
        assertThat(floats(c, "cohorts[1].cells.mrrRetention")).containsExactly(1f, 1f);
        assertThat(floats(c, "cohorts[1].cells.cumulativeRevenuePerCustomer")).containsExactly(0f, 20f);

        given().auth().oauth2(Forms.token("alice")).queryParam("from", "2024-03").queryParam("to", "2024-01")
                .get("/api/v1/tenants/" + tenant.slug + "/metrics/cohorts").then().statusCode(400);
        given().auth().oauth2(Forms.token("bob")).queryParam("from", "2024-01").queryParam("to", "2024-03")
                .get("/api/v1/tenants/" + tenant.slug + "/metrics/cohorts").then().statusCode(404);
    }

    private Tenant tenant() {
        Tenant tenant = tenants.create("retention");
        tenants.grant(tenant, "alice", TenantRole.owner);
        return tenant;
    }

    private static void upload(Tenant tenant, String dataset, String csv) {
        Uploads.post(tenant, dataset, csv).then().statusCode(200);
    }

    private static JsonPath metrics(Tenant tenant, String from, String to) {
        return MetricsApi.months(tenant, from, to, "retention");
    }

    private static List<Float> floats(JsonPath json, String path) {
        return json.<Object>getList(path).stream().map(value -> value == null ? null : ((Number) value).floatValue()).toList();
    }
}
