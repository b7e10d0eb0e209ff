package com.merchantmetrics.tenant;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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

    public Reach reachOf(long userId) {
        Map<Long, TenantRole> roles = new LinkedHashMap<>();
        Membership.listForUser(userId).forEach(membership -> roles.merge(membership.tenantId, membership.role, TenantRole::strongest));
        List<AccountManagerAssignment> assignments = AccountManagerAssignment.listForUser(userId);
        assignments.forEach(assignment -> roles.merge(assignment.tenantId, TenantRole.account_manager, TenantRole::strongest));
        if (roles.isEmpty()) {
            return new Reach(List.of(), false);
        }
        List<TenantAccess> tenants = Tenant.<Tenant>list("id in ?1", roles.keySet()).stream()
                .filter(Tenant::isActive)
                .map(tenant -> TenantAccess.of(tenant, roles.get(tenant.id)))
                .sorted(Comparator.comparing(TenantAccess::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new Reach(tenants, !assignments.isEmpty());
    }

    public List<TenantAccess> tenantsOf(long userId) {
        return reachOf(userId).tenants();
    }
}
