package com.merchantmetrics.tenant;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id")
    public Long tenantId;

    @Column(name = "user_id")
    public Long userId;

    @Enumerated(EnumType.STRING)
    public TenantRole role;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    public static Optional<Membership> findFor(long tenantId, long userId) {
        return find("tenantId = ?1 and userId = ?2", tenantId, userId).firstResultOptional();
    }

    public static List<Membership> listForTenant(long tenantId) {
        return list("tenantId", tenantId);
    }
}
