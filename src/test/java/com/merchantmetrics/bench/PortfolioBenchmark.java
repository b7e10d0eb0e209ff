package com.merchantmetrics.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * bench/portfolio-benchmark.sh: the portfolio page of an account manager with 200 generated clients, each with a
 * year of subscriptions, orders and spend. Prints latency percentiles; asserts nothing about time.
 */
@QuarkusTest
class PortfolioBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 200);
    static final int REQUESTS = Integer.getInteger("bench.requests", 100);

    @Inject
    TestTenants tenants;

    @Test
    void portfolioOfManyClients() {
        long setup = System.nanoTime();
        for (int i = 0; i < CLIENTS; i++) {
            Tenant client = tenants.create("bench-client");
            tenants.grant(client, "marco", TenantRole.account_manager);
            tenants.grant(client, "alice", TenantRole.owner);
            Uploads.post(client, "subscriptions", subscriptions(i)).then().statusCode(200);
            Uploads.post(client, "orders", orders(i)).then().statusCode(200);
            Uploads.post(client, "marketing_spend", "date,channel,amount,currency\n2024-01,ads," + (1000 + i) + ",USD\n")
                    .then().statusCode(200);
        }
        System.out.printf("setup: %d clients in %.1f s%n", CLIENTS, (System.nanoTime() - setup) / 1e9);

        for (int i = 0; i < 10; i++) {
            Forms.page("marco", "/portfolio?month=2024-06").then().statusCode(200);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long started = System.nanoTime();
            Forms.page("marco", "/portfolio?month=2024-06").then().statusCode(200);
            millis.add((System.nanoTime() - started) / 1e6);
        }
        millis.sort(Double::compare);
        System.out.printf("portfolio page, %d clients, %d requests: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n", CLIENTS, REQUESTS,
                percentile(millis, 50), percentile(millis, 95), millis.get(millis.size() - 1));
    }

    static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static String subscriptions(int seed) {
        StringBuilder csv = new StringBuilder("subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period\n");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int c = 0; c < 40; c++) {
            int startMonth = 1 + random.nextInt(6);
            boolean ends = random.nextInt(4) == 0;
            csv.append("s").append(c).append(",c").append(c).append(",2024-0").append(startMonth).append("-05,")
                    .append(ends ? "2024-0" + Math.min(9, startMonth + 2) + "-20" : "").append(',')
                    .append(20 + (seed + c) % 80).append(",USD,month\n");
        }
        return csv.toString();
    }

    private static String orders(int seed) {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,amount,currency\n");
        for (int o = 0; o < 300; o++) {
            csv.append('o').append(o).append(",c").append(o % 60).append(",2024-0").append(1 + o % 6).append("-1")
                    .append(o % 10).append(',').append(10 + (seed + o) % 90).append(".00,USD\n");
        }
        return csv.toString();
    }
}
