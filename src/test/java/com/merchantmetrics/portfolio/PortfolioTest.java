package com.merchantmetrics.portfolio;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.metrics.UpcomingRenewals;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;

/**
 * Marco manages two clients. Churner: subscriber churn 0 % in February, 50 % in March (+50 pts). Spender: LTV:CAC
 * from 400 of January spend; churn falls. Flags appear exactly at the thresholds.
 */
@QuarkusTest
class PortfolioTest {

    private static final String FILTER = "month=2024-03&q=";

    @Inject
    TestTenants tenants;

    @Inject
    UpcomingRenewals upcomingRenewals;

    private Tenant churner;
    private Tenant spender;
    private String prefix;

    @BeforeEach
    void clients() {
        churner = tenants.create("pf");
        prefix = churner.slug.substring(0, churner.slug.lastIndexOf('-'));
        spender = tenants.create("pf");
        for (Tenant client : List.of(churner, spender)) {
            tenants.grant(client, "alice", TenantRole.owner);
            tenants.grant(client, "marco", TenantRole.account_manager);
        }
        Uploads.post(churner, "subscriptions", """
                subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period
                s1,c1,2024-01-01,,100,USD,month
                s2,c2,2024-01-01,2024-03-10,50,USD,month
                s3,c3,2024-01-15,,50,USD,month
                """).then().statusCode(200);
        Uploads.post(spender, "subscriptions", """
                subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period
                s1,c1,2024-01-01,,100,USD,month
                s2,c2,2024-01-01,2024-02-15,100,USD,month
                """).then().statusCode(200);
        Uploads.post(spender, "marketing_spend", "date,channel,amount,currency\n2024-01,ads,400,USD\n").then().statusCode(200);
        thresholds("3", "2", "14");
    }

    @Test
    void figuresEqualTheMetricsApiOfEachClient() {
        Map<String, List<String>> rows = export();
        for (Tenant client : List.of(churner, spender)) {
            JsonPath api = given().auth().oauth2(Forms.token("marco"))
                    .get("/api/v1/tenants/" + client.slug + "/metrics?from=2024-03&to=2024-03").then().statusCode(200).extract()
                    .jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
            List<String> row = rows.get(client.slug);
            assertThat(row.get(4)).as("MRR").isEqualTo(api.getString("months[0].metrics.mrr.value"));
            assertThat(row.get(5)).as("net new MRR").isEqualTo(api.getString("months[0].metrics.net_new_mrr.value"));
            assertThat(row.get(7)).as("churn").isEqualTo(api.getString("months[0].metrics.subscriber_churn_rate.value"));
            assertThat(row.get(9)).as("CAC").isEqualTo(String.valueOf(api.getString("months[0].metrics.cac.value")).replace("null", ""));
            assertThat(row.get(10)).as("LTV:CAC").isEqualTo(String.valueOf(api.getString("months[0].metrics.ltv_cac.value")).replace("null", ""));
        }
        // Churner: MRR 100 + 50 in March (c2 left on 10 March); 200 in February: growth −25 %
        assertThat(rows.get(churner.slug).subList(4, 8)).containsExactly("150.00", "-50.00", "-0.250000", "0.333333");
    }

    /**
     * Renewals of the next 30 days from today (UTC), by hand: a1 1,200/year renews in 10 days (MRR 100); m1 30/month
     * in 5 days (30); m2 50/month ends on its renewal date in 20 days (due, 50 at risk); m3 ends in 5 days, before
     * its renewal: not due; w1 12/week renews in 4, 11, 18 and 25 days (4 × 52); a2 renews in 10 months. Due 7,
     * MRR at risk 100 + 30 + 50 + 208 = 388.
     */
    @Test
    void renewalsDueInTheNext30Days() {
        Tenant renewing = tenants.create("pf");
        tenants.grant(renewing, "alice", TenantRole.owner);
        tenants.grant(renewing, "marco", TenantRole.account_manager);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate m2Start = today.plusDays(20).minusMonths(1);
        Uploads.post(renewing, "subscriptions", String.join("\n",
                "subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period",
                "a1,c1," + today.plusDays(10).minusYears(1) + ",,1200,USD,year",
                "m1,c2," + today.plusDays(5).minusMonths(1) + ",,30,USD,month",
                "m2,c3," + m2Start + "," + m2Start.plusMonths(1) + ",50,USD,month",
                "m3,c4," + today.minusDays(10) + "," + today.plusDays(5) + ",40,USD,month",
                "w1,c5," + today.minusDays(3) + ",,12,USD,week",
                "a2,c6," + today.minusMonths(2) + ",,600,USD,year", "")).then().statusCode(200);

        UpcomingRenewals.Upcoming upcoming = upcomingRenewals.within(renewing, Duration.ofDays(30));
        assertThat(upcoming.count()).isEqualTo(7);
        assertThat(upcoming.mrrAtRisk()).isEqualByComparingTo("388.00");
        assertThat(upcoming.perBillingPeriod()).containsOnly(
                Map.entry("year", new UpcomingRenewals.Due(1, new BigDecimal("100.00"))),
                Map.entry("month", new UpcomingRenewals.Due(2, new BigDecimal("80.00"))),
                Map.entry("week", new UpcomingRenewals.Due(4, new BigDecimal("208.00"))));

        List<String> row = export(renewing.slug.substring(0, renewing.slug.lastIndexOf('-'))).get(renewing.slug);
        assertThat(row.subList(12, 14)).containsExactly("7", "388.00");
        assertThat(Forms.page("marco", "/portfolio?month=2024-03&q=" + renewing.slug).asString())
                .contains("Renewals due (30 days)", "$388.00");
    }

