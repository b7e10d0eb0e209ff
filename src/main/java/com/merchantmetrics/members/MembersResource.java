package com.merchantmetrics.members;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.jboss.resteasy.reactive.RestQuery;

import com.merchantmetrics.security.CurrentUser;
import com.merchantmetrics.tenant.CurrentTenant;
import com.merchantmetrics.tenant.RequiresTenantRole;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.web.Languages;
import com.merchantmetrics.web.Messages;
import com.merchantmetrics.web.Refusal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Owners manage who has access to their tenant: invite, change role, remove, withdraw invitations. */
@Path("/t/{slug}/members")
@Produces(MediaType.TEXT_HTML)
@RequiresTenantRole(TenantRole.owner)
public class MembersResource {

    @CheckedTemplate(basePath = "Members")
    static class Templates {
        static native TemplateInstance index(TenantAccess tenant, List<PeopleService.Person> people,
                List<Invitation> invitations, long validityDays, String message, String error);
    }

    private final CurrentTenant currentTenant;
    private final CurrentUser currentUser;
    private final PeopleService people;
    private final InvitationService invitations;
    private final Languages languages;

    MembersResource(CurrentTenant currentTenant, CurrentUser currentUser, PeopleService people,
            InvitationService invitations, Languages languages) {
        this.currentTenant = currentTenant;
        this.currentUser = currentUser;
        this.people = people;
        this.invitations = invitations;
        this.languages = languages;
    }

    @GET
    public TemplateInstance index(@RestQuery String done) {
        return page(done, null);
    }

    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@RestForm String email, @RestForm String role) {
        return act(() -> invitations.invite(tenantId(), email, role, currentUser.get(), currentUser.actor()),
                msg().invitationSentTo(email));
    }

    @POST
    @Path("invitations/{invitationId}/revoke")
    public Response revoke(@PathParam("invitationId") long invitationId) {
        return act(() -> invitations.revoke(tenantId(), invitationId, currentUser.actor()), msg().invitationWithdrawn());
    }

    @POST
    @Path("{userId}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(@PathParam("userId") long userId, @RestForm String role) {
        return act(() -> people.changeRole(tenantId(), userId, role, currentUser.actor()), msg().roleChanged());
    }

    @POST
    @Path("{userId}/remove")
    public Response remove(@PathParam("userId") long userId) {
        return act(() -> people.remove(tenantId(), userId, currentUser.actor()), msg().memberRemoved());
    }

    private Response act(Runnable action, String message) {
        try {
            action.run();
            return Response.seeOther(URI.create("/t/" + currentTenant.access().slug() + "/members?done="
                    + URLEncoder.encode(message, StandardCharsets.UTF_8))).build();
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(null, Refusal.text(e, languages.locale()))).build();
        } catch (InvitationService.MailNotTaken e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(page(null, msg().invitationNotSent())).build();
        }
    }

    private TemplateInstance page(String message, String error) {
        long tenantId = tenantId();
        return Templates.index(currentTenant.access(), people.people(tenantId), invitations.pending(tenantId),
                invitations.validity().toDays(), message, error);
    }

    private Messages msg() {
        return languages.messages();
    }

    private long tenantId() {
        return currentTenant.access().tenantId();
    }
}
