package com.merchantmetrics.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Replicas register the scheduled jobs in Quartz's shared job store one at a time. Quarkus' Quartz scheduler (created
 * by its start-up observer at priority PLATFORM_BEFORE) asks whether each job exists and then stores it; two replicas
 * starting together on a fresh database both saw "no" and the slower one failed start-up on the duplicate job. A
 * PostgreSQL advisory lock, taken on a connection of its own just before that observer and released just after,
 * makes the second replica find the first one's jobs.
 */
@ApplicationScoped
public class QuartzStartLock {

    private static final String LOCK = "hashtext('merchant-metrics-quartz-start')";

    private final AgroalDataSource dataSource;
    private Connection held;

    QuartzStartLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void lockBeforeQuartz(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) StartupEvent event) throws SQLException {
        held = dataSource.getConnection();
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
