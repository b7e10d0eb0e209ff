package com.merchantmetrics.merchantdata;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A customer of the merchant, in the tenant's own schema (tenant persistence unit). */
@Entity
@Table(name = "customers")
public class Customer extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public String customerId;

    public String name;

    public String email;

    public String company;

    public String country;

    public String segment;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "acquisition_channel")
    public String acquisitionChannel;

    @Column(name = "marketing_originated")
    public Boolean marketingOriginated;
}
