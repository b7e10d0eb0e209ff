package com.merchantmetrics.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import com.merchantmetrics.apikeys.ApiKeyService;
import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every route of the application (read from its own OpenAPI document) × every role × own tenant and another
 * tenant, for people and for API keys. Each route needs a rule below: a new route without one fails this test until someone decides who may use
 * it. Allowed means "not refused" (the request may still be invalid: dummy ids and empty bodies are sent); refused
 * means 403 for a role of this tenant, 404 (the same answer as for an unknown tenant, revealing nothing) for another
 * tenant, a redirect to sign-in or 401 for nobody.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** Who may use a route. Tenant rules apply to routes with {slug}; the others to the rest. */
    enum Rule {
        PUBLIC, SIGNED_IN, PLATFORM_ADMIN,
        TENANT_READ(TenantRole.owner, TenantRole.analyst, TenantRole.viewer, TenantRole.account_manager),
        TENANT_UPLOAD(TenantRole.owner, TenantRole.analyst),
        TENANT_OWNER(TenantRole.owner);

        final Set<TenantRole> roles;

        Rule(TenantRole... roles) {
            this.roles = Set.of(roles);
        }

        boolean isTenantRule() {
            return !roles.isEmpty();
        }
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("GET /", Rule.SIGNED_IN),
            Map.entry("GET /signed-out", Rule.PUBLIC),
            Map.entry("POST /language", Rule.SIGNED_IN),
            Map.entry("GET /portfolio", Rule.SIGNED_IN),
            Map.entry("GET /portfolio/export.csv", Rule.SIGNED_IN),
            Map.entry("POST /portfolio/thresholds", Rule.SIGNED_IN),
            Map.entry("GET /invitations/{token}", Rule.SIGNED_IN),
            Map.entry("POST /invitations/{token}", Rule.SIGNED_IN),
            Map.entry("GET /admin/tenants", Rule.PLATFORM_ADMIN),
            Map.entry("POST /admin/tenants", Rule.PLATFORM_ADMIN),
            Map.entry("GET /admin/tenants/{tenant}", Rule.PLATFORM_ADMIN),
            Map.entry("POST /admin/tenants/{tenant}/people", Rule.PLATFORM_ADMIN),
            Map.entry("POST /admin/tenants/{tenant}/cluster", Rule.PLATFORM_ADMIN),
            Map.entry("GET /admin/tenants/{tenant}/audit", Rule.PLATFORM_ADMIN),
            Map.entry("GET /api/v1/tenants/{slug}", Rule.TENANT_READ),
            Map.entry("GET /api/v1/tenants/{slug}/metrics", Rule.TENANT_READ),
            Map.entry("GET /api/v1/tenants/{slug}/metrics/definitions", Rule.TENANT_READ),
            Map.entry("GET /api/v1/tenants/{slug}/metrics/cohorts", Rule.TENANT_READ),
            Map.entry("GET /api/v1/tenants/{slug}/uploads", Rule.TENANT_READ),
            Map.entry("POST /api/v1/tenants/{slug}/uploads", Rule.TENANT_UPLOAD),
            Map.entry("GET /t/{slug}", Rule.TENANT_READ),
            Map.entry("GET /t/{slug}/acquisition", Rule.TENANT_READ),
            Map.entry("GET /t/{slug}/retention", Rule.TENANT_READ),
            Map.entry("GET /t/{slug}/revenue", Rule.TENANT_READ),
            Map.entry("GET /t/{slug}/uploads", Rule.TENANT_READ),
            Map.entry("POST /t/{slug}/uploads", Rule.TENANT_UPLOAD),
            Map.entry("GET /t/{slug}/uploads/{uploadId}", Rule.TENANT_READ),
            Map.entry("POST /t/{slug}/uploads/{uploadId}/import", Rule.TENANT_UPLOAD),
            Map.entry("GET /t/{slug}/uploads/{uploadId}/problems.csv", Rule.TENANT_READ),
            Map.entry("GET /t/{slug}/uploads/{uploadId}/file", Rule.TENANT_UPLOAD),
            Map.entry("GET /t/{slug}/uploads/{uploadId}/progress", Rule.TENANT_READ),
            Map.entry("GET /t/{slug}/uploads/{uploadId}/mapping", Rule.TENANT_UPLOAD),
            Map.entry("POST /t/{slug}/uploads/{uploadId}/mapping", Rule.TENANT_UPLOAD),
            Map.entry("GET /t/{slug}/export.csv", Rule.TENANT_READ),
            Map.entry("GET /t/{slug}/settings", Rule.TENANT_OWNER),
            Map.entry("POST /t/{slug}/settings", Rule.TENANT_OWNER),
            Map.entry("GET /t/{slug}/members", Rule.TENANT_OWNER),
            Map.entry("POST /t/{slug}/members/invitations", Rule.TENANT_OWNER),
            Map.entry("POST /t/{slug}/members/invitations/{invitationId}/revoke", Rule.TENANT_OWNER),
            Map.entry("POST /t/{slug}/members/{userId}/role", Rule.TENANT_OWNER),
            Map.entry("POST /t/{slug}/members/{userId}/remove", Rule.TENANT_OWNER),
            Map.entry("GET /t/{slug}/api-keys", Rule.TENANT_OWNER),
            Map.entry("POST /t/{slug}/api-keys", Rule.TENANT_OWNER),
            Map.entry("POST /t/{slug}/api-keys/{keyId}/revoke", Rule.TENANT_OWNER),
            Map.entry("GET /t/{slug}/audit", Rule.TENANT_OWNER),
            Map.entry("GET /t/{slug}/email-summary", Rule.TENANT_READ),
            Map.entry("POST /t/{slug}/email-summary", Rule.TENANT_READ),
            Map.entry("GET /t/{slug}/email-summary/preview", Rule.TENANT_READ),
            Map.entry("POST /t/{slug}/email-summary/test", Rule.TENANT_READ),
            // The signed token is the credential; the one-click POST on the same path is a Vert.x route (DigestTest).
            Map.entry("GET /unsubscribe/{token}", Rule.PUBLIC),
            Map.entry("GET /admin/email-summaries", Rule.PLATFORM_ADMIN));

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final String SECRET = "Top Secret Customer";

    @Inject
    TestTenants testTenants;

    @Inject
    ApiKeyService apiKeys;

    /** consumes: the request body types the route's OpenAPI operation declares. */
    record Route(String method, String path, Set<String> consumes) {
        String key() {
            return method + " " + path;
        }

        boolean isTenantRoute() {
            return path.contains("{slug}");
        }

        String concrete(String slug) {
            return path.replace("{slug}", slug).replaceAll("\\{[^}]+}", "999999999");
        }
    }

    /** A browser-like caller: bearer token plus the CSRF cookie and field a form of the app would carry. */
    record Caller(String name, String token, String apiKey, String csrfCookie, String csrfField) {
        static Caller anonymous() {
            return new Caller("anonymous", null, null, null, null);
        }

        static Caller withApiKey(String key) {
            return new Caller("API key", null, key, null, null);
        }

        /** The CSRF pair is bound to the cookie, not to a person: one pair from any form page serves every caller. */
        static Caller signedIn(String user, Response pageWithForm) {
            Matcher field = CSRF_FIELD.matcher(pageWithForm.asString());
            assertThat(field.find()).as("CSRF field on a page with a form").isTrue();
            return new Caller(user, Forms.token(user), null, pageWithForm.getCookie("csrf-token"), field.group(1));
        }

        Response call(Route route, String slug) {
            RequestSpecification request = given().redirects().follow(false);
            if (token != null) {
                request.auth().oauth2(token);
            }
            if (apiKey != null) {
                request.header("X-Api-Key", apiKey);
            }
            if (route.method().equals("POST") && route.path().startsWith("/api/")) {
                request.contentType("text/csv").body("");
            } else if (route.consumes().contains("multipart/form-data")) {
                request.multiPart("probe", "1");
                if (csrfCookie != null) {
                    request.cookie("csrf-token", csrfCookie).multiPart("csrf-token", csrfField);
                }
            } else if (route.method().equals("POST")) {
                request.contentType("application/x-www-form-urlencoded").formParam("probe", "1");
                if (csrfCookie != null) {
                    request.cookie("csrf-token", csrfCookie).formParam("csrf-token", csrfField);
                }
            }
            return request.request(route.method(), route.concrete(slug));
        }
    }

    @Test
    void everyRouteAnswersEveryRoleAsItsRuleSays() {
        List<Route> routes = routes();
        Set<String> withoutRule = new TreeSet<>();
        routes.stream().map(Route::key).filter(key -> !RULES.containsKey(key)).forEach(withoutRule::add);
        assertThat(withoutRule).as("routes without an authorization rule in this test").isEmpty();
        assertThat(routes.stream().map(Route::key)).as("rules of routes that no longer exist")
                .containsAll(RULES.keySet());

        Map<TenantRole, Tenant> ownTenants = new EnumMap<>(TenantRole.class);
        for (TenantRole role : TenantRole.values()) {
            Tenant tenant = testTenants.create("matrix-" + role.name().replace('_', '-'));
            testTenants.grant(tenant, "alice", role);
            ownTenants.put(role, tenant);
        }
        Tenant otherTenant = testTenants.create("matrix-other");
        testTenants.grant(otherTenant, "bob", TenantRole.owner);
        testTenants.sql(otherTenant, "INSERT INTO customers (customer_id, name) VALUES ('secret-1', '" + SECRET + "')");

        Response formPage = Forms.page("alice", "/t/" + ownTenants.get(TenantRole.owner).slug + "/members");
        Caller alice = Caller.signedIn("alice", formPage);
        Caller bob = Caller.signedIn("bob", formPage);
        Caller admin = Caller.signedIn("admin", formPage);
        Caller nobody = Caller.anonymous();

        SoftAssertions softly = new SoftAssertions();
        for (Route route : routes) {
            Rule rule = RULES.get(route.key());
            if (route.isTenantRoute()) {
                assertThat(rule.isTenantRule()).as(route.key() + " needs a tenant rule").isTrue();
                String unknownTenant = alice.call(route, "no-such-tenant").asString();
                for (TenantRole role : TenantRole.values()) {
                    Tenant own = ownTenants.get(role);
                    Response response = alice.call(route, own.slug);
                    if (rule.roles.contains(role)) {
                        expectAllowed(softly, route, role.name(), response, unknownTenant);
                    } else {
                        softly.assertThat(response.statusCode()).as(route.key() + " as " + role).isEqualTo(403);
                        softly.assertThat(response.asString()).as(route.key() + " as " + role + " reveals nothing")
                                .doesNotContain(own.name);
                    }
                    expectHidden(softly, route, "alice as " + role + " of another tenant", alice.call(route, otherTenant.slug),
                            otherTenant, unknownTenant);
                }
                expectHidden(softly, route, "platform admin (no membership)", admin.call(route, otherTenant.slug),
                        otherTenant, admin.call(route, "no-such-tenant").asString());
                expectSignInRequired(softly, route, nobody.call(route, otherTenant.slug));
                for (TenantRole keyRole : List.of(TenantRole.analyst, TenantRole.viewer)) {
                    Tenant own = ownTenants.get(keyRole);
                    Caller machine = Caller.withApiKey(
                            apiKeys.create(own.id, "matrix", keyRole.name(), null, AuditLog.Actor.SYSTEM).secret());
                    if (!route.path().startsWith("/api/")) {
                        expectSignInRequired(softly, route, machine.call(route, own.slug));
                    } else if (rule.roles.contains(keyRole)) {
                        expectAllowed(softly, route, keyRole + " API key", machine.call(route, own.slug), unknownTenant);
                    } else {
                        softly.assertThat(machine.call(route, own.slug).statusCode()).as(route.key() + " as " + keyRole + " API key")
                                .isEqualTo(403);
                    }
                    if (route.path().startsWith("/api/")) {
                        expectHidden(softly, route, keyRole + " API key of another tenant", machine.call(route, otherTenant.slug),
                                otherTenant, unknownTenant);
                    }
                }
            } else {
                assertThat(rule.isTenantRule()).as(route.key() + " needs a non-tenant rule").isFalse();
                switch (rule) {
                    case PUBLIC -> expectAllowed(softly, route, "anonymous", nobody.call(route, "-"), null);
                    case SIGNED_IN -> {
                        expectAllowed(softly, route, "bob", bob.call(route, "-"), null);
                        expectSignInRequired(softly, route, nobody.call(route, "-"));
                    }
                    case PLATFORM_ADMIN -> {
                        expectAllowed(softly, route, "admin", admin.call(route, "-"), null);
                        softly.assertThat(bob.call(route, "-").statusCode()).as(route.key() + " as bob").isEqualTo(403);
                        expectSignInRequired(softly, route, nobody.call(route, "-"));
                    }
                    default -> throw new IllegalStateException();
                }
            }
        }
        softly.assertAll();
    }

    private static void expectAllowed(SoftAssertions softly, Route route, String who, Response response, String notFoundBody) {
        softly.assertThat(response.statusCode()).as(route.key() + " as " + who + " is allowed")
                .isNotIn(401, 403).isLessThan(500);
        if (response.statusCode() == 302) {
            softly.assertThat(response.header("Location")).as(route.key() + " as " + who + " is not sent to sign in")
                    .doesNotContain("openid-connect");
        }
        if (notFoundBody != null) {
            softly.assertThat(response.asString()).as(route.key() + " as " + who + " reaches the tenant")
                    .isNotEqualTo(notFoundBody);
        }
    }

    private static void expectHidden(SoftAssertions softly, Route route, String who, Response response, Tenant other,
            String unknownTenant) {
        softly.assertThat(response.statusCode()).as(route.key() + " for " + who).isEqualTo(404);
        softly.assertThat(response.asString()).as(route.key() + " for " + who + " is the unknown-tenant answer")
                .isEqualTo(unknownTenant).doesNotContain(SECRET, other.name);
    }

    private static void expectSignInRequired(SoftAssertions softly, Route route, Response response) {
        if (route.path().startsWith("/api/")) {
            softly.assertThat(response.statusCode()).as(route.key() + " without token").isEqualTo(401);
        } else {
            softly.assertThat(response.statusCode()).as(route.key() + " signed out").isEqualTo(302);
            softly.assertThat(response.header("Location")).as(route.key() + " signed out goes to Keycloak")
                    .contains("/protocol/openid-connect/auth");
        }
    }

    static List<Route> routes() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().path("paths");
        List<Route> routes = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> body = (Map<String, Map<String, Object>>) operation.get("requestBody");
                Set<String> consumes = body == null || body.get("content") == null ? Set.of() : body.get("content").keySet();
                routes.add(new Route(method.toUpperCase(), path, consumes));
            }
        }));
        return routes;
    }
}
