package com.merchantmetrics.audit;

import java.time.ZoneId;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import com.merchantmetrics.tenant.CurrentTenant;
import com.merchantmetrics.tenant.RequiresTenantRole;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.web.Languages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The audit log of one tenant, for its owners (platform admins read it from the administration pages). */
@Path("/t/{slug}/audit")
@Produces(MediaType.TEXT_HTML)
@RequiresTenantRole(TenantRole.owner)
public class AuditResource {

    /** What the page shows; also used by the administration page of a tenant. */
    public record AuditView(String tenantName, String formAction, String timeZone, List<AuditEntry> entries,
            AuditTrail.Filter filter, long retentionDays, int pageSize, String error, AuditDetails.Words words) {

        /** The entry's detail in the page's language. */
        public String detail(AuditEntry entry) {
            return AuditDetails.in(words, entry.action, entry.detail);
        }
    }

    @CheckedTemplate(basePath = "Audit")
    public static class Templates {
        public static native TemplateInstance index(AuditView view);
    }

    private final CurrentTenant currentTenant;
    private final AuditTrail trail;
    private final Languages languages;

    AuditResource(CurrentTenant currentTenant, AuditTrail trail, Languages languages) {
        this.currentTenant = currentTenant;
        this.trail = trail;
        this.languages = languages;
    }

    @GET
    public TemplateInstance index(@RestQuery String action, @RestQuery String person, @RestQuery String from,
            @RestQuery String to) {
        var tenant = currentTenant.access();
        return Templates.index(trail.view(tenant.tenantId(), tenant.name(), ZoneId.of(tenant.timeZone()),
                "/t/" + tenant.slug() + "/audit", action, person, from, to, languages.locale()));
    }
}
