package com.merchantmetrics.tenant;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;

/** Hibernate's tenant persistence unit gets its connections through the {@link TenantGate}. */
@ApplicationScoped
@PersistenceUnitExtension(TenantConnections.PERSISTENCE_UNIT)
public class TenantConnections implements TenantConnectionResolver {

    public static final String PERSISTENCE_UNIT = "tenant";

    private final AgroalDataSource dataSource;
    private final TenantGate gate;

    TenantConnections(AgroalDataSource dataSource, TenantGate gate) {
        this.dataSource = dataSource;
        this.gate = gate;
    }

    @Override
    public ConnectionProvider resolve(String tenantIdentifier) {
        return new GatedConnectionProvider(dataSource, gate, tenantIdentifier);
    }

    /** Kept by Hibernate per tenant identifier, so the tenant's cluster is looked up for each connection. */
    private static final class GatedConnectionProvider extends QuarkusConnectionProvider {
        private final TenantGate gate;
        private final String tenantIdentifier;

        GatedConnectionProvider(AgroalDataSource dataSource, TenantGate gate, String tenantIdentifier) {
            super(dataSource);
            this.gate = gate;
            this.tenantIdentifier = tenantIdentifier;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (!TenantIdentifierResolver.NO_TENANT.equals(tenantIdentifier)) {
                return gate.connection(TenantSchema.of(tenantIdentifier));
            }
            Connection connection = super.getConnection();
            try {
                TenantGate.enter(connection, TenantSchema.NO_TENANT_ROLE, "pg_catalog");
                return connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }
    }
}
