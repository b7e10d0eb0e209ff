package com.merchantmetrics.security;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Maps a signed-in identity to a person of the control schema. Someone added by e-mail before their first sign-in
 * is matched by that (verified) e-mail, so the tenants they were given are there the first time they arrive.
 */
@ApplicationScoped
@Transactional
public class UserDirectory {

    public AppUser userFor(JsonWebToken token) {
        String subject = token.getSubject();
        String email = AppUser.normalizeEmail(token.getClaim("email"));
        String name = token.getClaim("name");
        AppUser user = AppUser.findBySubject(subject).orElseGet(() -> claimOrCreate(subject, email, isEmailVerified(token)));
        if (name != null && !name.equals(user.name)) {
            user.name = name;
        }
        return user;
    }

    /** The person with this e-mail, added (not yet signed in) if unknown. */
    public AppUser findOrAddByEmail(String email) {
        String normalized = AppUser.requireValidEmail(email);
        return AppUser.findByEmail(normalized).orElseGet(() -> {
            AppUser user = new AppUser();
            user.email = normalized;
            user.persist();
            return user;
        });
    }

    public void recordSignIn(AppUser user) {
        AppUser managed = AppUser.findById(user.id);
        managed.lastSignedInAt = Instant.now();
    }

    private static AppUser claimOrCreate(String subject, String email, boolean emailVerified) {
        if (email == null || email.isBlank()) {
            throw new IllegalStateException("The identity provider sent no e-mail address for this account");
        }
        AppUser byEmail = AppUser.findByEmail(email).orElse(null);
        if (byEmail != null && byEmail.oidcSubject == null && emailVerified) {
            byEmail.oidcSubject = subject;
            return byEmail;
        }
        if (byEmail != null) {
            throw new IllegalStateException("The e-mail address " + email + " belongs to another account");
        }
        AppUser user = new AppUser();
        user.oidcSubject = subject;
        user.email = email;
        user.persist();
        return user;
    }

    /** Keycloak says whether the address was verified; a provider that does not say is trusted as configured. */
    private static boolean isEmailVerified(JsonWebToken token) {
        Object verified = token.getClaim("email_verified");
        return verified == null || Boolean.parseBoolean(verified.toString());
    }
}
