package com.merchantmetrics.tenant;

import static com.merchantmetrics.testsupport.TestUsers.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.merchantmetrics.testsupport.TestTenants;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Isolation is PostgreSQL's doing: proven with one pooled connection shared by two tenants. */
@QuarkusTest
@TestProfile(SingleConnectionPoolProfile.class)
class TenantIsolationTest {

    @Inject
    TestTenants testTenants;

    @Inject
    TenantGate gate;

    @Inject
    DataSource dataSource;

    Tenant alices;
    Tenant bobs;

    @BeforeEach
    void twoTenantsWithTheirOwnCustomers() {
        alices = testTenants.create("iso-a");
        bobs = testTenants.create("iso-b");
        testTenants.grant(alices, "alice", TenantRole.owner);
        testTenants.grant(bobs, "bob", TenantRole.owner);
        testTenants.sql(alices, "INSERT INTO customers (customer_id, name) VALUES ('a1', 'Alice customer 1'), ('a2', 'Alice customer 2')");
        testTenants.sql(bobs, "INSERT INTO customers (customer_id, name) VALUES ('b1', 'Bob customer 1')");
    }

    @Test
    void aTenantConnectionCannotReadAnotherTenantsTablesEvenByNamingTheirSchema() {
        String bobsTable = bobs.schema().schemaName() + ".customers";

        assertThatThrownBy(() -> gate.inTenant(alices.schema(), connection -> count(connection, "SELECT count(*) FROM " + bobsTable)))
                .hasRootCauseInstanceOf(SQLException.class)
                .rootCause().hasMessageContaining("permission denied for schema " + bobs.schema().schemaName());
    }

    @Test
    void aTenantConnectionCannotReadTheControlSchema() {
        assertThatThrownBy(() -> gate.inTenant(alices.schema(), connection -> count(connection, "SELECT count(*) FROM control.membership")))
                .rootCause().hasMessageContaining("permission denied for schema control");
    }

    @Test
    void thePooledConnectionCarriesNoTenantRoleOrSchemaToItsNextBorrower() throws SQLException {
        Long alicesCustomers = gate.inTenant(alices.schema(), connection -> count(connection, "SELECT count(*) FROM customers"));
        assertThat(alicesCustomers).isEqualTo(2L);

        String[] roleAndPath = QuarkusTransaction.requiringNew().call(() -> {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT current_user, current_setting('search_path')")) {
                rows.next();
                return new String[] { rows.getString(1), rows.getString(2) };
            }
        });
        assertThat(roleAndPath[0]).doesNotStartWith("mm_");
        assertThat(roleAndPath[1]).doesNotContain(alices.schema().schemaName());
    }

    @Test
    void tenantDataIsOnlyReachableInsideATransaction() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            assertThatThrownBy(() -> TenantGate.enter(connection, alices.schema()))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void interleavedRequestsOfTwoTenantsOnOneConnectionEachSeeOnlyTheirOwnData() {
        String alice = accessToken("alice");
        String bob = accessToken("bob");
        for (int round = 0; round < 5; round++) {
            given().auth().oauth2(alice).get("/api/v1/tenants/" + alices.slug)
                    .then().statusCode(200).body("customers", equalTo(2));
            given().auth().oauth2(bob).get("/api/v1/tenants/" + bobs.slug)
                    .then().statusCode(200).body("customers", equalTo(1));
            given().auth().oauth2(alice).get("/api/v1/tenants/" + bobs.slug).then().statusCode(404);
        }
    }

    private static long count(java.sql.Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
