package com.merchantmetrics.security;

import static com.merchantmetrics.testsupport.Browsers.browser;
import static com.merchantmetrics.testsupport.Browsers.signIn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.testsupport.KeycloakServer;
import com.merchantmetrics.testsupport.TestTenants;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Sign-in through Keycloak's real login page, as a person in a browser does it. */
@QuarkusTest
class SignInTest {

    @TestHTTPResource("/")
    URL home;

    @Inject
    TestTenants testTenants;

    @Test
    void aPageRequestWithoutSessionIsSentToKeycloak() {
        String location = given().redirects().follow(false).get("/t/anything/acquisition")
                .then().statusCode(302).extract().header("Location");
        assertThat(location).startsWith(KeycloakServer.realmUrl() + "/protocol/openid-connect/auth");
    }

    @Test
    void anApiCallWithoutTokenIsUnauthorized() {
        given().redirects().follow(false).get("/api/v1/tenants/anything").then().statusCode(401);
    }

    @Test
    void aMerchantSignsInSeesTheirTenantsOpensOneAndSignsOut() throws Exception {
        Tenant shop = testTenants.create("signin");
        testTenants.grant(shop, "alice", TenantRole.owner);
        Tenant notHers = testTenants.create("notalice");

        try (WebClient browser = browser()) {
            HtmlPage login = browser.getPage(home);
            assertThat(login.getUrl().toString()).startsWith(KeycloakServer.realmUrl());
            HtmlPage tenants = signIn(login, "alice");

            assertThat(tenants.getUrl().getPath()).isEqualTo("/");
            assertThat(tenants.asNormalizedText()).contains("Your tenants", shop.name).doesNotContain(notHers.name);

            HtmlPage overview = tenants.getAnchorByHref("/t/" + shop.slug).click();
            assertThat(overview.getUrl().getPath()).isEqualTo("/t/" + shop.slug);
            assertThat(overview.asNormalizedText()).contains("Overview", "No data yet", "Alice Merchant");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    browser.<HtmlPage>getPage(new URL(home, "/t/" + shop.slug + "/audit?action=user.signed_in"))
                            .asNormalizedText())
                    .as("the sign-in is in the audit log of her tenant").contains("user.signed_in", "127.0.0.1"));

            HtmlPage forbidden = browser.getPage(new URL(home, "/t/" + notHers.slug + "/acquisition"));
            assertThat(forbidden.getWebResponse().getStatusCode()).isEqualTo(404);

            HtmlForm signOut = overview.getFirstByXPath("//form[@action='/logout']");
            HtmlPage signedOut = signOut.getButtonByName("sign-out").click();
            assertThat(signedOut.getUrl().getPath()).isEqualTo("/signed-out");

            HtmlPage again = browser.getPage(home);
            assertThat(again.getUrl().toString())
                    .as("the Keycloak session ended too, so Keycloak asks for the password again")
                    .startsWith(KeycloakServer.realmUrl());
            assertThat(again.getElementById("password")).isNotNull();
        }
    }
}
