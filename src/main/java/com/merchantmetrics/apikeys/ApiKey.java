package com.merchantmetrics.apikeys;

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
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id")
    public Long tenantId;

    public String name;

    @Enumerated(EnumType.STRING)
    public TenantRole role;

    /** The public, non-secret part of the key, by which it is found. */
    public String prefix;

    @Column(name = "secret_hash")
    public String secretHash;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<ApiKey> findActiveByPrefix(String prefix) {
        return find("prefix = ?1 and revokedAt is null", prefix).firstResultOptional();
    }

    public static List<ApiKey> listForTenant(long tenantId) {
        return list("tenantId = ?1 order by revokedAt nulls first, createdAt desc", tenantId);
    }

    public boolean isActive() {
        return revokedAt == null;
    }
}
