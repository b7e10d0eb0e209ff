package com.merchantmetrics.tenant;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.Panache;

/** Decides from the control schema which tenants a person may enter, and as what. */
@ApplicationScoped
@Transactional
public class TenantAccessService {

    public Optional<TenantAccess> accessOf(long userId, String slug) {
        return reachOf(userId).tenant(slug);
    }

    /** Access of an API key, which is bound to one tenant with one role. */
    public Optional<TenantAccess> accessOfKey(long tenantId, TenantRole role) {
        return Tenant.<Tenant>findByIdOptional(tenantId).filter(Tenant::isActive).map(tenant -> TenantAccess.of(tenant, role));
    }

    /**
     * Every active tenant a person may enter (by name, each with their strongest role), and whether they are an
     * account manager of at least one tenant.
     */
    public record Reach(List<TenantAccess> tenants, boolean accountManager) {

        public Optional<TenantAccess> tenant(String slug) {
            return tenants.stream().filter(access -> access.slug().equals(slug)).findFirst();
        }
    }

    /**
     * One query for every page of a signed-in person (it admits them to the tenant and fills the tenant switcher):
     * their memberships and account-manager assignments with the tenants they lead to.
     */
    public Reach reachOf(long userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                SELECT t.id, t.slug, t.name, t.reporting_currency, t.time_zone, t.status, r.role, r.assigned
                FROM (SELECT tenant_id, role, false AS assigned FROM control.membership WHERE user_id = ?1
                      UNION ALL
                      SELECT tenant_id, 'account_manager', true FROM control.account_manager_assignment WHERE user_id = ?1) r
                JOIN control.tenant t ON t.id = r.tenant_id""").setParameter(1, userId).getResultList();
        Map<Long, TenantAccess> tenants = new HashMap<>();
        boolean accountManager = false;
        for (Object[] row : rows) {
            accountManager |= (Boolean) row[7];
            if (Tenant.Status.valueOf((String) row[5]) != Tenant.Status.active) {
                continue;
            }
            TenantAccess access = new TenantAccess(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                    (String) row[3], (String) row[4], TenantRole.valueOf((String) row[6]));
            tenants.merge(access.tenantId(), access, (a, b) -> a.withRole(TenantRole.strongest(a.role(), b.role())));
        }
        List<TenantAccess> byName = tenants.values().stream()
                .sorted(Comparator.comparing(TenantAccess::name, String.CASE_INSENSITIVE_ORDER)).toList();
        return new Reach(byName, accountManager);
    }

    public List<TenantAccess> tenantsOf(long userId) {
        return reachOf(userId).tenants();
    }
}
