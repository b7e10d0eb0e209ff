package com.merchantmetrics.apikeys;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import com.merchantmetrics.security.CurrentUser;
import com.merchantmetrics.tenant.CurrentTenant;
import com.merchantmetrics.tenant.RequiresTenantRole;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.web.Languages;
import com.merchantmetrics.web.Refusal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Owners create and revoke the API keys of their tenant; a new key is shown exactly once. */
@Path("/t/{slug}/api-keys")
@Produces(MediaType.TEXT_HTML)
@RequiresTenantRole(TenantRole.owner)
public class ApiKeysResource {

    @CheckedTemplate(basePath = "ApiKeys")
    static class Templates {
        static native TemplateInstance index(TenantAccess tenant, List<ApiKey> keys, ApiKeyService.CreatedKey created,
                String error);
    }

    private final CurrentTenant currentTenant;
    private final CurrentUser currentUser;
    private final ApiKeyService keys;
    private final Languages languages;

    ApiKeysResource(CurrentTenant currentTenant, CurrentUser currentUser, ApiKeyService keys, Languages languages) {
        this.currentTenant = currentTenant;
        this.currentUser = currentUser;
        this.keys = keys;
        this.languages = languages;
    }

    @GET
    public TemplateInstance index() {
        return page(null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String role) {
        try {
            ApiKeyService.CreatedKey created = keys.create(tenantId(), name, role, currentUser.get().id, currentUser.actor());
            return Response.ok(page(created, null)).header("Cache-Control", "no-store").build();
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(null, Refusal.text(e, languages.locale()))).build();
        }
    }

    @POST
    @Path("{keyId}/revoke")
    public Response revoke(@PathParam("keyId") long keyId) {
        try {
            keys.revoke(tenantId(), keyId, currentUser.actor());
            return Response.seeOther(URI.create("/t/" + currentTenant.access().slug() + "/api-keys")).build();
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(null, Refusal.text(e, languages.locale()))).build();
        }
    }

    private TemplateInstance page(ApiKeyService.CreatedKey created, String error) {
        return Templates.index(currentTenant.access(), keys.keys(tenantId()), created, error);
    }

    private long tenantId() {
        return currentTenant.access().tenantId();
    }
}
