package com.merchantmetrics.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import com.merchantmetrics.security.CurrentUser;
import com.merchantmetrics.tenant.AccountManagerAssignment;
import com.merchantmetrics.tenant.CurrentTenant;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantAccessService;

import io.vertx.ext.web.RoutingContext;

/** What the page shell shows: who is signed in, their tenants for the switcher, and where they are. */
@Named("nav")
@RequestScoped
public class Navigation {

    private final CurrentUser currentUser;
    private final CurrentTenant currentTenant;
    private final TenantAccessService accessService;
    private final RoutingContext routingContext;
    private List<TenantAccess> tenants;

    Navigation(CurrentUser currentUser, CurrentTenant currentTenant, TenantAccessService accessService,
            RoutingContext routingContext) {
        this.currentUser = currentUser;
        this.currentTenant = currentTenant;
        this.accessService = accessService;
        this.routingContext = routingContext;
    }

    public boolean signedIn() {
        return currentUser.isSignedIn();
    }

    public String userName() {
        return signedIn() ? currentUser.get().displayName() : "";
    }

    public String userEmail() {
        return signedIn() ? currentUser.get().email : "";
    }

    public boolean platformAdmin() {
        return signedIn() && currentUser.isPlatformAdmin();
    }

    public List<TenantAccess> tenants() {
        if (tenants == null) {
            tenants = signedIn() ? accessService.tenantsOf(currentUser.get().id) : List.of();
        }
        return tenants;
    }

    /** Assigned to at least one client: the header links to the portfolio. */
    public boolean accountManager() {
        return signedIn() && AccountManagerAssignment.count("userId", currentUser.get().id) > 0;
    }

    public TenantAccess tenant() {
        return currentTenant.isSet() ? currentTenant.access() : null;
    }

    /** "active" when the current page is the given section of the current tenant ("" for its overview), for the navigation links. */
    public String active(String section) {
        String path = routingContext.normalizedPath();
        TenantAccess tenant = tenant();
        String sectionPath = "/t/" + (tenant == null ? "" : tenant.slug()) + (section.isEmpty() ? "" : "/" + section);
        boolean matches = tenant != null && path.equals(sectionPath);
        return matches ? "active" : "";
    }
}
