package com.merchantmetrics.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Flyway migrations of the control schema (db/control) and of each tenant schema (db/tenant). A tenant's schema is
 * created for its own role and migrated as that role, so every table belongs to the tenant's role and to no one
 * else. Safe to run concurrently from several replicas: role and schema creation tolerate an existing object and
 * Flyway serialises migrations of one schema with an advisory lock.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);
    static final String CONTROL_SCHEMA = "control";

    private final DataSource dataSource;
    private final String jdbcUrl;
    private final String username;
    private final String password;

    SchemaMigrations(DataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password) {
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    public void migrateControlSchema() {
        flyway(CONTROL_SCHEMA, "db/control", null).migrate();
        ensureNoTenantRole();
    }

    public void provision(TenantSchema tenant) {
        createRoleAndSchema(tenant);
        migrate(tenant);
    }

    private void ensureNoTenantRole() {
        execute("DO $$ BEGIN CREATE ROLE " + TenantSchema.NO_TENANT_ROLE + " NOLOGIN; "
                + "EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                grantToSessionUser(TenantSchema.NO_TENANT_ROLE));
    }

    private void createRoleAndSchema(TenantSchema tenant) {
        String role = TenantGate.quoteIdentifier(tenant.roleName());
        String schema = TenantGate.quoteIdentifier(tenant.schemaName());
        execute("DO $$ BEGIN CREATE ROLE " + role + " NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                grantToSessionUser(tenant.roleName()),
                "CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + role,
                "REVOKE ALL ON SCHEMA " + schema + " FROM PUBLIC");
    }

    /** The application's login must be able to SET ROLE to the tenant role without inheriting its rights. */
    private static String grantToSessionUser(String roleName) {
        return "GRANT " + TenantGate.quoteIdentifier(roleName) + " TO SESSION_USER WITH INHERIT FALSE, SET TRUE";
    }

    private void migrate(TenantSchema tenant) {
        int applied = flyway(tenant.schemaName(), "db/tenant", "SET ROLE " + TenantGate.quoteIdentifier(tenant.roleName()))
                .migrate().migrationsExecuted;
        LOG.debugf("Tenant schema %s migrated (%d migrations applied)", tenant.schemaName(), applied);
    }

    /** Plain connections of their own, never the pool: a tenant's init SQL sets the role for the whole session. */
    private Flyway flyway(String schema, String location, String initSql) {
        return Flyway.configure()
                .dataSource(jdbcUrl, username, password)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(initSql == null)
                .initSql(initSql)
                .locations("classpath:" + location)
                .load();
    }

    /** One transaction, serialised across replicas, so concurrent start-ups never race on the catalog. */
    private void execute(String... statements) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(hashtext('merchant-metrics:tenant-catalog'))");
                for (String sql : statements) {
                    statement.execute(sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not prepare tenant database objects: " + e.getMessage(), e);
            }
        });
    }
}
