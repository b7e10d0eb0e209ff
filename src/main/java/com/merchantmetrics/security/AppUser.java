package com.merchantmetrics.security;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.merchantmetrics.web.Messages;
import com.merchantmetrics.web.Refusal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person known to the product: signed in at least once, or added by e-mail and not yet signed in. */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "oidc_subject")
    public String oidcSubject;

    public String email;

    public String name;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "last_signed_in_at")
    public Instant lastSignedInAt;

    /** "en" or "vi" as the person chose it; null = from the browser's Accept-Language. */
    public String language;

    public static Optional<AppUser> findBySubject(String subject) {
        return find("oidcSubject", subject).firstResultOptional();
    }

    public static Optional<AppUser> findByEmail(String email) {
        return find("email", normalizeEmail(email)).firstResultOptional();
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** The normalized address, or a message a person can act on. */
    public static String requireValidEmail(String email) {
        String normalized = normalizeEmail(email);
        if (normalized == null || !EMAIL.matcher(normalized).matches()) {
            throw new Refusal(Messages::enterValidEmail);
        }
        return normalized;
    }

    public String displayName() {
        return name == null || name.isBlank() ? email : name;
    }
}
