package com.merchantmetrics.bench;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * bench/import-benchmark.sh: one orders file of a million rows (two years, 20,000 customers) through the uploads API
 * into an empty tenant, then the same rows again (every row unchanged). The file is generated to disk and streamed
 * from there as the request body, so the test itself holds none of it in memory; the script runs this JVM (the app
 * and the test) with a 256 MiB heap. Prints the app's time with and without the rollup refresh, rows/s, the heap
 * during each import, and the time psql's \copy takes for the same file into a plain table of the same columns on
 * the same PostgreSQL, with the ratios, and the least any import through a staging table and an upsert by key can
 * take (the same file through psql into a staging table, then into a keyed table); asserts nothing about time.
 */
@QuarkusTest
class ImportBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    private static final String ORDER_COLUMNS = "order_id, customer_id, ordered_at, amount, currency, type, channel";

    @Inject
    TestTenants tenants;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void millionOrders() throws Exception {
        Tenant tenant = tenants.create("bench-import");
        tenants.grant(tenant, "alice", TenantRole.owner);
        Path file = Files.createTempFile("bench-orders-", ".csv");
        try {
            writeOrders(file, ROWS);
            System.out.printf("file: %d rows, %.1f MB; max heap of this JVM (app and test) %d MiB%n", ROWS, Files.size(file) / 1e6,
                    Runtime.getRuntime().maxMemory() >> 20);
            warmUp(tenant);
            double psql = psqlCopy(file);
            System.out.printf("psql \\copy of the same file into a plain table: %.1f s, %.0f rows/s%n", psql, ROWS / psql);
            double floor = psqlStagedFloor(file);
            System.out.printf("psql through a staging table (\\copy into a temporary table, INSERT into a plain table, its primary "
                    + "key): %.1f s, / psql = %.2f (the least a staged import with an upsert by key can take)%n", floor, floor / psql);
            for (String round : new String[] {"first import", "same rows again (merge, all unchanged)"}) {
                if (!round.startsWith("first")) {
                    // One more byte, so the file is not recognised as byte-identical to the first.
                    Files.writeString(file, "\n", StandardOpenOption.APPEND);
                }
                System.gc();
                HeapSampler heap = new HeapSampler();
                long started = System.nanoTime();
                HttpResponse<String> response = upload(tenant, file, false);
                double seconds = (System.nanoTime() - started) / 1e9;
                heap.stop();
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
                }
                double rollup = Double.parseDouble(tenants.value(tenant, "SELECT seconds FROM rollup_state"));
                double importOnly = seconds - rollup;
                System.out.printf("%s: %.1f s in all (%.0f rows/s), app / psql = %.2f; without the rollup refresh (%.1f s): "
                        + "%.1f s (%.0f rows/s), app / psql = %.2f; heap during the import: at most %d MiB used, "
                        + "at most %d MiB still used after a collection%n", round, seconds, ROWS / seconds, seconds / psql,
                        rollup, importOnly, ROWS / importOnly, importOnly / psql, heap.peakUsed >> 20, heap.peakLive >> 20);
            }
            System.out.printf("orders in the tenant: %d%n", tenants.count(tenant, "orders"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The first request of the JVM loads classes, compiles and fetches the token's signing keys; a preview of a small
     * file (which writes no rows) does that before the measured imports.
     */
    private void warmUp(Tenant tenant) throws Exception {
        Path small = Files.createTempFile("bench-warm-up-", ".csv");
        try {
            writeOrders(small, 1000);
            upload(tenant, small, true);
        } finally {
            Files.delete(small);
        }
    }

    /** A streaming upload, as a client would send it: the body straight from the file. */
    private HttpResponse<String> upload(Tenant tenant, Path file, boolean dryRun) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("api/v1/tenants/" + tenant.slug
                + "/uploads?dataset=orders&file_name=orders.csv&dry_run=" + dryRun))
                .header("Authorization", "Bearer " + Forms.token("alice")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The same file through psql's \copy into a plain table of the same columns, on the same PostgreSQL. */
    private double psqlCopy(Path csv) throws Exception {
        return psqlWithTable("bench_orders_copy", "\\copy public.bench_orders_copy FROM '" + csv + "' WITH (FORMAT csv, HEADER true)");
    }

    /**
     * The least any import through a staging table and an upsert by natural key can take, whatever the app does
     * around it: psql's \copy of the file into a temporary table, one INSERT of its rows into a plain table of the same
     * columns, and that table's primary key built afterwards (no parsing, checks, other indexes or kept file).
     */
    private double psqlStagedFloor(Path csv) throws Exception {
        return psqlWithTable("bench_orders_staged", "CREATE TEMPORARY TABLE stage (line bigint, LIKE public.bench_orders_staged)",
                "\\copy stage (" + ORDER_COLUMNS + ") FROM '" + csv + "' WITH (FORMAT csv, HEADER true)",
                "INSERT INTO public.bench_orders_staged SELECT " + ORDER_COLUMNS + " FROM stage",
                "SET maintenance_work_mem = '256MB'", "ALTER TABLE public.bench_orders_staged ADD PRIMARY KEY (order_id)");
    }

    /** Runs the commands in one psql session around a fresh plain table of the file's columns; returns their seconds. */
    private double psqlWithTable(String table, String... commands) throws Exception {
        URI url;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            url = URI.create(connection.getMetaData().getURL().substring("jdbc:".length()));
            statement.execute("DROP TABLE IF EXISTS public." + table);
            statement.execute("CREATE TABLE public." + table + " (order_id text, customer_id text, ordered_at timestamptz, "
                    + "amount numeric(19, 4), currency text, type text, channel text)");
        }
        List<String> command = new ArrayList<>(List.of("psql", "-h", url.getHost(), "-p", Integer.toString(url.getPort()), "-U",
                "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1"));
        for (String sql : commands) {
            command.addAll(List.of("-c", sql));
        }
        long started = System.nanoTime();
        Process psql = new ProcessBuilder(command).inheritIO().start();
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + String.join(" ", commands));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE public." + table);
        }
        return seconds;
    }

    /**
     * Samples the heap every 20 ms: the most used, and the most still used right after a collection (an upper bound
     * of the live data: G1's young collections leave old garbage in place).
     */
    private static final class HeapSampler {
        private volatile boolean running = true;
        private volatile long peakUsed;
        private volatile long peakLive;
        private final Thread thread = new Thread(this::sample, "heap-sampler");

        HeapSampler() {
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            while (running) {
                peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                peakLive = Math.max(peakLive, pools.stream().map(MemoryPoolMXBean::getCollectionUsage)
                        .filter(Objects::nonNull).mapToLong(MemoryUsage::getUsed).sum());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    static void writeOrders(Path file, int count) throws Exception {
        String[] channels = {"ads", "seo", "email", "social"};
        LocalDate start = LocalDate.of(2024, 1, 1);
        try (BufferedWriter csv = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            csv.write(ORDER_COLUMNS.replace(", ", ",") + "\n");
            for (int i = 0; i < count; i++) {
                csv.write("o" + i + ",c" + (i * 7919L) % 20_000 + "," + start.plusDays(i % 730) + "T" + String.format("%02d", i % 24)
                        + ":15:00Z," + (5 + i % 200) + "." + (i % 100 < 10 ? "0" : "") + i % 100 + ",USD,one_time," + channels[i % 4]
                        + "\n");
            }
        }
    }
}
