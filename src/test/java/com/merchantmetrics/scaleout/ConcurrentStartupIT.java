package com.merchantmetrics.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Replicas starting at the same moment migrate the control schema and every tenant schema once, without errors. */
class ConcurrentStartupIT {

    @Test
    void threeInstancesStartedAtOnceOnAnEmptyDatabaseMigrateItExactlyOnce() throws Exception {
        String database = TestPostgres.newDatabase("startup_race");

        try (AppCluster cluster = AppCluster.start("empty", 3, database)) {
            assertAllReadyWithoutErrors(cluster);
        }
        try (Connection connection = TestPostgres.connect(database)) {
            assertMigratedOnce(connection, "control", "db/control");
            // Tenants whose provisioning was cut short (row written, schema not yet created): the next start-up
            // finishes them, here on three replicas at once.
            try (Statement statement = connection.createStatement()) {
                for (String slug : List.of("race-one", "race-two", "race-three")) {
                    statement.execute("INSERT INTO control.tenant (slug, name, reporting_currency, time_zone, status) "
                            + "VALUES ('" + slug + "', '" + slug + "', 'EUR', 'UTC', 'provisioning')");
                }
            }
        }

        try (AppCluster cluster = AppCluster.start("tenants", 3, database)) {
            assertAllReadyWithoutErrors(cluster);
        }
        try (Connection connection = TestPostgres.connect(database)) {
            for (String schema : List.of("t_race_one", "t_race_two", "t_race_three")) {
                assertMigratedOnce(connection, schema, "db/tenant");
            }
            assertThat(column(connection, "SELECT status FROM control.tenant ORDER BY id")).containsOnly("active");
            assertMigratedOnce(connection, "control", "db/control");
        }
    }

    private static void assertAllReadyWithoutErrors(AppCluster cluster) {
        for (AppInstance instance : cluster.instances()) {
            assertThat(instance.health("ready")).as(instance.name() + " ready").isEqualTo(200);
            assertThat(instance.errors()).as(instance.name() + " logged errors").isEmpty();
        }
    }

    /** Every migration of the folder applied exactly once, successfully, and nothing else. */
    private static void assertMigratedOnce(Connection connection, String schema, String folder) throws Exception {
        List<String> expected = MigrationFiles.versions(folder);
        List<String> applied = column(connection, "SELECT version FROM " + schema + ".flyway_schema_history "
                + "WHERE version IS NOT NULL AND success ORDER BY installed_rank");
        assertThat(applied).as(schema + ": versions applied, in order").containsExactlyElementsOf(expected);
        assertThat(column(connection, "SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE NOT success"))
                .as(schema + ": failed migrations").containsExactly("0");
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Seeded by the control migrations, so replicas starting at once never race to insert them (seen in CI). */
    @Test
    void quartzLockRowsExistBeforeAnySchedulerStarts() throws Exception {
        String database = TestPostgres.newDatabase("quartz_locks");
        Flyway.configure().dataSource(database, TestPostgres.USER, TestPostgres.USER).schemas("control").defaultSchema("control")
                .createSchemas(true).locations("classpath:db/control").load().migrate();
        try (Connection connection = TestPostgres.connect(database)) {
            assertThat(column(connection, "SELECT lock_name FROM control.qrtz_locks WHERE sched_name = 'QuarkusQuartzScheduler' ORDER BY 1"))
                    .containsExactly("STATE_ACCESS", "TRIGGER_ACCESS");
        }
    }

    @Test
    void anInstanceIsReadyOnlyBetweenItsStartUpMigrationsAndItsShutdown() throws Exception {
        String database = TestPostgres.newDatabase("slow_migration");
        try (Connection blocker = TestPostgres.connect(database); Statement statement = blocker.createStatement()) {
            // Holds the lock that the start-up migration takes after the control schema (SchemaMigrations), so the
            // migration stays in progress for as long as the test wants.
            statement.execute("SELECT pg_advisory_lock(hashtext('merchant-metrics:tenant-catalog'))");
            try (AppInstance instance = AppInstance.launch("migrating", database, Map.of())) {
                await().atMost(Duration.ofMinutes(3)).until(() -> waitsForALock(blocker, instance));
                for (int probe = 0; probe < 10; probe++) {
                    assertThat(instance.health("ready")).as("readiness while migrating").isNotEqualTo(200);
                    assertThat(instance.health("started")).as("start-up probe while migrating").isNotEqualTo(200);
                    Thread.sleep(300);
                }
                assertThat(waitsForALock(blocker, instance)).as("still migrating after the probes").isTrue();

                statement.execute("SELECT pg_advisory_unlock_all()");
                instance.awaitReady(Duration.ofMinutes(2));
                assertThat(instance.log()).contains("Control schema and 0 tenant schemas are up to date");

                // Stopping: readiness turns DOWN first while the replica still answers (quarkus.shutdown.delay), so
                // Kubernetes stops routing to it before it closes its ports.
                instance.beginShutdown();
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                        .until(() -> instance.health("ready") == 503);
                assertThat(instance.health("live")).as("still serving while not ready").isEqualTo(200);
            }
        }
    }

    private static boolean waitsForALock(Connection connection, AppInstance instance) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = '" + instance.name() + "'")) {
            return rows.next();
        }
    }
}
