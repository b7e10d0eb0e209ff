package com.merchantmetrics.web;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.merchantmetrics.tenant.CurrentTenant;
import com.merchantmetrics.tenant.RequiresTenantRole;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The sections of a tenant. Each says honestly which uploads it needs until the data is there. */
@Path("/t/{slug}")
@Produces(MediaType.TEXT_HTML)
public class TenantPagesResource {

    public record Section(String title, String summary, List<String> neededUploads) {
    }

    @CheckedTemplate(basePath = "TenantPages")
    static class Templates {
        static native TemplateInstance section(TenantAccess tenant, Section section);
    }

    private final CurrentTenant currentTenant;

    TenantPagesResource(CurrentTenant currentTenant) {
        this.currentTenant = currentTenant;
    }

    @GET
    public Response home(@PathParam("slug") String slug) {
        return Response.seeOther(URI.create("/t/" + slug + "/acquisition")).build();
    }

    @GET
    @Path("acquisition")
    public TemplateInstance acquisition() {
        return page(new Section("Acquisition",
                "Visitor, one-time, subscription and lead conversion, CAC, marketing share of CAC and LTV:CAC.",
                List.of("orders.csv", "traffic.csv", "marketing_spend.csv", "leads.csv")));
    }

    @GET
    @Path("retention")
    public TemplateInstance retention() {
        return page(new Section("Retention",
                "Customer churn, renewals, MRR movements, net and gross MRR churn, churn by reason and cohorts.",
                List.of("subscriptions.csv", "orders.csv")));
    }

    @GET
    @Path("revenue")
    public TemplateInstance revenue() {
        return page(new Section("Revenue", "MRR, ARR, ARPA, LTV, revenue, AOV and repeat purchase rate.",
                List.of("subscriptions.csv", "orders.csv", "fx_rates.csv (for amounts in other currencies)")));
    }

    @GET
    @Path("settings")
    @RequiresTenantRole(TenantRole.owner)
    public TemplateInstance settings() {
        return page(new Section("Settings", "Reporting currency, time zone and the windows the metrics use.", List.of()));
    }

    private TemplateInstance page(Section section) {
        return Templates.section(currentTenant.access(), section);
    }
}
