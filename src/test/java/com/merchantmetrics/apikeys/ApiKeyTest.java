package com.merchantmetrics.apikeys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.merchantmetrics.core.SecretTokens;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ApiKeyTest {

    private static final Pattern SHOWN_KEY = Pattern.compile("id=\"new-key\" readonly value=\"(mmk_[^\"]+)\"");

    @Inject
    TestTenants tenants;

    @Inject
    EntityManager entityManager;

    private Tenant tenant;
    private Tenant otherTenant;

    @BeforeEach
    void twoTenantsOfAlice() {
        tenant = tenants.create("keys");
        otherTenant = tenants.create("keys-other");
        tenants.grant(tenant, "alice", TenantRole.owner);
        tenants.grant(otherTenant, "alice", TenantRole.owner);
    }

    @Test
    void aKeyReadsItsOwnTenantOnlyUntilRevoked() {
        String key = createKey("viewer");

        given().header("X-Api-Key", key).get("/api/v1/tenants/" + tenant.slug)
                .then().statusCode(200).body("slug", equalTo(tenant.slug)).body("yourRole", equalTo("viewer"));
        String unknownTenant = given().header("X-Api-Key", key).get("/api/v1/tenants/no-such-tenant")
                .then().statusCode(404).extract().asString();
        assertThat(given().header("X-Api-Key", key).get("/api/v1/tenants/" + otherTenant.slug)
                .then().statusCode(404).extract().asString()).isEqualTo(unknownTenant);
        given().header("X-Api-Key", key).redirects().follow(false).get("/t/" + tenant.slug + "/acquisition")
                .then().statusCode(302).header("Location", containsString("/protocol/openid-connect/auth"));

        long keyId = keyId(key);
        assertThat(lastUsed(keyId)).isNotNull();
        String page = "/t/" + tenant.slug + "/api-keys";
        Forms.submit("alice", page, page + "/" + keyId + "/revoke", Map.of()).then().statusCode(303);

        given().header("X-Api-Key", key).get("/api/v1/tenants/" + tenant.slug).then().statusCode(401);
    }

    @Test
    void aWrongOrMalformedKeyIsRefused() {
        String key = createKey("analyst");
        given().header("X-Api-Key", key.substring(0, key.length() - 1) + "x").get("/api/v1/tenants/" + tenant.slug)
                .then().statusCode(401);
        given().header("X-Api-Key", "hello").get("/api/v1/tenants/" + tenant.slug).then().statusCode(401);
    }

    @Test
    void onlyTheHashIsStored() {
        String key = createKey("analyst");
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT prefix, secret_hash, name, role FROM control.api_key WHERE tenant_id = ?1")
                .setParameter(1, tenant.id).getSingleResult());
        assertThat(row).noneMatch(column -> column.toString().contains(key.substring(15)));
        assertThat(row[1]).isEqualTo(SecretTokens.hash(key));
        assertThat(Forms.page("alice", "/t/" + tenant.slug + "/api-keys").asString()).doesNotContain(key);
    }

    @Test
    void onlyOwnersManageKeys() {
        tenants.grant(tenant, "bob", TenantRole.analyst);
        Forms.page("bob", "/t/" + tenant.slug + "/api-keys").then().statusCode(403);
    }

    private String createKey(String role) {
        String page = "/t/" + tenant.slug + "/api-keys";
        String shown = Forms.submit("alice", page, page, Map.of("name", "ERP export", "role", role))
                .then().statusCode(200).extract().asString();
        Matcher key = SHOWN_KEY.matcher(shown);
        assertThat(key.find()).as("the new key is shown once").isTrue();
        return key.group(1);
    }

    private long keyId(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.findActiveByPrefix(key.substring(4, 14)).orElseThrow().id);
    }

    private Object lastUsed(long keyId) {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>findById(keyId).lastUsedAt);
    }
}
