package com.merchantmetrics.tenant;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Before anything else at start-up: the control schema, then every tenant schema, to the latest migration,
 * finishing any interrupted tenant provisioning.
 */
@ApplicationScoped
public class MigrationsOnStartup {

    private static final Logger LOG = Logger.getLogger(MigrationsOnStartup.class);

    private final SchemaMigrations migrations;

    MigrationsOnStartup(SchemaMigrations migrations) {
        this.migrations = migrations;
    }

    /** Before the Quartz scheduler (priority PLATFORM_BEFORE), whose job store is in the control schema. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) StartupEvent event) {
        migrateAll();
    }

    public void migrateAll() {
        migrations.migrateControlSchema();
        List<Tenant> tenants = QuarkusTransaction.requiringNew().call(Tenant::listByName);
        for (Tenant tenant : tenants) {
            migrations.provision(tenant.schema());
            if (tenant.status == Tenant.Status.provisioning) {
                QuarkusTransaction.requiringNew().run(() -> Tenant.<Tenant>findById(tenant.id).status = Tenant.Status.active);
            }
        }
        LOG.infof("Control schema and %d tenant schemas are up to date", tenants.size());
    }
}
