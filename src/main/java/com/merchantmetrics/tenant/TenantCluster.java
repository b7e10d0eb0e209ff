package com.merchantmetrics.tenant;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The tenant → cluster directory: the database cluster that holds a tenant's schema. Tenants without an entry are on
 * the main database, the one holding the control schema.
 */
@Entity
@Table(name = "tenant_cluster")
public class TenantCluster extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public Long tenantId;

    public String cluster;

    @Column(name = "moved_at")
    public Instant movedAt;

    public static Optional<TenantCluster> findByTenant(long tenantId) {
        return findByIdOptional(tenantId);
    }
}
