package com.merchantmetrics.audit;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", insertable = false, updatable = false)
    public Instant occurredAt;

    @Column(name = "tenant_id")
    public Long tenantId;

    @Column(name = "actor_id")
    public Long actorId;

    @Column(name = "actor_email")
    public String actorEmail;

    public String action;

    public String detail;

    @Column(name = "remote_address")
    public String remoteAddress;

    public static List<AuditEntry> latestForTenant(long tenantId, int limit) {
        return find("tenantId = ?1 order by occurredAt desc, id desc", tenantId).page(0, limit).list();
    }
}
