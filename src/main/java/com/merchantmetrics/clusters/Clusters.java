package com.merchantmetrics.clusters;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;

/**
 * The database clusters tenant schemas live on: the main database (the application's datasource, which also holds
 * the control schema) and the clusters of {@link ClusterSettings}, each with a connection pool of its own.
 * <p>
 * Connections to a cluster other than the main one are not enlisted in the JTA transaction: PostgreSQL cannot
 * PREPARE a transaction that used a temporary table, and imports stage their rows in one. Instead each JTA
 * transaction gets one local transaction per cluster, committed just before the JTA transaction commits (a failed
 * commit rolls the JTA transaction back) and rolled back when it rolls back. Transactions that reach tenant data only
 * read the control schema, so the order of the two commits never matters.
 */
@ApplicationScoped
public class Clusters {

    public static final String MAIN = "main";
    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9]{0,39}$");
    private static final Logger LOG = Logger.getLogger(Clusters.class);

    /** Where a cluster is and how the application signs in to it. */
    public record Coordinates(String jdbcUrl, String username, String password) {

        /** A plain connection of its own, outside any pool and transaction manager. */
        public Connection open() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, username, password);
        }
    }

    private final ClusterSettings settings;
    private final Coordinates main;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, AgroalDataSource> pools = new ConcurrentHashMap<>();

    Clusters(ClusterSettings settings, TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password) {
        this.settings = settings;
        this.transactions = transactions;
        this.main = new Coordinates(jdbcUrl, username, password);
        settings.clusters().keySet().stream().filter(name -> !NAME.matcher(name).matches() || name.equals(MAIN)).findAny()
                .ifPresent(name -> {
                    throw new IllegalStateException("merchant-metrics.clusters." + name + ": a cluster name is 1 to 40 "
                            + "lower-case letters and digits, starting with a letter, and not '" + MAIN + "'");
                });
    }

    /** The main database first, then the configured clusters by name. */
    public List<String> names() {
        return Stream.concat(Stream.of(MAIN),
                settings.clusters().keySet().stream().sorted()).toList();
    }

    /** No cluster besides the main database is configured, so every tenant's schema is there. */
    public boolean onlyMain() {
        return settings.clusters().isEmpty();
    }

    public Coordinates coordinates(String cluster) {
        if (MAIN.equals(cluster)) {
            return main;
        }
        ClusterSettings.Cluster configured = configured(cluster);
        return new Coordinates(configured.jdbcUrl(), configured.username(), configured.password().orElse(""));
    }

    /**
     * The current JTA transaction's connection to a cluster other than the main one (one per transaction and
     * cluster, in a local transaction that ends with the JTA transaction); closing it leaves it open for the rest of
     * the transaction.
     */
    public Connection inCurrentTransaction(String cluster) throws SQLException {
        String key = Clusters.class.getName() + ":" + cluster;
        Connection bound = (Connection) transactions.getResource(key);
        if (bound == null) {
            if (transactions.getTransactionKey() == null) {
                throw new IllegalStateException("Tenant data is only reachable inside a transaction");
            }
            bound = pool(cluster).getConnection();
            bound.setAutoCommit(false);
            transactions.putResource(key, bound);
            transactions.registerInterposedSynchronization(new LocalTransaction(bound, cluster));
        }
        return closeIgnored(bound);
    }

    private AgroalDataSource pool(String cluster) {
        ClusterSettings.Cluster configured = configured(cluster);
        return pools.computeIfAbsent(cluster, name -> {
            try {
                return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                        .connectionPoolConfiguration(pool -> pool
                                .maxSize(configured.maxSize())
                                .acquisitionTimeout(Duration.ofSeconds(30))
                                .validationTimeout(Duration.ofMinutes(1))
                                .connectionFactoryConfiguration(factory -> factory
                                        .jdbcUrl(configured.jdbcUrl())
                                        .autoCommit(false)
                                        .principal(new NamePrincipal(configured.username()))
                                        .credential(new SimplePassword(configured.password().orElse(""))))));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not open the connection pool of cluster " + name, e);
            }
        });
    }

    private ClusterSettings.Cluster configured(String cluster) {
        ClusterSettings.Cluster configured = settings.clusters().get(cluster);
        if (configured == null) {
            throw new IllegalStateException("Database cluster '" + cluster + "' is not configured (merchant-metrics.clusters."
                    + cluster + ".jdbc-url)");
        }
        return configured;
    }

    private static Connection closeIgnored(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                (proxy, method, arguments) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @PreDestroy
    void close() {
        pools.values().forEach(AgroalDataSource::close);
    }

    private final class LocalTransaction implements Synchronization {
        private final Connection connection;
        private final String cluster;
        private boolean committed;

        LocalTransaction(Connection connection, String cluster) {
            this.connection = connection;
            this.cluster = cluster;
        }

        @Override
        public void beforeCompletion() {
            if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
                return;
            }
            try {
                connection.commit();
                committed = true;
            } catch (SQLException e) {
                throw new IllegalStateException("Commit on database cluster " + cluster + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void afterCompletion(int status) {
            try (connection) {
                if (!committed) {
                    connection.rollback();
                }
            } catch (SQLException e) {
                LOG.warnf(e, "Ending the transaction on database cluster %s failed", cluster);
            }
        }
    }
}
