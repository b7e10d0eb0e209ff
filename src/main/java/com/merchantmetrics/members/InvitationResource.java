package com.merchantmetrics.members;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.merchantmetrics.security.CurrentUser;
import com.merchantmetrics.tenant.Tenant;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The link of an invitation e-mail: the invited person signs in, sees what they were invited to and accepts. */
@Path("/invitations/{token}")
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {

    @CheckedTemplate(basePath = "Invitations")
    static class Templates {
        static native TemplateInstance show(String token, String tenantName, String tenantSlug, String role,
                InvitationService.Outcome outcome);
    }

    private final InvitationService invitations;
    private final CurrentUser currentUser;

    InvitationResource(InvitationService invitations, CurrentUser currentUser) {
        this.invitations = invitations;
        this.currentUser = currentUser;
    }

    @GET
    public TemplateInstance show(@PathParam("token") String token) {
        Invitation invitation = invitations.find(token).orElseThrow(NotFoundException::new);
        Tenant tenant = Tenant.findById(invitation.tenantId);
        return Templates.show(token, tenant.name, tenant.slug, invitation.role.name(), null);
    }

    @POST
    public TemplateInstance accept(@PathParam("token") String token) {
        InvitationService.Acceptance acceptance = invitations.accept(token, currentUser.get(), currentUser.actor())
                .orElseThrow(NotFoundException::new);
        return Templates.show(token, acceptance.tenant().name, acceptance.tenant().slug, null, acceptance.outcome());
    }
}
