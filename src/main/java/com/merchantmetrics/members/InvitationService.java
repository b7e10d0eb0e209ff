package com.merchantmetrics.members;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.core.SecretTokens;
import com.merchantmetrics.security.AppUser;
import com.merchantmetrics.tenant.MembershipService;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

/** Invitations by e-mail: a single-use link that expires, valid only for the invited address. */
@ApplicationScoped
@Transactional
public class InvitationService {

    public enum Outcome {
        joined("You joined %s."),
        already_member("You are already a member of %s; your role did not change."),
        wrong_user("This invitation to %s was sent to another e-mail address. Sign in with that address to accept it."),
        expired("This invitation to %s has expired. Ask an owner to invite you again."),
        used("This invitation to %s was already used or withdrawn.");

        private final String message;

        Outcome(String message) {
            this.message = message;
        }

        public String message(String tenantName) {
            return message.formatted(tenantName);
        }
    }

    public record Acceptance(Outcome outcome, Tenant tenant) {
    }

    @CheckedTemplate(basePath = "InvitationMail")
    static class Mails {
        static native MailTemplateInstance invitation(String tenantName, String inviterName, String role, String link,
                Instant expiresAt);
    }

    private final MembershipService memberships;
    private final AuditLog auditLog;
    private final String baseUrl;
    private final Duration validity;

    InvitationService(MembershipService memberships, AuditLog auditLog,
            @ConfigProperty(name = "merchant-metrics.base-url") String baseUrl,
            @ConfigProperty(name = "merchant-metrics.invitation-validity", defaultValue = "P7D") Duration validity) {
        this.memberships = memberships;
        this.auditLog = auditLog;
        this.baseUrl = baseUrl;
        this.validity = validity;
    }

    public Duration validity() {
        return validity;
    }

    public void invite(long tenantId, String email, String role, AppUser inviter, AuditLog.Actor actor) {
        Tenant tenant = Tenant.findById(tenantId);
        TenantRole invitedRole = parseMemberRole(role);
        String normalized = AppUser.requireValidEmail(email);
        String token = SecretTokens.newToken();
        Invitation invitation = new Invitation();
        invitation.tenantId = tenant.id;
        invitation.email = normalized;
        invitation.role = invitedRole;
        invitation.tokenHash = SecretTokens.hash(token);
        invitation.invitedBy = inviter.id;
        invitation.expiresAt = Instant.now().plus(validity);
        invitation.persist();
        auditLog.record(actor, tenant.id, "member.invited", normalized + " as " + invitedRole.label());
        Mails.invitation(tenant.name, inviter.displayName(), invitedRole.label(), baseUrl + "/invitations/" + token,
                invitation.expiresAt)
                .to(normalized)
                .subject("You are invited to " + tenant.name + " on Merchant Metrics")
                .sendAndAwait();
    }

    public List<Invitation> pending(long tenantId) {
        return Invitation.listPending(tenantId, Instant.now());
    }

    public void revoke(long tenantId, long invitationId, AuditLog.Actor actor) {
        Invitation invitation = Invitation.<Invitation>findByIdOptional(invitationId)
                .filter(found -> found.tenantId == tenantId)
                .orElseThrow(() -> new IllegalArgumentException("No such invitation"));
        invitation.revokedAt = Instant.now();
        auditLog.record(actor, tenantId, "member.invitation_revoked", invitation.email);
    }

    /** Empty when the token is unknown: the caller answers 404 and reveals nothing. */
    public Optional<Invitation> find(String token) {
        return Invitation.findByTokenHash(SecretTokens.hash(token));
    }

    /** Empty when the token is unknown: the caller answers 404 and reveals nothing. */
    public Optional<Acceptance> accept(String token, AppUser user, AuditLog.Actor actor) {
        return find(token).map(invitation -> {
            Tenant tenant = Tenant.findById(invitation.tenantId);
            Outcome outcome = decide(invitation, user);
            if (outcome == Outcome.joined) {
                memberships.grant(tenant.id, user.id, invitation.role);
                invitation.acceptedAt = Instant.now();
                auditLog.record(actor, tenant.id, "member.joined", user.email + " as " + invitation.role.label());
            }
            return new Acceptance(outcome, tenant);
        });
    }

    private Outcome decide(Invitation invitation, AppUser user) {
        Instant now = Instant.now();
        if (invitation.acceptedAt != null || invitation.revokedAt != null) {
            return Outcome.used;
        }
        if (!invitation.expiresAt.isAfter(now)) {
            return Outcome.expired;
        }
        if (!invitation.email.equals(user.email)) {
            return Outcome.wrong_user;
        }
        if (memberships.isMember(invitation.tenantId, user.id)) {
            return Outcome.already_member;
        }
        return Outcome.joined;
    }

    private static TenantRole parseMemberRole(String role) {
        try {
            TenantRole parsed = TenantRole.valueOf(role);
            if (parsed != TenantRole.account_manager) {
                return parsed;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // answered below
        }
        throw new IllegalArgumentException("Choose owner, analyst or viewer");
    }
}
