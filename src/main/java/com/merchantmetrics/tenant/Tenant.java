package com.merchantmetrics.tenant;

import java.math.BigDecimal;
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
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {

    public enum Status {
        provisioning, active, suspended
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String name;

    @Column(name = "reporting_currency")
    public String reportingCurrency;

    @Column(name = "time_zone")
    public String timeZone;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    /** Days without a purchase after which a buyer no longer counts as active. */
    @Column(name = "inactivity_days", insertable = false)
    public Integer inactivityDays;

    @Column(name = "cac_window_months", insertable = false)
    public Integer cacWindowMonths;

    @Column(name = "ltv_window_months", insertable = false)
    public Integer ltvWindowMonths;

    /** A fraction (0.62 for 62 %), or null when the tenant has not set one. */
    @Column(name = "gross_margin")
    public BigDecimal grossMargin;

    public static Optional<Tenant> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<Tenant> listByName() {
        return list("order by name");
    }

    public boolean isActive() {
        return status == Status.active;
    }

    public TenantSchema schema() {
        return TenantSchema.of(slug);
    }
}
