package com.merchantmetrics.digest;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
import com.merchantmetrics.tenant.TenantAccess;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Every member's weekly e-mail summary of a tenant: on or off, day and hour, a preview and a test send. */
@Path("/t/{slug}/email-summary")
@Produces(MediaType.TEXT_HTML)
public class DigestResource {

    static final List<String> DAYS = Arrays.stream(DayOfWeek.values()).map(day -> day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)).toList();

    @CheckedTemplate(basePath = "DigestSettings")
    static class Templates {
        static native TemplateInstance edit(TenantAccess tenant, DigestPreference preference, List<String> days, boolean portfolio,
                String message, String error);
    }

    private final CurrentTenant currentTenant;
    private final CurrentUser currentUser;
    private final DigestPreferences preferences;
    private final DigestPreviews previews;

    DigestResource(CurrentTenant currentTenant, CurrentUser currentUser, DigestPreferences preferences, DigestPreviews previews) {
        this.currentTenant = currentTenant;
        this.currentUser = currentUser;
        this.preferences = preferences;
        this.previews = previews;
    }

    @GET
    public TemplateInstance edit() {
        return page(null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm String enabled, @RestForm String day, @RestForm String hour) {
        DayOfWeek chosenDay;
        int chosenHour;
        try {
            chosenDay = DayOfWeek.of(Integer.parseInt(day));
            chosenHour = Integer.parseInt(hour);
            if (chosenHour < 0 || chosenHour > 23) {
                throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(null, "Choose a day (1 = Monday … 7 = Sunday) and an hour from 0 to 23.")).build();
        }
        TenantAccess tenant = currentTenant.access();
        preferences.save(tenant.tenantId(), currentUser.get().id, new DigestPreference("on".equals(enabled), chosenDay, chosenHour));
        return Response.ok(page("Saved.", null)).build();
    }

    /** This week's e-mail as it would go out now. */
    @GET
    @Path("preview")
    public String preview() {
        return previews.write(currentUser.get(), currentTenant.access()).previewHtml();
    }

    @POST
    @Path("test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance sendTest() {
        previews.sendTest(currentUser.get(), currentTenant.access());
        return page("A test e-mail is on its way to " + currentUser.get().email + ".", null);
    }

    private TemplateInstance page(String message, String error) {
        TenantAccess tenant = currentTenant.access();
        return Templates.edit(tenant, preferences.of(tenant.tenantId(), currentUser.get().id, tenant.role()), DAYS,
                tenant.role() == com.merchantmetrics.tenant.TenantRole.account_manager, message, error);
    }
}
