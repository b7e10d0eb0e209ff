package com.merchantmetrics.bench;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * bench/import-benchmark.sh: one orders file of a million rows (two years, 20,000 customers) through the uploads API,
 * then the same file again (every row unchanged). Prints rows per second and the rollup refresh; asserts nothing
 * about time.
 */
@QuarkusTest
class ImportBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);

    @Inject
    TestTenants tenants;

    @Test
    void millionOrders() {
        Tenant tenant = tenants.create("bench-import");
        tenants.grant(tenant, "alice", TenantRole.owner);
        byte[] file = orders(ROWS);
        System.out.printf("file: %d rows, %.1f MB%n", ROWS, file.length / 1e6);
        for (String round : new String[] {"first import", "same rows again (merge, all unchanged)"}) {
            long started = System.nanoTime();
            Uploads.post("alice", tenant, "orders", null, false, modified(file, round), "orders.csv").then().statusCode(200);
            double seconds = (System.nanoTime() - started) / 1e9;
            double rollup = Double.parseDouble(tenants.value(tenant, "SELECT seconds FROM rollup_state"));
            System.out.printf("%s: %.1f s in all, %.0f rows/s; of which rollup refresh %.1f s%n", round, seconds, ROWS / seconds, rollup);
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
