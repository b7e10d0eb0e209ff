package com.merchantmetrics.tenant;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.merchantmetrics.merchantdata.Customer;

/** Machine access to a tenant: what it is and what the caller may do in it. */
@Path("/api/v1/tenants/{slug}")
@Produces(MediaType.APPLICATION_JSON)
public class TenantApiResource {

    public record TenantInfo(String slug, String name, String reportingCurrency, String timeZone, String yourRole,
            long customers) {
    }

    private final CurrentTenant currentTenant;

    TenantApiResource(CurrentTenant currentTenant) {
        this.currentTenant = currentTenant;
    }

    @GET
    @Transactional
    @Operation(summary = "The tenant, your role in it and how many customers it has")
    public TenantInfo tenant() {
        TenantAccess access = currentTenant.access();
        return new TenantInfo(access.slug(), access.name(), access.reportingCurrency(), access.timeZone(),
                access.role().name(), Customer.count());
    }
}
