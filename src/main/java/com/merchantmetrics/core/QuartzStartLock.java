package com.merchantmetrics.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.Driver;

import io.quarkus.runtime.StartupEvent;

/**
 * Replicas register the scheduled jobs in Quartz's shared job store one at a time. Quarkus' Quartz scheduler (created
 * by its start-up observer at priority PLATFORM_BEFORE) asks whether each job exists and then stores it; two replicas
 * starting together on a fresh database both saw "no" and the slower one failed start-up on the duplicate job. A
 * PostgreSQL advisory lock, taken just before that observer and released just after, makes the second replica find
 * the first one's jobs. The lock's connection is opened apart from the pool, which start-up needs in the meantime
 * (a pool of one connection would wait for itself).
 */
@ApplicationScoped
public class QuartzStartLock {

    private static final String LOCK = "hashtext('merchant-metrics-quartz-start')";

    private final String url;
    private final Properties credentials = new Properties();
    private Connection held;

    QuartzStartLock(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        username.ifPresent(user -> credentials.setProperty("user", user));
        password.ifPresent(secret -> credentials.setProperty("password", secret));
    }

    void lockBeforeQuartz(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) StartupEvent event) throws SQLException {
        held = new Driver().connect(url, credentials);
        try (Statement statement = held.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + LOCK + ")");
        }
    }

    void unlockAfterQuartz(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent event) throws SQLException {
        try (Connection connection = held; Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
        } finally {
            held = null;
        }
    }
}
