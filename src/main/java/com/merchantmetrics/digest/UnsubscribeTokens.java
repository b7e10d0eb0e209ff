package com.merchantmetrics.digest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token in a summary's unsubscribe link: who and which summary (one tenant, or an account manager's portfolio),
 * signed with HMAC-SHA256 so nobody can unsubscribe someone else, and usable without signing in.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    private static final Pattern PAYLOAD = Pattern.compile("u(\\d+)\\.(t(\\d+)|portfolio)");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** tenantId null: the account manager's portfolio summary. */
    public record Subject(long userId, Long tenantId) {
    }

    private final SecretKeySpec key;

    UnsubscribeTokens(@ConfigProperty(name = "merchant-metrics.digest.unsubscribe-secret") String secret) {
        if (secret.length() < 32) {
            throw new IllegalStateException("merchant-metrics.digest.unsubscribe-secret needs at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String tokenFor(Subject subject) {
        String payload = "u" + subject.userId() + "." + (subject.tenantId() == null ? "portfolio" : "t" + subject.tenantId());
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** Empty for a token that is malformed or not signed by this application. */
    public Optional<Subject> verify(String token) {
        int dot = token == null ? -1 : token.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        Matcher matcher = PAYLOAD.matcher(payload);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!matcher.matches() || !MessageDigest.isEqual(signature, sign(payload))) {
            return Optional.empty();
        }
        return Optional.of(new Subject(Long.parseLong(matcher.group(1)),
                matcher.group(3) == null ? null : Long.valueOf(matcher.group(3))));
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
