package com.merchantmetrics.members;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.core.MailAttempts;
import com.merchantmetrics.core.SecretTokens;
import com.merchantmetrics.dashboard.Formats;
import com.merchantmetrics.security.AppUser;
import com.merchantmetrics.tenant.MembershipService;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.web.Languages;
import com.merchantmetrics.web.Messages;
import com.merchantmetrics.web.Refusal;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Invitations by e-mail: a single-use link that expires, valid only for the invited address. */
@ApplicationScoped
@Transactional
public class InvitationService {

    /** What accepting an invitation did; the page words it with {@code Messages.invitationOutcome}. */
    public enum Outcome {
        joined, already_member, wrong_user, expired, used
    }

    public record Acceptance(Outcome outcome, Tenant tenant) {
    }

    /** The mail server did not take the invitation mail: the invitation is rolled back, the owner can try again. */
    public static final class MailNotTaken extends RuntimeException {
        MailNotTaken(String email) {
            super("Invitation mail to " + email + " not taken by the mail server");
        }
    }

    @CheckedTemplate(basePath = "InvitationMail")
    static class Mails {
        static native MailTemplateInstance invitation(String tenantName, String inviterName, String role, String link,
                String expiresAt, String timeZone, String language);
    }

    private final MembershipService memberships;
    private final AuditLog auditLog;
    private final MailAttempts mailAttempts;
    private final String baseUrl;
    private final Duration validity;

    InvitationService(MembershipService memberships, AuditLog auditLog, MailAttempts mailAttempts,
            @ConfigProperty(name = "merchant-metrics.base-url") String baseUrl,
            @ConfigProperty(name = "merchant-metrics.invitation-validity", defaultValue = "P7D") Duration validity) {
        this.memberships = memberships;
        this.auditLog = auditLog;
        this.mailAttempts = mailAttempts;
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
        Locale locale = Languages.of(AppUser.findByEmail(normalized).map(user -> user.language).orElse(inviter.language), null);
        Messages msg = Languages.messages(locale);
        MailTemplateInstance mail = Mails.invitation(tenant.name, inviter.displayName(), msg.role(invitedRole.name()),
                baseUrl + "/invitations/" + token,
                Formats.dateTime(invitation.expiresAt, ZoneId.of(tenant.timeZone), locale), tenant.timeZone, locale.getLanguage())
                .setAttribute(TemplateInstance.LOCALE, locale)
                .to(normalized)
                .subject(msg.invitationMailSubject(tenant.name));
        if (!mailAttempts.sendWhileTheyWait(normalized, mail::send)) {
            throw new MailNotTaken(normalized);
        }
    }

    public List<Invitation> pending(long tenantId) {
        return Invitation.listPending(tenantId, Instant.now());
    }

    public void revoke(long tenantId, long invitationId, AuditLog.Actor actor) {
        Invitation invitation = Invitation.<Invitation>findByIdOptional(invitationId)
                .filter(found -> found.tenantId == tenantId)
                .orElseThrow(() -> new Refusal(Messages::noSuchInvitation));
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
        throw new Refusal(Messages::chooseMemberRole);
    }
}
