package com.merchantmetrics.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.testsupport.TestTenants;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TenantProvisioningTest {

    @Inject
    TestTenants testTenants;

    @Inject
    MigrationsOnStartup startup;

    @Inject
    DataSource dataSource;

    @Test
    void creatingATenantCreatesItsSchemaOwnedByItsOwnRoleWithAllTables() throws Exception {
        Tenant tenant = testTenants.create("prov");

        assertThat(tenant.status).isEqualTo(Tenant.Status.active);
        assertThat(tablesOf(tenant.schema())).contains("customers", "orders", "subscriptions", "marketing_spend",
                "traffic", "leads", "fx_rates", "flyway_schema_history");
        assertThat(schemaOwner(tenant.schema())).isEqualTo(tenant.schema().roleName());
    }

    @Test
    void startUpMigratesExistingTenantSchemasAgainWithoutError() throws Exception {
        Tenant tenant = testTenants.create("again");

        startup.migrateAll();
        startup.migrateAll();

        assertThat(tablesOf(tenant.schema())).contains("customers", "orders");
    }

    private List<String> tablesOf(TenantSchema schema) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ?")) {
            statement.setString(1, schema.schemaName());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    private String schemaOwner(TenantSchema schema) throws Exception {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?")) {
            statement.setString(1, schema.schemaName());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
