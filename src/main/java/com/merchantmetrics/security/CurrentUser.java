package com.merchantmetrics.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.merchantmetrics.apikeys.ApiKeyPrincipal;
import com.merchantmetrics.apikeys.ApiKeyService.KeyHolder;
import com.merchantmetrics.audit.AuditLog;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/** The signed-in person of this request (browser session or API bearer token). */
@RequestScoped
public class CurrentUser {

    public static final String PLATFORM_ADMIN = "platform-admin";

    private final SecurityIdentity identity;
    private final UserDirectory directory;
    private final RoutingContext routingContext;
    private AppUser user;

    CurrentUser(SecurityIdentity identity, UserDirectory directory, RoutingContext routingContext) {
        this.identity = identity;
        this.directory = directory;
        this.routingContext = routingContext;
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken;
    }

    public AppUser get() {
        if (user == null) {
            if (!isSignedIn()) {
                throw new IllegalStateException("Nobody is signed in");
            }
            user = directory.userFor((JsonWebToken) identity.getPrincipal());
        }
        return user;
    }

    /** The API key this request was made with, if it came from a machine rather than a person. */
    public Optional<KeyHolder> apiKey() {
        return identity.getPrincipal() instanceof ApiKeyPrincipal key ? Optional.of(key.holder()) : Optional.empty();
    }

    /** Who to name in the audit log for what this request does: a person, or an API key. */
    public AuditLog.Actor actor() {
        Optional<KeyHolder> key = apiKey();
        if (key.isPresent()) {
            return new AuditLog.Actor(null, "API key \"" + key.get().keyName() + "\"", remoteAddress());
        }
        AppUser user = get();
        return new AuditLog.Actor(user.id, user.email, remoteAddress());
    }

    private String remoteAddress() {
        return routingContext.request().remoteAddress() == null ? null : routingContext.request().remoteAddress().hostAddress();
    }

    public boolean isPlatformAdmin() {
        return identity.hasRole(PLATFORM_ADMIN);
    }
}
