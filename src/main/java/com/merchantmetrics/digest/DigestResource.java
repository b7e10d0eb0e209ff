package com.merchantmetrics.digest;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;

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
import com.merchantmetrics.web.Languages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Every member's weekly e-mail summary of a tenant: on or off, day and hour, a preview and a test send. */
@Path("/t/{slug}/email-summary")
@Produces(MediaType.TEXT_HTML)
public class DigestResource {

    @CheckedTemplate(basePath = "DigestSettings")
    static class Templates {
        static native TemplateInstance edit(TenantAccess tenant, DigestPreference preference, List<String> days, boolean portfolio,
                String message, String error);
    }

    private final CurrentTenant currentTenant;
    private final CurrentUser currentUser;
    private final DigestPreferences preferences;
    private final DigestPreviews previews;
    private final Languages languages;

    DigestResource(CurrentTenant currentTenant, CurrentUser currentUser, DigestPreferences preferences, DigestPreviews previews,
            Languages languages) {
        this.currentTenant = currentTenant;
        this.currentUser = currentUser;
        this.preferences = preferences;
        this.previews = previews;
        this.languages = languages;
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
                    .entity(page(null, words().chooseDayAndHour())).build();
        }
        TenantAccess tenant = currentTenant.access();
        preferences.save(tenant.tenantId(), currentUser.get().id, new DigestPreference("on".equals(enabled), chosenDay, chosenHour));
        return Response.ok(page(words().saved(), null)).build();
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
        String email = currentUser.get().email;
        return previews.sendTest(currentUser.get(), currentTenant.access()) ? page(words().testEmailOnItsWay(email), null)
                : page(null, words().testEmailNotSent(email));
    }

    private DigestMessages words() {
        return Languages.bundle(DigestMessages.class, languages.locale());
    }

    /** Monday to Sunday in the page's language. */
    private List<String> days() {
        return Arrays.stream(DayOfWeek.values()).map(day -> day.getDisplayName(TextStyle.FULL, languages.locale())).toList();
    }

    private TemplateInstance page(String message, String error) {
        TenantAccess tenant = currentTenant.access();
        return Templates.edit(tenant, preferences.of(tenant.tenantId(), currentUser.get().id, tenant.role()), days(),
                tenant.role() == com.merchantmetrics.tenant.TenantRole.account_manager, message, error);
    }
}
