package com.merchantmetrics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The retention page's renewal tiles, renewal chart and cohort heatmaps for a tenant worked out by hand (USD, UTC):
 * <pre>
 * y1 c1 1,200/year from 2024-01-10; 1,440/year from 2025-01-10   renewal 2025-01-10: MRR 100 → 120 (revenue renewal 120 %)
 * m1 c2 30/month 2024-12-05 to 2025-01-05                        due 2025-01-05, not renewed
 * m2 c3 40/month from 2024-12-20; 30 with a retention offer from 2025-01-20: saved
 * January 2025: due 3 (year 1, month 2), renewed 2: 66.7 %; month: 1 of 2, 30 ÷ 70 = 42.9 %; saves 1, MRR 30
 * cohorts: January 2024 {c1}; December 2024 {c2, c3}: subscribers at the end of January 2025: c3 of 2 = 50.0 %
 * </pre>
 */
@QuarkusTest
class RetentionPageTest {

    private static final String PERIOD = "?range=custom&from=2024-12&to=2025-01";

    @Inject
    TestTenants tenants;

    @Test
    void renewalTilesChartAndCohortHeatmaps() {
        Tenant tenant = tenants.create("retention-page");
        tenants.grant(tenant, "alice", TenantRole.owner);
        tenants.grant(tenant, "bob", TenantRole.viewer);
        Uploads.post(tenant, "subscriptions", """
                subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period,retention_offer
                y1,c1,2024-01-10,2025-01-10,1200,USD,year,
                y1,c1,2025-01-10,,1440,USD,year,
                m1,c2,2024-12-05,2025-01-05,30,USD,month,
                m2,c3,2024-12-20,2025-01-20,40,USD,month,
                m2,c3,2025-01-20,,30,USD,month,yes
                """).then().statusCode(200);

        String page = page("bob", "/t/" + tenant.slug + "/retention" + PERIOD);
        assertThat(page).contains("Renewal rate", "66.7%", "Revenue renewal rate", "Saved by retention offers",
                "MRR saved by retention offers", "$30.00");
        // The chart per billing period, its table: month 1 of 2 renewed, 30 ÷ 70; year 120 %
        assertThat(page).contains("Renewal and revenue renewal per billing period", "<td data-sort=\"month\">month</td>",
                "<td data-sort=\"0.5\">50.0%</td>", "<td data-sort=\"0.428571\">42.9%</td>", "<td data-sort=\"1.2\">120.0%</td>");
        // Heatmaps: December 2024 cohort (c2, c3): month 0 both subscribers, month 1 c3 only
        assertThat(page).contains("Subscription cohorts", "Buyer cohorts", "Revenue cohorts: MRR retention",
                "<th scope=\"row\" data-sort=\"2024-12\">2024-12</th>", "<td data-sort=\"2\" class=\"\">2</td>",
                "<td data-sort=\"1\" class=\"heat-5\">100.0% (2)</td>", "<td data-sort=\"0.5\" class=\"heat-3\">50.0% (1)</td>",
                "name=\"cohort-kind\"", "class=\"table table-sm sortable cohort-table\"");

        Response csv = Forms.page("bob", "/t/" + tenant.slug + "/export.csv?section=retention&chart=cohorts-subscription"
                + PERIOD.replace('?', '&'));
        csv.then().statusCode(200).contentType("text/csv");
        assertThat(csv.asString().lines()).containsExactly("Cohort,Customers,Month 0,Month 1", "2024-12,2,1,0.5");
        Response renewals = Forms.page("bob", "/t/" + tenant.slug + "/export.csv?section=retention&chart=renewals-billing-period"
                + PERIOD.replace('?', '&'));
        assertThat(renewals.asString().lines()).contains(
                "Billing period,Due,Renewed,Renewal rate,MRR due,MRR after renewal,Revenue renewal rate",
                "month,2,1,0.5,70.00,30.00,0.428571", "year,1,1,1,100.00,120.00,1.2");
    }

    private static String page(String user, String path) {
        Response response = Forms.page(user, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.asString();
    }
}
