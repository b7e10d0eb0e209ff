package com.merchantmetrics.clusters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A second, real PostgreSQL configured as the database cluster "big", for the tests of this profile only. */
public class SecondClusterProfile implements QuarkusTestProfile {

    static final String CLUSTER = "big";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(SecondPostgres.class));
    }

    public static class SecondPostgres implements QuarkusTestResourceLifecycleManager {
        private EmbeddedPostgres postgres;

        @Override
        public Map<String, String> start() {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the second embedded PostgreSQL", e);
            }
            String prefix = "merchant-metrics.clusters." + CLUSTER + ".";
            return Map.of(prefix + "jdbc-url", postgres.getJdbcUrl("postgres", "postgres"),
                    prefix + "username", "postgres",
                    prefix + "password", "postgres",
                    prefix + "max-size", "4");
        }

        @Override
        public void stop() {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
