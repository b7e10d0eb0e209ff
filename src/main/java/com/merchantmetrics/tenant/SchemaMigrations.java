package com.merchantmetrics.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import com.merchantmetrics.clusters.Clusters;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Flyway migrations of the control schema (db/control) and of each tenant schema (db/tenant). A tenant's schema is
 * created for its own role and migrated as that role, so every table belongs to the tenant's role and to no one
 * else. Safe to run concurrently from several replicas: role and schema creation tolerate an existing object and
 * Flyway serialises migrations of one schema with an advisory lock. The control schema is on the main database; a
 * tenant's schema on the cluster of the tenant → cluster directory ({@link TenantCluster}).
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);
    static final String CONTROL_SCHEMA = "control";

    private final Clusters clusters;
    private final TenantGate gate;

    SchemaMigrations(Clusters clusters, TenantGate gate) {
        this.clusters = clusters;
        this.gate = gate;
    }

    public void migrateControlSchema() {
        flyway(clusters.coordinates(Clusters.MAIN), CONTROL_SCHEMA, "db/control", null).migrate();
        ensureNoTenantRole();
    }

    /** The tenant's role, schema and tables, on the cluster the directory places it on. */
    public void provision(TenantSchema tenant) {
        provision(tenant, QuarkusTransaction.requiringNew().call(() -> gate.clusterOf(tenant)));
    }

    public void provision(TenantSchema tenant, String cluster) {
        Clusters.Coordinates coordinates = clusters.coordinates(cluster);
        createRoleAndSchema(coordinates, tenant);
        migrate(coordinates, tenant);
    }

    private void ensureNoTenantRole() {
        execute(clusters.coordinates(Clusters.MAIN), "DO $$ BEGIN CREATE ROLE " + TenantSchema.NO_TENANT_ROLE + " NOLOGIN; "
                + "EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                grantToSessionUser(TenantSchema.NO_TENANT_ROLE));
    }

    private void createRoleAndSchema(Clusters.Coordinates cluster, TenantSchema tenant) {
        String role = TenantGate.quoteIdentifier(tenant.roleName());
        String schema = TenantGate.quoteIdentifier(tenant.schemaName());
        execute(cluster, "DO $$ BEGIN CREATE ROLE " + role + " NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                grantToSessionUser(tenant.roleName()),
                "CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + role,
                "REVOKE ALL ON SCHEMA " + schema + " FROM PUBLIC");
    }

    /** The application's login must be able to SET ROLE to the tenant role without inheriting its rights. */
    private static String grantToSessionUser(String roleName) {
        return "GRANT " + TenantGate.quoteIdentifier(roleName) + " TO SESSION_USER WITH INHERIT FALSE, SET TRUE";
    }

    private void migrate(Clusters.Coordinates cluster, TenantSchema tenant) {
        int applied = flyway(cluster, tenant.schemaName(), "db/tenant", "SET ROLE " + TenantGate.quoteIdentifier(tenant.roleName()))
                .migrate().migrationsExecuted;
        LOG.debugf("Tenant schema %s migrated (%d migrations applied)", tenant.schemaName(), applied);
    }

    /** Plain connections of their own, never the pool: a tenant's init SQL sets the role for the whole session. */
    private Flyway flyway(Clusters.Coordinates cluster, String schema, String location, String initSql) {
        return Flyway.configure()
                .dataSource(cluster.jdbcUrl(), cluster.username(), cluster.password())
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(initSql == null)
                .initSql(initSql)
                .locations("classpath:" + location)
                .load();
    }

    /** One transaction, serialised across replicas, so concurrent start-ups never race on the catalog. */
    private static void execute(Clusters.Coordinates cluster, String... statements) {
        try (Connection connection = cluster.open(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock(hashtext('merchant-metrics:tenant-catalog'))");
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare tenant database objects on " + cluster.jdbcUrl() + ": "
                    + e.getMessage(), e);
        }
    }
}
