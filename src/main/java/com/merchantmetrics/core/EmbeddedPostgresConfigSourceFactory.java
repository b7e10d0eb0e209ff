package com.merchantmetrics.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default database: in dev and test mode, when no datasource URL is configured,
 * a real PostgreSQL is started from Maven artifacts and its URL becomes the datasource URL.
 * <p>
 * The running server's coordinates are kept in system properties because Quarkus dev mode reloads
 * application classes in a new class loader; a restart must find the same server, not start another
 * one on the same data directory.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresConfigSourceFactory.class);
    private static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    private static final String RUNNING_URL = "merchant-metrics.embedded-postgres.running-url";
    private static final List<String> EMBEDDED_PROFILES = List.of("dev", "test");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue(URL_PROPERTY);
        boolean embeddedProfile = context.getProfiles().stream().anyMatch(EMBEDDED_PROFILES::contains);
        ConfigValue enabled = context.getValue("merchant-metrics.embedded-postgres.enabled");
        if (!embeddedProfile || (url != null && url.getValue() != null)
                || (enabled != null && "false".equals(enabled.getValue()))) {
            return Collections.emptyList();
        }
        ConfigValue dataDirectory = context.getValue("merchant-metrics.embedded-postgres.data-directory");
        String jdbcUrl = startOnce(dataDirectory == null ? null : dataDirectory.getValue());
        return List.of(new MapBackedConfigSource("embedded-postgres", Map.of(
                URL_PROPERTY, jdbcUrl,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres"), 50) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    private static synchronized String startOnce(String dataDirectory) {
        String running = System.getProperty(RUNNING_URL);
        if (running != null) {
            return running;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDirectory != null && !dataDirectory.isBlank()) {
                Path directory = Path.of(dataDirectory).toAbsolutePath();
                Files.createDirectories(directory.getParent());
                builder.setDataDirectory(directory).setCleanDataDirectory(false);
                LOG.infof("Embedded PostgreSQL keeps its data in %s", directory);
            }
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            LOG.infof("Embedded PostgreSQL started: %s", jdbcUrl);
            System.setProperty(RUNNING_URL, jdbcUrl);
            return jdbcUrl;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL (set quarkus.datasource.jdbc.url to use another database)", e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
