package com.merchantmetrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Imports that die half-way leave nothing behind; imports of one tenant queue, other tenants do not wait. */
@QuarkusTest
class ImportFaultsTest {

    @Inject
    TestTenants tenants;

    @Inject
    DataSource dataSource;

    @Test
    void aKilledImportLeavesNoRowsAndCanBeRetried() throws Exception {
        Tenant tenant = ownedByAlice("fault");
        byte[] file = orders(300_000, 0);
        CompletableFuture<Response> upload = CompletableFuture.supplyAsync(
                () -> Uploads.post("alice", tenant, "orders", null, false, file, "big-orders.csv"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> terminateImportOf(tenant) || upload.isDone());
        Response killed = upload.get();
        assertThat(killed.statusCode()).as(killed.asString()).isEqualTo(503);
        assertThat(killed.asString()).contains("nothing of it was written");
        assertThat(tenants.count(tenant, "orders")).isZero();
        assertThat(tenants.count(tenant, "customers")).isZero();
        assertThat(tenants.value(tenant, "SELECT status FROM uploads ORDER BY id DESC LIMIT 1")).isEqualTo("failed");

        Uploads.post("alice", tenant, "orders", null, false, file, "big-orders.csv").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("imported"));
        assertThat(tenants.count(tenant, "orders")).isEqualTo(300_000);
    }

    @Test
    void importsOfOneTenantQueueWhileOtherTenantsProceed() throws Exception {
        Tenant shop = ownedByAlice("queue");
        Tenant other = ownedByAlice("queue-other");
        byte[] first = orders(600_000, 0);
        byte[] second = orders(1_000, 599_500);

        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> Uploads.post("alice", shop, "orders", null, false, first, "a.csv"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> importRunning(shop) || a.isDone());
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> Uploads.post("alice", shop, "orders", null, false, second, "b.csv"));
        CompletableFuture<Response> elsewhere = CompletableFuture.supplyAsync(
                () -> Uploads.post("alice", other, "orders", null, false, first, "c.csv"));

        boolean sawQueue = false;
        while (!b.isDone()) {
            sawQueue |= waitingForImportLock();
            Thread.sleep(20);
        }
        a.get().then().statusCode(200);
        b.get().then().statusCode(200);
        elsewhere.get().then().statusCode(200);
        assertThat(sawQueue).as("the second import of the tenant waited for the first").isTrue();
        assertThat(tenants.count(shop, "orders")).as("overlapping keys upserted, never duplicated").isEqualTo(600_500);
        assertThat(tenants.count(other, "orders")).isEqualTo(600_000);
    }

    private Tenant ownedByAlice(String prefix) {
        Tenant tenant = tenants.create(prefix);
        tenants.grant(tenant, "alice", TenantRole.owner);
        return tenant;
    }

    private static byte[] orders(int count, int firstId) {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,amount,currency\n");
        for (int i = firstId; i < firstId + count; i++) {
            csv.append('o').append(i).append(",c").append(i % 5000).append(",2024-01-05,").append(i % 97).append(".50,USD\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private boolean terminateImportOf(Tenant tenant) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet killed = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE query LIKE 'COPY stage%' AND pid <> pg_backend_pid()")) {
            return killed.next();
        }
    }

    private boolean importRunning(Tenant tenant) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet running = statement.executeQuery("SELECT 1 FROM pg_stat_activity WHERE query LIKE 'COPY stage%'")) {
            return running.next();
        }
    }

    private boolean waitingForImportLock() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet waiting = statement.executeQuery(
                        "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = " + 0x4d4d0002)) {
            return waiting.next();
        }
    }
}
