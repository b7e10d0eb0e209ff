package com.merchantmetrics.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.merchantmetrics.clusters.Clusters;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The only way to tenant data. Inside the current transaction the connection switches to the tenant's role
 * and schema with {@code SET LOCAL}, so PostgreSQL itself refuses any other tenant's tables, and both settings
 * end with the transaction: a pooled connection never carries a tenant to its next borrower. The connection goes to
 * the database cluster that holds the tenant's schema ({@link TenantCluster}, looked up in every transaction so that
 * a moved tenant is found on its new cluster at once).
 */
@ApplicationScoped
public class TenantGate {

    @FunctionalInterface
    public interface TenantWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Clusters clusters;
    private final TransactionSynchronizationRegistry transactions;

    TenantGate(DataSource dataSource, Clusters clusters, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.clusters = clusters;
        this.transactions = transactions;
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
        String cluster = clusterOf(tenant);
        Connection connection = cluster.equals(Clusters.MAIN) ? dataSource.getConnection() : clusters.inCurrentTransaction(cluster);
        try {
            enter(connection, tenant);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * The cluster holding the tenant's schema, from the directory ({@link TenantCluster}), looked up once per
     * transaction. Plain SQL on the transaction's connection rather than Hibernate: that connection may still be in
     * the role of a tenant entered earlier in the transaction, which must not read the control schema, so the lookup
     * first returns to the application's own role (every tenant access enters its tenant again right after). With no
     * other cluster configured there is nothing to look up: the dashboards' requests save that query.
     */
    public String clusterOf(TenantSchema tenant) {
        if (clusters.onlyMain()) {
            return Clusters.MAIN;
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            String key = TenantGate.class.getName() + ":" + tenant.slug();
            String known = (String) transactions.getResource(key);
            if (known != null) {
                return known;
            }
            try (Connection connection = dataSource.getConnection(); Statement reset = connection.createStatement();
                    PreparedStatement select = connection.prepareStatement("SELECT c.cluster FROM control.tenant t "
                            + "JOIN control.tenant_cluster c ON c.tenant_id = t.id WHERE t.slug = ?")) {
                reset.execute("SET LOCAL ROLE NONE");
                select.setString(1, tenant.slug());
                try (ResultSet row = select.executeQuery()) {
                    String cluster = row.next() ? row.getString(1) : Clusters.MAIN;
                    transactions.putResource(key, cluster);
                    return cluster;
                }
            }
        });
    }

    public static String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
