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

    TenantConnections(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public ConnectionProvider resolve(String tenantIdentifier) {
        return new GatedConnectionProvider(dataSource, tenantIdentifier);
    }

    private static final class GatedConnectionProvider extends QuarkusConnectionProvider {
        private final String tenantIdentifier;

        GatedConnectionProvider(AgroalDataSource dataSource, String tenantIdentifier) {
            super(dataSource);
            this.tenantIdentifier = tenantIdentifier;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            try {
                if (TenantIdentifierResolver.NO_TENANT.equals(tenantIdentifier)) {
                    TenantGate.enter(connection, TenantSchema.NO_TENANT_ROLE, "pg_catalog");
                } else {
                    TenantGate.enter(connection, TenantSchema.of(tenantIdentifier));
                }
                return connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }
    }
}
