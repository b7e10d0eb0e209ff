package com.merchantmetrics.admin;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import com.merchantmetrics.audit.AuditResource;
import com.merchantmetrics.audit.AuditTrail;
import com.merchantmetrics.clusters.Clusters;
import com.merchantmetrics.clusters.TenantMove;

import com.merchantmetrics.members.PeopleService;
import com.merchantmetrics.security.CurrentUser;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantService;
import com.merchantmetrics.tenant.TenantService.NewTenant;
import com.merchantmetrics.web.Languages;
import com.merchantmetrics.web.Refusal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Platform administration: create tenants and give people access to them. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(CurrentUser.PLATFORM_ADMIN)
public class PlatformAdminResource {

    private static final Logger LOG = Logger.getLogger(PlatformAdminResource.class);

    @CheckedTemplate(basePath = "PlatformAdmin")
    static class Templates {
        static native TemplateInstance tenants(List<Tenant> tenants, NewTenant form, String error);

        static native TemplateInstance people(Tenant tenant, List<PeopleService.Person> people, String email,
                String grant, String error, ClusterChoice clusters);
    }

    /**
     * The database cluster the tenant is on, those it can move to, and why the last move failed: in the reader's
     * words, and the technical detail (the database's own words) when it failed on the way.
     */
    record ClusterChoice(String current, List<String> names, String error, String errorDetail) {
    }

    private final TenantService tenantService;
    private final PeopleService peopleService;
    private final CurrentUser currentUser;
    private final AuditTrail auditTrail;
    private final Clusters clusters;
    private final TenantMove tenantMove;
    private final Languages languages;

    PlatformAdminResource(TenantService tenantService, PeopleService peopleService, CurrentUser currentUser,
            AuditTrail auditTrail, Clusters clusters, TenantMove tenantMove, Languages languages) {
        this.tenantService = tenantService;
        this.peopleService = peopleService;
        this.currentUser = currentUser;
        this.auditTrail = auditTrail;
        this.clusters = clusters;
        this.tenantMove = tenantMove;
        this.languages = languages;
    }

    @GET
    @Path("tenants")
    public TemplateInstance tenants() {
        return Templates.tenants(peopleService.allTenants(), new NewTenant("", "", "USD", "UTC"), null);
    }

    @POST
    @Path("tenants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createTenant(@RestForm String name, @RestForm String slug, @RestForm String reportingCurrency,
            @RestForm String timeZone) {
        NewTenant form = new NewTenant(name, slug == null ? null : slug.trim(), reportingCurrency, timeZone);
        try {
            Tenant tenant = tenantService.create(form);
            peopleService.auditTenantCreated(tenant, currentUser.actor());
            return Response.seeOther(URI.create("/admin/tenants/" + tenant.slug)).build();
        } catch (Refusal e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.tenants(peopleService.allTenants(), form, e.in(languages.locale()))).build();
        }
    }

    @GET
    @Path("tenants/{tenant}")
    public TemplateInstance people(@PathParam("tenant") String tenantSlug) {
        Tenant tenant = peopleService.tenant(tenantSlug);
        return peoplePage(tenant, null, null);
    }

    @GET
    @Path("tenants/{tenant}/audit")
    public TemplateInstance audit(@PathParam("tenant") String tenantSlug, @RestQuery String action,
            @RestQuery String person, @RestQuery String from, @RestQuery String to) {
        Tenant tenant = peopleService.tenant(tenantSlug);
        return AuditResource.Templates.index(auditTrail.view(tenant.id, tenant.name, ZoneId.of(tenant.timeZone),
                "/admin/tenants/" + tenant.slug + "/audit", action, person, from, to, languages.locale()));
    }

    @POST
    @Path("tenants/{tenant}/people")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addPerson(@PathParam("tenant") String tenantSlug, @RestForm String email, @RestForm String grant) {
        Tenant tenant = peopleService.tenant(tenantSlug);
        try {
            peopleService.grant(tenant, email, grant, currentUser.actor());
            return Response.seeOther(URI.create("/admin/tenants/" + tenant.slug)).build();
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.people(tenant, peopleService.people(tenant.id), email, grant,
                            Refusal.text(e, languages.locale()), clusterChoice(tenant, null, null))).build();
        }
    }

    /** Moves the tenant's data to another database cluster (docs/scaling.md); imports of the tenant wait meanwhile. */
    @POST
    @Path("tenants/{tenant}/cluster")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response moveTenant(@PathParam("tenant") String tenantSlug, @RestForm String cluster) {
        Tenant tenant = peopleService.tenant(tenantSlug);
        try {
            tenantMove.move(tenant, cluster == null ? "" : cluster, currentUser.actor());
            return Response.seeOther(URI.create("/admin/tenants/" + tenant.slug)).build();
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(peoplePage(tenant,
                    Refusal.text(e, languages.locale()), null)).build();
        } catch (IllegalStateException e) {
            LOG.warnf(e, "Moving tenant %s to database cluster %s failed", tenant.slug, cluster);
            String detail = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            String source = tenantMove.clusterOf(tenant);
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(peoplePage(tenant,
                    Languages.bundle(AdminMessages.class, languages.locale()).moveFailed(tenant.name, cluster, source), detail)).build();
        }
    }

    /** The tenant's people page with an empty grant form and, if a move of its data failed, why. */
    private TemplateInstance peoplePage(Tenant tenant, String clusterError, String clusterErrorDetail) {
        return Templates.people(tenant, peopleService.people(tenant.id), "", "viewer", null,
                clusterChoice(tenant, clusterError, clusterErrorDetail));
    }

    private ClusterChoice clusterChoice(Tenant tenant, String error, String errorDetail) {
        return new ClusterChoice(tenantMove.clusterOf(tenant), clusters.names(), error, errorDetail);
    }
}
