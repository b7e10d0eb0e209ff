package com.merchantmetrics.members;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id")
    public Long tenantId;

    public String email;

    @Enumerated(EnumType.STRING)
    public TenantRole role;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "invited_by")
    public Long invitedBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<Invitation> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    public static List<Invitation> listPending(long tenantId, Instant now) {
        return list("tenantId = ?1 and acceptedAt is null and revokedAt is null and expiresAt > ?2 order by createdAt desc",
                tenantId, now);
    }

    public boolean isOpen(Instant now) {
        return acceptedAt == null && revokedAt == null && expiresAt.isAfter(now);
    }
}
