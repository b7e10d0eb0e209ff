package com.merchantmetrics.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.merchantmetrics.clusters.Clusters;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The only way to tenant data. Inside the current transaction the connection switches to the tenant's role
 * and schema with {@code SET LOCAL}, so PostgreSQL itself refuses any other tenant's tables, and both settings
 * end with the transaction: a pooled connection never carries a tenant to its next borrower. The connection goes to
 * the database cluster that holds the tenant's schema ({@link TenantCluster}, looked up at every access so that a
 * moved tenant is found on its new cluster at once).
 */
@ApplicationScoped
public class TenantGate {

    @FunctionalInterface
    public interface TenantWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Clusters clusters;

    TenantGate(DataSource dataSource, Clusters clusters) {
        this.dataSource = dataSource;
        this.clusters = clusters;
    }

    public static void enter(Connection connection, String roleName, String schemaName) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("Tenant data is only reachable inside a transaction");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL ROLE " + quoteIdentifier(roleName)
                    + "; SET LOCAL search_path TO " + quoteIdentifier(schemaName));
        }
    }

    public static void enter(Connection connection, TenantSchema tenant) throws SQLException {
        enter(connection, tenant.roleName(), tenant.schemaName());
    }

    /** Runs plain JDBC work (COPY, set-based SQL, jobs) on the tenant's data in the current or a new transaction. */
    public <T> T inTenant(TenantSchema tenant, TenantWork<T> work) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = connection(tenant)) {
                return work.run(connection);
            }
        });
    }

    /** A connection in the current transaction to the cluster holding the tenant's schema, entered into it. */
    Connection connection(TenantSchema tenant) throws SQLException {
        Optional<String> cluster = TenantCluster.clusterOf(tenant.slug());
        Connection connection = cluster.isEmpty() ? dataSource.getConnection() : clusters.inCurrentTransaction(cluster.get());
        try {
            enter(connection, tenant);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public static String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
