package com.merchantmetrics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The pages of a small tenant (USD, UTC) whose numbers are worked out by hand: MRR 230 in January, 310 in February,
 * 220 in March and 272 in April 2024 (see MetricFixturesTest for the same subscriptions).
 */
@QuarkusTest
class DashboardPagesTest {

    private static final String PERIOD = "?range=custom&from=2024-01&to=2024-04";

    @Inject
    TestTenants tenants;

    private Tenant tenant;

    @BeforeEach
    void fixture() {
        tenant = tenants.create("pages");
        tenants.grant(tenant, "alice", TenantRole.owner);
        tenants.grant(tenant, "bob", TenantRole.viewer);
        Uploads.post(tenant, "subscriptions", """
                subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period,cancel_reason
                s1,c1,2024-01-10,2024-02-20,100,USD,month,
                s1,c1,2024-02-20,,150,USD,month,
                s2,c2,2024-01-15,2024-03-15,110,USD,month,price
                s5,c5,2024-01-01,2024-02-01,20,USD,month,
                s5b,c5,2024-03-01,,20,USD,month,
                s6,c6,2024-02-01,,50,USD,month,
                s10,c10,2024-04-01,,52,USD,month,
                """).then().statusCode(200);
        Uploads.post(tenant, "marketing_spend", "date,channel,amount,currency,category\n2024-04,=HYPERLINK(\"http://x\"),600,USD,\n")
                .then().statusCode(200);
    }

    @Test
    void theOverviewShowsHeadlineTilesWithChangesAndExplanations() {
        String page = page("alice", "/t/" + tenant.slug + PERIOD);
        // April MRR 150 + 20 + 50 + 52 = 272; March 150 + 20 + 50 = 220: +23.6 % ((272 − 220) ÷ 220)
        assertThat(page).contains("<h1 class=\"h3 mb-0\">Overview</h1>", "$272.00", "+23.6%", "vs previous month",
                "How is this calculated?", "Σ customer MRR at the end of the month");
        // CAC in April: spend of February to April 600 ÷ 2 new customers (c6 in February, c10 in April)
        assertThat(page).contains("$300.00", "This number (2024-04): spend 600.00 · new customers 2 · window months 3");
        assertThat(page).as("no traffic: the tile says which upload fixes it")
                .contains("no visitors uploaded for this month: upload traffic.csv", "href=\"/t/" + tenant.slug + "/uploads\"");
    }

    @Test
    void groupPagesDrawChartsWithTheirDataAsSortableTables() {
        String retention = page("alice", "/t/" + tenant.slug + "/retention" + PERIOD);
        // March: churn 110 (c2, reason price), reactivation 20 (c5); the churned MRR goes below zero in the chart
        assertThat(retention).contains("MRR movements", "data-chart=", "-110", "Show the data as a table",
                "class=\"table table-sm sortable\"", "<td data-sort=\"price\">price</td>", "Churned MRR by reason");
        String revenue = page("alice", "/t/" + tenant.slug + "/revenue" + PERIOD);
        assertThat(revenue).contains("MRR and ARR", "<td data-sort=\"2024-04\">2024-04</td>", "<td data-sort=\"272.00\">$272.00</td>",
                "<td data-sort=\"3264.00\">$3,264.00</td>");
        assertThat(page("alice", "/t/" + tenant.slug + "/acquisition" + PERIOD)).contains("Conversion funnel", "CAC per channel");
    }

    @Test
    void thePeriodLivesInTheUrlAndBadRangesAreExplained() {
        String threeMonths = page("alice", "/t/" + tenant.slug + "/revenue?range=3m");
        assertThat(threeMonths).contains("Last 3 months", "<option value=\"3m\" selected>");
        String bad = page("alice", "/t/" + tenant.slug + "/revenue?range=custom&from=2024-05&to=2024-01");
        assertThat(bad).contains("The custom range ends (2024-01) before it starts (2024-05); showing the last 12 months.");
        assertThat(page("alice", "/t/" + tenant.slug + "/revenue" + PERIOD))
                .contains("href=\"/t/" + tenant.slug + "/export.csv?section=revenue&amp;range=custom&amp;from=2024-01&amp;to=2024-04\"");
    }

    @Test
    void exportsAreSpreadsheetSafeAndAudited() {
        Response chart = Forms.page("bob", "/t/" + tenant.slug + "/export.csv?section=acquisition&chart=cac-channel&range=custom&from=2024-01&to=2024-04");
        chart.then().statusCode(200).contentType("text/csv");
        assertThat(chart.asString()).as("a channel named like a formula is neutralised")
                .contains("'=HYPERLINK(").doesNotContain("\n=HYPERLINK");
        Response all = Forms.page("bob", "/t/" + tenant.slug + "/export.csv?section=revenue&range=custom&from=2024-01&to=2024-04");
        assertThat(all.asString().lines()).contains("2024-04,mrr,MRR,272.00,money,");
        assertThat(all.header("Content-Disposition")).contains(tenant.slug + "-revenue-2024-01-2024-04.csv");
        assertThat(page("alice", "/t/" + tenant.slug + "/audit?action=metrics.exported"))
                .contains(tenant.slug + "-cac-channel-2024-01-2024-04.csv", tenant.slug + "-revenue-2024-01-2024-04.csv");
    }

    @Test
    void aTenantWithoutDataSaysWhatToUpload() {
        Tenant empty = tenants.create("empty-pages");
        tenants.grant(empty, "alice", TenantRole.analyst);
        assertThat(page("alice", "/t/" + empty.slug)).contains("No data yet for " + empty.name, "Go to uploads");
    }

    @Test
    void theHeaderShowsTheProductNameAndItsIcon() {
        assertThat(page("alice", "/t/" + tenant.slug)).contains("<span>Merchant Metrics</span>", "<link rel=\"icon\" href=\"/favicon.svg\"");
        io.restassured.RestAssured.given().get("/favicon.svg").then().statusCode(200).contentType("image/svg+xml");
    }

    private static String page(String user, String path) {
        Response response = Forms.page(user, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.asString();
    }
}
