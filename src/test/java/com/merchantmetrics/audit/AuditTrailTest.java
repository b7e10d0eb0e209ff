package com.merchantmetrics.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.testsupport.TestUsers;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditTrailTest {

    @Inject
    TestTenants tenants;

    @Inject
    AuditTrail trail;

    @Inject
    AuditLog auditLog;

    @Inject
    EntityManager entityManager;

    @Test
    void ownersSeeWhoDidWhatFromWhereAndCanFilter() {
        Tenant tenant = tenants.create("audit");
        tenants.grant(tenant, "alice", TenantRole.owner);
        String keys = "/t/" + tenant.slug + "/api-keys";
        Forms.submit("alice", keys, keys, Map.of("name", "Audited key", "role", "viewer")).then().statusCode(200);

        String page = Forms.page("alice", "/t/" + tenant.slug + "/audit?action=api_key.").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("api_key.created").contains("Audited key").contains(TestUsers.email("alice"))
                .contains("127.0.0.1").doesNotContain("access.granted");

        assertThat(Forms.page("alice", "/t/" + tenant.slug + "/audit?from=2024-02-31").asString())
                .contains("2024-02-31").contains("is not a date like 2026-01-31");
    }

    @Test
    void nonOwnersAndOtherTenantsSeeNothing() {
        Tenant tenant = tenants.create("audit-viewer");
        tenants.grant(tenant, "bob", TenantRole.viewer);
        Forms.page("bob", "/t/" + tenant.slug + "/audit").then().statusCode(403);
        Tenant foreign = tenants.create("audit-foreign");
        Forms.page("bob", "/t/" + foreign.slug + "/audit").then().statusCode(404);
        Forms.page("admin", "/admin/tenants/" + foreign.slug + "/audit").then().statusCode(200);
    }

    @Test
    void entriesOlderThanTheRetentionAreDeletedByTheNightlyPurge() {
        Tenant tenant = tenants.create("audit-retention");
        auditLog.record(AuditLog.Actor.SYSTEM, tenant.id, "test.expired", "401 days old");
        auditLog.record(AuditLog.Actor.SYSTEM, tenant.id, "test.kept", "399 days old");
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("UPDATE control.audit_entry SET occurred_at = now() - interval '401 days' "
                    + "WHERE tenant_id = ?1 AND action = 'test.expired'").setParameter(1, tenant.id).executeUpdate();
            entityManager.createNativeQuery("UPDATE control.audit_entry SET occurred_at = now() - interval '399 days' "
                    + "WHERE tenant_id = ?1 AND action = 'test.kept'").setParameter(1, tenant.id).executeUpdate();
        });

        trail.purgeExpired();

        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list("tenantId", tenant.id)))
                .extracting(entry -> entry.action).containsExactly("test.kept");
    }

}
