package com.merchantmetrics.tenant;

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
@Table(name = "account_manager_assignment")
public class AccountManagerAssignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id")
    public Long tenantId;

    @Column(name = "user_id")
    public Long userId;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    public static boolean exists(long tenantId, long userId) {
        return count("tenantId = ?1 and userId = ?2", tenantId, userId) > 0;
    }

    public static List<AccountManagerAssignment> listForUser(long userId) {
        return list("userId", userId);
    }

    public static List<AccountManagerAssignment> listForTenant(long tenantId) {
        return list("tenantId", tenantId);
    }
}
