package com.merchantmetrics.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import com.merchantmetrics.security.CurrentUser;
import com.merchantmetrics.security.SignedInReach;
import com.merchantmetrics.tenant.CurrentTenant;
import com.merchantmetrics.tenant.TenantAccess;

import io.vertx.ext.web.RoutingContext;

/** What the page shell shows: who is signed in, their tenants for the switcher, and where they are. */
@Named("nav")
@RequestScoped
public class Navigation {

    private final CurrentUser currentUser;
    private final CurrentTenant currentTenant;
    private final SignedInReach reach;
    private final RoutingContext routingContext;
    private final Languages languages;

    Navigation(CurrentUser currentUser, CurrentTenant currentTenant, SignedInReach reach, RoutingContext routingContext,
            Languages languages) {
        this.languages = languages;
        this.currentUser = currentUser;
        this.currentTenant = currentTenant;
        this.reach = reach;
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
        return reach.tenants();
    }

    /** Assigned to at least one client: the header links to the portfolio. */
    public boolean accountManager() {
        return reach.accountManager();
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

    /** The language of this page ("en", "vi"), for the html element and the charts' number formats. */
    public String language() {
        return languages.locale().getLanguage();
    }

    /** The person's saved language, or "" when the browser decides. */
    public String chosenLanguage() {
        String chosen = languages.chosen();
        return chosen == null ? "" : chosen;
    }

    /**
     * The language form needs the request's CSRF token; pages rendered before the CSRF filter ran (the 404 of
     * the tenant admission filter) have none and show no form.
     */
    public boolean languageFormPossible() {
        return routingContext.get("csrf_token") != null;
    }

    /** This page's address, so that changing the language comes back here. */
    public String currentPage() {
        String query = routingContext.request().query();
        return routingContext.normalizedPath() + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}
