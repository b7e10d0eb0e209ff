package com.merchantmetrics.settings;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.restassured.response.Response;

/** Owners change how metrics are computed; history is recomputed and the change is in the audit log. */
@QuarkusTest
class SettingsTest {

    @Inject
    TestTenants tenants;

    private Tenant tenant;

    @BeforeEach
    void fixture() {
        tenant = tenants.create("settings");
        tenants.grant(tenant, "alice", TenantRole.owner);
        Uploads.post(tenant, "subscriptions", """
                subscription_id,customer_id,starts_at,amount,currency,billing_period
                s1,c1,2024-02-10,50,USD,month
                s2,c2,2024-04-05,52,USD,month
                """).then().statusCode(200);
        Uploads.post(tenant, "marketing_spend", "date,channel,amount,currency\n2024-02,ads,300,USD\n2024-04,ads,600,USD\n")
                .then().statusCode(200);
    }

    @Test
    void changingTheCacWindowRecomputesHistoryAndIsAudited() {
        // window 3 (February to April): spend 300 + 600 = 900 ÷ 2 new customers = 450
        assertThat(aprilCac()).isEqualTo(450.0f);

        Response saved = save(Map.of("cac_window_months", "1"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.asString()).contains("Saved and recomputed: CAC window 3 → 1");
        // window 1 (April): 600 ÷ 1 new customer (c2)
        assertThat(aprilCac()).isEqualTo(600.0f);
        assertThat(Forms.page("alice", "/t/" + tenant.slug + "/audit?action=settings.changed").asString())
                .contains("CAC window: 3 → 1");
    }

    @Test
    void invalidSettingsAreExplainedAndNothingChanges() {
        Response refused = save(Map.of("cac_window_months", "0", "reporting_currency", "EURO", "gross_margin_percent", "140"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("Nothing was saved", "CAC window: &quot;0&quot; must be a whole number from 1 to 36.",
                "Reporting currency: &quot;EURO&quot; is not an ISO 4217 code",
                "Gross margin: 140 is outside 0 to 100 %");
        assertThat(aprilCac()).isEqualTo(450.0f);
        assertThat(Forms.page("alice", "/t/" + tenant.slug + "/audit?action=settings.changed").asString())
                .doesNotContain("CAC window: 1 →");
    }

    private Response save(Map<String, String> changes) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("reporting_currency", "USD", "time_zone", "UTC",
                "inactivity_days", "90", "cac_window_months", "3", "ltv_window_months", "6", "gross_margin_percent", ""));
        form.putAll(changes);
        return Forms.submit("alice", "/t/" + tenant.slug + "/settings", "/t/" + tenant.slug + "/settings", form);
    }

    private float aprilCac() {
        return given().auth().oauth2(Forms.token("alice"))
                .get("/api/v1/tenants/" + tenant.slug + "/metrics?from=2024-04&to=2024-04&group=acquisition")
                .then().statusCode(200).extract().jsonPath().getFloat("months[0].metrics.cac.value");
    }
}
