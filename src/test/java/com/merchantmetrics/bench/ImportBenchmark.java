package com.merchantmetrics.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * bench/import-benchmark.sh: one orders file of a million rows (two years, 20,000 customers) through the uploads API,
 * then the same file again (every row unchanged). Prints rows per second, the rollup refresh, the app's peak heap
 * during the import, and the time psql's \copy takes for the same file into a plain table of the same columns on the
 * same PostgreSQL, with the ratio; asserts nothing about time.
 */
@QuarkusTest
class ImportBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);

    @Inject
    TestTenants tenants;

    @Inject
    DataSource dataSource;

    @Test
    void millionOrders() throws Exception {
        Tenant tenant = tenants.create("bench-import");
        tenants.grant(tenant, "alice", TenantRole.owner);
        byte[] file = orders(ROWS);
        System.out.printf("file: %d rows, %.1f MB%n", ROWS, file.length / 1e6);
        double firstImport = 0;
        for (String round : new String[] {"first import", "same rows again (merge, all unchanged)"}) {
            System.gc();
            HeapSampler heap = new HeapSampler();
            long started = System.nanoTime();
            Uploads.post("alice", tenant, "orders", null, false, modified(file, round), "orders.csv").then().statusCode(200);
            double seconds = (System.nanoTime() - started) / 1e9;
            heap.stop();
            double rollup = Double.parseDouble(tenants.value(tenant, "SELECT seconds FROM rollup_state"));
            System.out.printf("%s: %.1f s in all, %.0f rows/s; of which rollup refresh %.1f s, import %.1f s (%.0f rows/s); "
                    + "peak heap after GC %d MiB (heap used at most %d MiB, max heap %d MiB)%n", round, seconds, ROWS / seconds,
                    rollup, seconds - rollup, ROWS / (seconds - rollup), heap.peakLive >> 20, heap.peakUsed >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            if (firstImport == 0) {
                firstImport = seconds - rollup;
            }
        }
        double psql = psqlCopy(file);
        System.out.printf("psql \\copy of the same file into a plain table: %.1f s, %.0f rows/s; app import / psql = %.2f%n",
                psql, ROWS / psql, firstImport / psql);
    }

    /** The same file through psql's \copy into a plain table of the same columns, on the same PostgreSQL. */
    private double psqlCopy(byte[] file) throws Exception {
        Path csv = Files.createTempFile("bench-orders-", ".csv");
        Files.write(csv, file);
        URI url;
        try (Connection connection = dataSource.getConnection()) {
            url = URI.create(connection.getMetaData().getURL().substring("jdbc:".length()));
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS public.bench_orders_copy");
            statement.execute("CREATE TABLE public.bench_orders_copy (order_id text, customer_id text, ordered_at timestamptz, "
                    + "amount numeric(19, 4), currency text, type text, channel text)");
        }
        long started = System.nanoTime();
        Process psql = new ProcessBuilder("psql", "-h", url.getHost(), "-p", Integer.toString(url.getPort()), "-U", "postgres",
                "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c",
                "\\copy public.bench_orders_copy FROM '" + csv + "' WITH (FORMAT csv, HEADER true)").inheritIO().start();
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("psql \\copy failed");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE public.bench_orders_copy");
        }
        Files.delete(csv);
        return seconds;
    }

    /** Samples the heap every 20 ms: the most used, and the most still used after a collection (live data). */
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
                        .filter(java.util.Objects::nonNull).mapToLong(MemoryUsage::getUsed).sum());
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

    /** The second round differs by a trailing newline, so it is not recognised as a byte-identical file. */
    private static byte[] modified(byte[] file, String round) {
        if (round.startsWith("first")) {
            return file;
        }
        byte[] copy = java.util.Arrays.copyOf(file, file.length + 1);
        copy[file.length] = '\n';
        return copy;
    }

    static byte[] orders(int count) {
        StringBuilder csv = new StringBuilder(count * 60).append("order_id,customer_id,ordered_at,amount,currency,type,channel\n");
        String[] channels = {"ads", "seo", "email", "social"};
        for (int i = 0; i < count; i++) {
            int day = i % 730;
            csv.append("o").append(i).append(",c").append((i * 7919L) % 20_000).append(',')
                    .append(java.time.LocalDate.of(2024, 1, 1).plusDays(day)).append('T').append(String.format("%02d", i % 24))
                    .append(":15:00Z,").append(5 + i % 200).append('.').append(i % 100 < 10 ? "0" : "").append(i % 100)
                    .append(",USD,one_time,").append(channels[i % 4]).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
