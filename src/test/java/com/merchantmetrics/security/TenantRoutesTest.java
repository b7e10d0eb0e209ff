package com.merchantmetrics.security;

import static com.merchantmetrics.testsupport.TestUsers.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.testsupport.TestTenants;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every tenant route the application has (read from its own OpenAPI document, so a new route is covered the day it
 * is added): a member of tenant A asking for tenant B gets 404 and nothing of B, exactly like an unknown tenant.
 */
@QuarkusTest
class TenantRoutesTest {

    @Inject
    TestTenants testTenants;

    record Route(String method, String path) {
    }

    @Test
    void aMemberOfOneTenantGetsNothingOfAnother() {
        Tenant own = testTenants.create("own");
        Tenant other = testTenants.create("other");
        testTenants.grant(own, "bob", TenantRole.owner);
        testTenants.sql(other, "INSERT INTO customers (customer_id, name) VALUES ('secret-1', 'Top Secret Customer')");
        String token = accessToken("bob");

        List<Route> routes = tenantRoutes();
        assertThat(routes).extracting(Route::path).contains("/api/v1/tenants/{slug}", "/t/{slug}/acquisition");
        for (Route route : routes) {
            Response otherTenant = request(token, route, other.slug);
            Response unknownTenant = request(token, route, "no-such-tenant");
            assertThat(otherTenant.statusCode()).as(route + " for another tenant").isEqualTo(404);
            assertThat(otherTenant.asString()).as(route + " body").doesNotContain("Top Secret", other.name, other.slug);
            assertThat(otherTenant.asString()).as(route + " same answer as an unknown tenant")
                    .isEqualTo(unknownTenant.asString());
        }
    }

    static List<Route> tenantRoutes() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().path("paths");
        List<Route> routes = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (path.contains("{slug}")) {
                operations.keySet().stream()
                        .filter(method -> List.of("get", "post", "put", "delete", "patch").contains(method))
                        .forEach(method -> routes.add(new Route(method.toUpperCase(), path)));
            }
        });
        return routes;
    }

    private static Response request(String token, Route route, String slug) {
        String path = route.path().replace("{slug}", slug).replaceAll("\\{[^}]+}", "1");
        return given().auth().oauth2(token).redirects().follow(false).request(route.method(), path);
    }
}
