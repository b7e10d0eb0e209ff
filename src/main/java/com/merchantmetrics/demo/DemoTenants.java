package com.merchantmetrics.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.merchantmetrics.members.PeopleService;
import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.tenant.TenantService;
import com.merchantmetrics.tenant.TenantService.NewTenant;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode's first start creates the two demo tenants and their people: alice owns both, marco is their account
 * manager, admin is the platform administrator (a Keycloak/OIDC role, not a table row).
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoTenants {

    private static final Logger LOG = Logger.getLogger(DemoTenants.class);

    static final NewTenant ACME = new NewTenant("Acme Wholesale", "acme-wholesale", "EUR", "Europe/Berlin");
    static final NewTenant BLOOM = new NewTenant("Bloom Box", "bloom-box", "USD", "America/New_York");

    void createOnFirstStart(@Observes StartupEvent event, TenantService tenants, PeopleService people) {
        for (NewTenant demo : new NewTenant[] { ACME, BLOOM }) {
            if (QuarkusTransaction.requiringNew().call(() -> Tenant.findBySlug(demo.slug()).isPresent())) {
                continue;
            }
            Tenant tenant = tenants.create(demo);
            people.auditTenantCreated(tenant, AuditLog.Actor.SYSTEM);
            people.grant(tenant, "alice@example.com", TenantRole.owner.name(), AuditLog.Actor.SYSTEM);
            people.grant(tenant, "marco@example.com", TenantRole.account_manager.name(), AuditLog.Actor.SYSTEM);
            LOG.infof("Demo tenant %s created", demo.name());
        }
    }
}
