package com.merchantmetrics.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Dashboard content is rendered once per tenant, rollup version, period, filters and language, the same for every
 * member, and never outlives the rollup it was drawn from: MRR 150 in January 2024, 250 after one more upload.
 */
@QuarkusTest
class DashboardPageCacheTest {

    private static final String PERIOD = "?range=custom&from=2024-01&to=2024-01";

    @Inject
    TestTenants tenants;

    @Inject
    @CacheName("dashboard-pages")
    Cache pages;

    private Tenant tenant;

    @BeforeEach
    void fixture() {
        tenant = tenants.create("page-cache");
        tenants.grant(tenant, "alice", TenantRole.owner);
        tenants.grant(tenant, "bob", TenantRole.viewer);
        Uploads.post(tenant, "subscriptions", """
                subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period,cancel_reason
                s1,c1,2024-01-10,,150,USD,month,
                """).then().statusCode(200);
    }

    @Test
    void everyMemberGetsTheSameContentRenderedOnce() {
        int before = cachedPages();
        String owners = content(Forms.page("alice", "/t/" + tenant.slug + PERIOD).asString());
        String viewers = content(Forms.page("bob", "/t/" + tenant.slug + PERIOD).asString());
        assertThat(owners).contains("$150.00");
        assertThat(viewers).isEqualTo(owners);
        assertThat(cachedPages()).isEqualTo(before + 1);
    }

    @Test
    void anUploadShowsAtOnce() {
        assertThat(Forms.page("alice", "/t/" + tenant.slug + PERIOD).asString()).contains("$150.00");
        Uploads.post(tenant, "subscriptions", """
                subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period,cancel_reason
                s2,c2,2024-01-20,,100,USD,month,
                """).then().statusCode(200);
        assertThat(Forms.page("alice", "/t/" + tenant.slug + PERIOD).asString()).contains("$250.00").doesNotContain("$150.00");
    }

    @Test
    void eachLanguagePeriodAndFilterHasItsOwnContent() {
        int before = cachedPages();
        String english = Forms.page("alice", "/t/" + tenant.slug + "/revenue" + PERIOD).asString();
        String vietnamese = given().auth().oauth2(Forms.token("alice")).header("Accept-Language", "vi")
                .get("/t/" + tenant.slug + "/revenue" + PERIOD).then().statusCode(200).extract().asString();
        String b2c = Forms.page("alice", "/t/" + tenant.slug + "/revenue" + PERIOD + "&segment=b2c").asString();
        assertThat(content(english)).contains("MRR and ARR");
        assertThat(content(vietnamese)).contains("<h1 class=\"h3 mb-0\">Doanh thu</h1>").doesNotContain("MRR and ARR");
        assertThat(content(b2c)).contains("Only customers with segment b2c.");
        assertThat(cachedPages()).isEqualTo(before + 3);
    }

    private int cachedPages() {
        return pages.as(CaffeineCache.class).keySet().size();
    }

    /** The page without its shell (which carries the reader's name and a CSRF token of its own). */
    private static String content(String page) {
        return page.substring(page.indexOf("<div id=\"dashboard\">"), page.indexOf("</main>"));
    }
}
