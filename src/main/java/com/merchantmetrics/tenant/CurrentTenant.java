package com.merchantmetrics.tenant;

import jakarta.enterprise.context.RequestScoped;

/**
 * The tenant of the current request, set only after the membership check (TenantAccessFilter) or by a job that
 * acts for one tenant. Until then the tenant persistence unit reaches no tenant at all.
 */
@RequestScoped
public class CurrentTenant {

    private TenantAccess access;

    public void set(TenantAccess access) {
        this.access = access;
    }

    public TenantAccess access() {
        if (access == null) {
            throw new IllegalStateException("No tenant was admitted for this request");
        }
        return access;
    }

    public boolean isSet() {
        return access != null;
    }
}
