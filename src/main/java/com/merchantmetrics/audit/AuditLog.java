package com.merchantmetrics.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Who did what, when, in which tenant. The entry commits with the action it records; work on tenant data records
 * after its own transaction, because a tenant transaction cannot reach the control schema.
 */
@ApplicationScoped
public class AuditLog {

    public static final String SIGNED_IN = "user.signed_in";

    public record Actor(Long userId, String email, String remoteAddress) {
        public static final Actor SYSTEM = new Actor(null, "system", null);
    }

    @Transactional
    public void record(Actor actor, Long tenantId, String action, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.actorId = actor.userId();
        entry.actorEmail = actor.email();
        entry.remoteAddress = actor.remoteAddress();
        entry.tenantId = tenantId;
        entry.action = action;
        entry.detail = detail;
        entry.persist();
    }
}
