package com.merchantmetrics.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.merchantmetrics.apikeys.ApiKeyService.KeyHolder;
import com.merchantmetrics.tenant.CurrentTenant;
import com.merchantmetrics.tenant.RequiresTenantRole;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantAccessService;
import com.merchantmetrics.web.Languages;
import com.merchantmetrics.web.Messages;
import com.merchantmetrics.web.NotFoundResponses;

/**
 * Every route with a {@code {slug}} path parameter (/t/{slug}/…, /api/v1/tenants/{slug}/…) is a tenant route: it
 * runs only after the control schema admits the signed-in person to that tenant. An unknown tenant and a tenant
 * the person may not see get the same 404.
 */
public class TenantAccessFilter {

    public static final String TENANT_PATH_PARAMETER = "slug";

    private final CurrentUser currentUser;
    private final CurrentTenant currentTenant;
    private final TenantAccessService accessService;
    private final SignedInReach reach;
    private final NotFoundResponses notFound;
    private final Languages languages;

    TenantAccessFilter(CurrentUser currentUser, CurrentTenant currentTenant, TenantAccessService accessService, SignedInReach reach,
            NotFoundResponses notFound, Languages languages) {
        this.currentUser = currentUser;
        this.currentTenant = currentTenant;
        this.accessService = accessService;
        this.reach = reach;
        this.notFound = notFound;
        this.languages = languages;
    }

    @ServerRequestFilter
    public Optional<Response> admitTenantMember(ContainerRequestContext request, ResourceInfo resource) {
        String slug = request.getUriInfo().getPathParameters().getFirst(TENANT_PATH_PARAMETER);
        if (slug == null) {
            return Optional.empty();
        }
        Optional<TenantAccess> access = accessTo(slug);
        if (access.isEmpty()) {
            return Optional.of(notFound.forRequest(request));
        }
        currentTenant.set(access.get());
        RequiresTenantRole required = requiredRole(resource);
        if (required != null && !Arrays.asList(required.value()).contains(access.get().role())) {
            Messages words = request.getUriInfo().getPath().startsWith("/api/") ? Languages.messages(Locale.ENGLISH) : languages.messages();
            return Optional.of(Response.status(Response.Status.FORBIDDEN)
                    .entity(words.roleDoesNotAllow(words.role(access.get().role().name())))
                    .type(MediaType.TEXT_PLAIN_TYPE).build());
        }
        return Optional.empty();
    }

    private Optional<TenantAccess> accessTo(String slug) {
        Optional<KeyHolder> key = currentUser.apiKey();
        if (key.isPresent()) {
            return key.filter(holder -> holder.tenantSlug().equals(slug))
                    .flatMap(holder -> accessService.accessOfKey(holder.tenantId(), holder.role()));
        }
        return reach.tenant(slug);
    }

    private static RequiresTenantRole requiredRole(ResourceInfo resource) {
        RequiresTenantRole onMethod = resource.getResourceMethod().getAnnotation(RequiresTenantRole.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RequiresTenantRole.class);
    }
}
