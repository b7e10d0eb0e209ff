package com.merchantmetrics.audit;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The audit page's words for the entries: action names and the details {@link AuditDetails} reads back, in English
 * (the English wording of a detail is exactly what is stored); Vietnamese in {@code messages/audit_vi.properties}. A
 * bundle of its own because Quarkus 3.30 generates broken code for a message bundle of more than 300 messages.
 */
@MessageBundle(value = "audit", locale = "en")
public interface AuditMessages {

    @Message("{#when action}{#is 'user.signed_in'}Signed in{#is 'tenant.created'}Tenant created{#is 'tenant.moved'}Tenant data moved"
            + "{#is 'access.granted'}Access granted{#is 'member.invited'}Member invited{#is 'member.joined'}Member joined"
            + "{#is 'member.role_changed'}Member's role changed{#is 'member.removed'}Member removed"
            + "{#is 'member.invitation_revoked'}Invitation withdrawn{#is 'api_key.created'}API key created"
            + "{#is 'api_key.revoked'}API key revoked{#is 'settings.changed'}Settings changed{#is 'metrics.exported'}Metrics exported"
            + "{#is 'portfolio.exported'}Portfolio exported{#is 'upload.previewed'}Upload previewed{#is 'upload.imported'}Upload imported"
            + "{#is 'upload.unchanged'}Upload unchanged{#is 'upload.rejected'}Upload rejected{#is 'upload.failed'}Upload failed"
            + "{#else}Other action{/when}")
    String actionName(String action);

    @Message("{email} as {role}")
    String asRole(String email, String role);

    @Message("{email} is now {role}")
    String nowRole(String email, String role);

    @Message("{name} ({role}, {prefix})")
    String apiKeyCreated(String name, String role, String prefix);

    @Message("Data moved from database cluster {source} to {target} ({rows} rows)")
    String dataMoved(String source, String target, String rows);

    @Message("{file} → {dataset} ({mode}, {rows} rows, {inserted} new, {updated} updated, {errors} errors) #{id}")
    String uploadOutcome(String file, String dataset, String mode, String rows, String inserted, String updated, String errors,
            String id);

    @Message("{file} ({clients} clients)")
    String portfolioExported(String file, String clients);

    @Message("{setting}: {before} → {after}")
    String settingChanged(String setting, String before, String after);

    @Message("none")
    String noValue();

    /** A detail {@link AuditDetails} does not know (an older format, say): English shows it as stored. */
    @Message("{detail}")
    String unreadDetail(String detail);
}
