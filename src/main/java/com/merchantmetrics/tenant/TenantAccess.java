package com.merchantmetrics.tenant;

/** A person's admitted access to one tenant, as decided by the control schema. */
public record TenantAccess(long tenantId, String slug, String name, String reportingCurrency, String timeZone,
        TenantRole role) {

    public static TenantAccess of(Tenant tenant, TenantRole role) {
        return new TenantAccess(tenant.id, tenant.slug, tenant.name, tenant.reportingCurrency, tenant.timeZone, role);
    }

    public TenantAccess withRole(TenantRole other) {
        return new TenantAccess(tenantId, slug, name, reportingCurrency, timeZone, other);
    }

    public TenantSchema schema() {
        return TenantSchema.of(slug);
    }
}
