package com.merchantmetrics.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantAccessService;
import com.merchantmetrics.tenant.TenantAccessService.Reach;

/**
 * The tenants the signed-in person of this request may enter, read from the control schema once per request: the
 * admission check of a tenant route and the page shell's tenant switcher and portfolio link use the same answer.
 */
@RequestScoped
public class SignedInReach {

    private final CurrentUser currentUser;
    private final TenantAccessService accessService;
    private Reach reach;

    SignedInReach(CurrentUser currentUser, TenantAccessService accessService) {
        this.currentUser = currentUser;
        this.accessService = accessService;
    }

    public List<TenantAccess> tenants() {
        return reach().tenants();
    }

    public Optional<TenantAccess> tenant(String slug) {
        return reach().tenant(slug);
    }

    public boolean accountManager() {
        return reach().accountManager();
    }

    private Reach reach() {
        if (reach == null) {
            reach = currentUser.isSignedIn() ? accessService.reachOf(currentUser.get().id) : new Reach(List.of(), false);
        }
        return reach;
    }
}
