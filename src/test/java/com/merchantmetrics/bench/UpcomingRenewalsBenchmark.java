package com.merchantmetrics.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.metrics.UpcomingRenewals;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * bench/upcoming-renewals-benchmark.sh: renewals due in the next 30 days for one tenant with many subscriptions
 * (default 20,000 over three years: 80 % monthly, 10 % weekly, 10 % annual, a third cancelled after 200 days),
 * inserted directly (no rollup needed: the service reads subscriptions). Every timed call misses the hourly cache.
 * Prints figures; asserts nothing about time.
 */
@QuarkusTest
class UpcomingRenewalsBenchmark {

    static final int SUBSCRIPTIONS = Integer.getInteger("bench.subscriptions", 20_000);
    static final int REQUESTS = Integer.getInteger("bench.requests", 50);

    @Inject
    TestTenants tenants;

    @Inject
    UpcomingRenewals upcomingRenewals;

    @Test
    void renewalsOfTheNext30Days() {
        Tenant tenant = tenants.create("bench-renewals");
        tenants.sql(tenant, """
                INSERT INTO subscriptions (subscription_id, starts_at, customer_id, ends_at, amount, currency, billing_period, period_months)
                SELECT 's' || i, now() - interval '3 years' + mod(i, 1095) * interval '1 day', 'c' || i,
                       CASE WHEN mod(i, 3) = 0 THEN now() - interval '3 years' + mod(i, 1095) * interval '1 day' + interval '200 days' END,
                       20 + mod(i, 50), 'USD', CASE mod(i, 10) WHEN 0 THEN 'year' WHEN 1 THEN 'week' ELSE 'month' END,
                       CASE mod(i, 10) WHEN 0 THEN 12 WHEN 1 THEN 0.23076923 ELSE 1 END
                FROM generate_series(1, %d) AS i""".formatted(SUBSCRIPTIONS));
        tenants.sql(tenant, "ANALYZE subscriptions");

        UpcomingRenewals.Upcoming upcoming = upcomingRenewals.within(tenant, Duration.ofDays(30));
        TenantAccess access = TenantAccess.of(tenant, TenantRole.viewer);
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long started = System.nanoTime();
            // a window starting a second later each call: never served from the hourly cache
            upcomingRenewals.within(access, hour.plusSeconds(i + 1), Duration.ofDays(30));
            millis.add((System.nanoTime() - started) / 1e6);
        }
        millis.sort(Double::compare);
        System.out.printf("upcoming renewals, %d due of %d subscriptions, %d calls: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                upcoming.count(), SUBSCRIPTIONS, REQUESTS, PortfolioBenchmark.percentile(millis, 50),
                PortfolioBenchmark.percentile(millis, 95), millis.get(millis.size() - 1));
    }
}
