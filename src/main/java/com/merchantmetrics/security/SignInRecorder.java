package com.merchantmetrics.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.merchantmetrics.audit.AuditLog;

import io.quarkus.oidc.SecurityEvent;
import io.vertx.ext.web.RoutingContext;

/** Every completed browser sign-in is remembered on the person and in the audit log, with where it came from. */
@ApplicationScoped
public class SignInRecorder {

    private final UserDirectory directory;
    private final AuditLog auditLog;

    SignInRecorder(UserDirectory directory, AuditLog auditLog) {
        this.directory = directory;
        this.auditLog = auditLog;
    }

    @Transactional
    void onSignIn(@ObservesAsync SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_LOGIN
                || !(event.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        AppUser user = directory.userFor(token);
        directory.recordSignIn(user);
        RoutingContext request = event.getSecurityIdentity().getAttribute(RoutingContext.class.getName());
        String from = request == null || request.request().remoteAddress() == null ? null
                : request.request().remoteAddress().hostAddress();
        auditLog.record(new AuditLog.Actor(user.id, user.email, from), null, AuditLog.SIGNED_IN, null);
    }
}
