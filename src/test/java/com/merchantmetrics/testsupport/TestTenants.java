package com.merchantmetrics.testsupport;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import com.merchantmetrics.members.PeopleService;
import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantGate;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.tenant.TenantService;
import com.merchantmetrics.tenant.TenantService.NewTenant;

/** Fresh tenants for a test, through the same services the admin pages use. */
@ApplicationScoped
public class TestTenants {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TenantService tenants;
    private final PeopleService people;
    private final TenantGate gate;

    TestTenants(TenantService tenants, PeopleService people, TenantGate gate) {
        this.tenants = tenants;
        this.people = people;
        this.gate = gate;
    }

    /** A new tenant whose slug starts with the prefix and is unique in this JVM. */
    public Tenant create(String prefix) {
        String slug = prefix + "-" + ProcessHandle.current().pid() % 10000 + "-" + SEQUENCE.incrementAndGet();
        return tenants.create(new NewTenant("Tenant " + slug, slug, "USD", "UTC"));
    }

    public void grant(Tenant tenant, String user, TenantRole role) {
        people.grant(tenant, TestUsers.email(user), role.name(), AuditLog.Actor.SYSTEM);
    }

    /** The first column of the first row of a query run as the tenant, as text (null when no row). */
    public String value(Tenant tenant, String sql) {
        return gate.inTenant(tenant.schema(), connection -> {
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
                return rows.next() ? rows.getString(1) : null;
            }
        });
    }

    public long count(Tenant tenant, String table) {
        return Long.parseLong(value(tenant, "SELECT count(*) FROM " + table));
    }

    /** Runs SQL as the tenant, through the gate every tenant write goes through. */
    public void sql(Tenant tenant, String sql) {
        gate.inTenant(tenant.schema(), connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }
}