    @Test
    void flagsAppearExactlyAtTheThresholds() {
        // churn rose from 0 to 1/3: +33.3333 points
        thresholds("0", "33.3333", "14");
        assertThat(flags(churner)).contains("churn up 33.3 pts");
        thresholds("0", "33.3334", "14");
        assertThat(flags(churner)).doesNotContain("churn up");

        BigDecimal ltvCac = new BigDecimal(export().get(spender.slug).get(10));
        thresholds(ltvCac.toPlainString(), "99", "14");
        assertThat(flags(spender)).as("at the threshold is not below it").doesNotContain("LTV:CAC");
        thresholds(ltvCac.add(new BigDecimal("0.01")).toPlainString(), "99", "14");
        assertThat(flags(spender)).contains("LTV:CAC " + ltvCac.stripTrailingZeros().toPlainString() + " below "
                + ltvCac.add(new BigDecimal("0.01")).stripTrailingZeros().toPlainString());

        tenants.sql(spender, "UPDATE uploads SET created_at = now() - interval '21 days 1 hour'");
        thresholds("0", "99", "21");
        assertThat(flags(spender)).contains("no upload for 21 days");
        thresholds("0", "99", "22");
        assertThat(flags(spender)).doesNotContain("no upload");
    }

    @Test
    void flaggedClientsComeFirstAndLinksKeepTheMonth() {
        thresholds("0", "10", "14");
        String page = Forms.page("marco", "/portfolio?" + FILTER + prefix).then().statusCode(200).extract().asString();
        assertThat(page).contains("churn up 33.3 pts",
                "href=\"/t/" + spender.slug + "?range=custom&amp;from=2023-04&amp;to=2024-03\"");
        assertThat(page.indexOf(churner.name)).as("the flagged client first").isLessThan(page.indexOf(spender.name));
        String flaggedOnly = Forms.page("marco", "/portfolio?" + FILTER + prefix + "&flagged=true").asString();
        assertThat(flaggedOnly.substring(flaggedOnly.indexOf("<tbody>"))).contains(churner.name).doesNotContain(spender.name);
        assertThat(Forms.page("bob", "/portfolio?" + FILTER + prefix).asString()).contains("No clients assigned to you yet")
                .doesNotContain(churner.name);
    }

    @Test
    void badThresholdsAreExplained() {
        var refused = Forms.submit("marco", "/portfolio", "/portfolio/thresholds",
                Map.of("min_ltv_cac", "three", "max_churn_rise_points", "0", "max_days_without_upload", "-1"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("Minimum LTV:CAC: &quot;three&quot; is not a number.",
                "Churn rise: 0 must be above 0.", "Days without upload: -1 must be 1 or more.");
    }

    private void thresholds(String minLtvCac, String churnRise, String days) {
        Forms.submit("marco", "/portfolio", "/portfolio/thresholds", Map.of("min_ltv_cac", minLtvCac,
                "max_churn_rise_points", churnRise, "max_days_without_upload", days)).then().statusCode(200);
    }

    private String flags(Tenant client) {
        return export().get(client.slug).get(16);
    }

    /** The CSV export by slug: month, slug, currency, then the page's columns. */
    private Map<String, List<String>> export() {
        return export(prefix);
    }

    private static Map<String, List<String>> export(String filter) {
        String csv = Forms.page("marco", "/portfolio/export.csv?" + FILTER + filter).then().statusCode(200).extract().asString();
        return csv.lines().skip(1).map(line -> Arrays.asList(line.split(",", -1)))
                .collect(Collectors.toMap(row -> row.get(1), row -> row));
    }
}
