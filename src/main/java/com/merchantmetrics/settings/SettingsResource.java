package com.merchantmetrics.settings;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import com.merchantmetrics.security.CurrentUser;
import com.merchantmetrics.tenant.CurrentTenant;
import com.merchantmetrics.tenant.RequiresTenantRole;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.web.Languages;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The owner's settings page for how the tenant's metrics are computed. */
@Path("/t/{slug}/settings")
@Produces(MediaType.TEXT_HTML)
@RequiresTenantRole(TenantRole.owner)
public class SettingsResource {

    @CheckedTemplate(basePath = "Settings")
    static class Templates {
        static native TemplateInstance edit(TenantAccess tenant, MetricSettings settings, List<String> problems,
                Map<String, String> saved, List<String> timeZones);
    }

    private static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/")).sorted().toList();

    private final CurrentTenant currentTenant;
    private final CurrentUser currentUser;
    private final MetricSettingsService settingsService;
    private final Languages languages;

    SettingsResource(CurrentTenant currentTenant, CurrentUser currentUser, MetricSettingsService settingsService,
            Languages languages) {
        this.currentTenant = currentTenant;
        this.currentUser = currentUser;
        this.settingsService = settingsService;
        this.languages = languages;
    }

    @GET
    public TemplateInstance edit() {
        return Templates.edit(currentTenant.access(), current(), List.of(), null, TIME_ZONES);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm("reporting_currency") String currency, @RestForm("time_zone") String timeZone,
            @RestForm("inactivity_days") String inactivityDays, @RestForm("cac_window_months") String cacWindow,
            @RestForm("ltv_window_months") String ltvWindow, @RestForm("gross_margin_percent") String grossMargin) {
        MetricSettings.Parsed parsed = MetricSettings.parse(currency, timeZone, inactivityDays, cacWindow, ltvWindow, grossMargin,
                languages.messages());
        if (!parsed.problems().isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.edit(currentTenant.access(), current(), parsed.problems(), null, TIME_ZONES)).build();
        }
        Map<String, String> changes = settingsService.save(currentTenant.access().tenantId(), parsed.settings(), currentUser.actor());
        return Response.ok(Templates.edit(currentTenant.access(), current(), List.of(), changes, TIME_ZONES)).build();
    }

    private MetricSettings current() {
        return QuarkusTransaction.joiningExisting().call(
                () -> MetricSettings.of(Tenant.<Tenant>findByIdOptional(currentTenant.access().tenantId()).orElseThrow()));
    }
}
