package com.merchantmetrics.tenant;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;

/** Tells Hibernate's tenant persistence unit which tenant the request was admitted to; none until then. */
@RequestScoped
@PersistenceUnitExtension(TenantConnections.PERSISTENCE_UNIT)
public class TenantIdentifierResolver implements TenantResolver {

    static final String NO_TENANT = "-";

    private final CurrentTenant currentTenant;

    TenantIdentifierResolver(CurrentTenant currentTenant) {
        this.currentTenant = currentTenant;
    }

    @Override
    public String getDefaultTenantId() {
        return NO_TENANT;
    }

    @Override
    public String resolveTenantId() {
        return currentTenant.isSet() ? currentTenant.access().slug() : NO_TENANT;
    }
}
