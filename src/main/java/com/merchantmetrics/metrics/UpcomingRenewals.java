package com.merchantmetrics.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantGate;
import com.merchantmetrics.tenant.TenantSchema;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Renewals due from the start of the current hour to a window later, by the same renewal dates as the renewal metrics (the database function
 * renewal_dates): how many, and the MRR at risk (Σ MRR just before each renewal date). Reads only the subscription
 * rows that overlap the window, and keeps each answer for the hour, keyed by the rollup's refresh instant (so an import
 * shows at once): a portfolio of hundreds of clients asks for it once per client and page.
 */
@ApplicationScoped
public class UpcomingRenewals {

    /** mrrAtRisk in the reporting currency, rounded to its minor unit; perBillingPeriod keyed week, month, quarter, … */
    public record Upcoming(Instant from, Instant to, String currency, long count, BigDecimal mrrAtRisk,
            Map<String, Due> perBillingPeriod) {
    }

    public record Due(long count, BigDecimal mrrAtRisk) {
    }

    private final TenantGate gate;
    private final MetricsService metrics;
    private final Cache cache;
    private final Clock clock;

    UpcomingRenewals(TenantGate gate, MetricsService metrics, @CacheName("upcoming-renewals") Cache cache) {
        this.gate = gate;
        this.metrics = metrics;
        this.cache = cache;
        this.clock = Clock.systemUTC();
    }

    public Upcoming within(Tenant tenant, Duration window) {
        return within(tenant.schema(), tenant.reportingCurrency, tenant.timeZone, window);
    }

    /** Renewals due from a given instant on, e.g. the start of the day a weekly summary describes. */
    public Upcoming within(TenantAccess tenant, Instant from, Duration window) {
        return within(tenant.schema(), tenant.reportingCurrency(), tenant.timeZone(), from, window);
    }

    private Upcoming within(TenantSchema schema, String currency, String timeZone, Duration window) {
        return within(schema, currency, timeZone, clock.instant().truncatedTo(ChronoUnit.HOURS), window);
    }

    private record Key(String schema, String currency, String timeZone, String rollupVersion, Instant from, Duration window) {
    }

    private Upcoming within(TenantSchema schema, String currency, String timeZone, Instant from, Duration window) {
        String version = metrics.rollupVersion(schema);
        return cache.get(new Key(schema.schemaName(), currency, timeZone, version, from, window),
                key -> read(schema, currency, timeZone, from, window)).await().indefinitely();
    }

    private Upcoming read(TenantSchema schema, String currency, String timeZone, Instant from, Duration window) {
        Instant to = from.plus(window);
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        return QuarkusTransaction.joiningExisting().call(() -> gate.inTenant(schema, connection -> {
            Map<String, Due> perBillingPeriod = new LinkedHashMap<>();
            long count = 0;
            BigDecimal mrr = BigDecimal.ZERO;
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT billing_period, count(*), sum(mrr_before) FROM renewal_dates(?, ?, ?, ?)
                    GROUP BY billing_period ORDER BY min(renews_at), billing_period""")) {
                select.setObject(1, from.atOffset(ZoneOffset.UTC));
                select.setObject(2, to.atOffset(ZoneOffset.UTC));
                select.setString(3, timeZone);
                select.setString(4, currency);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        perBillingPeriod.put(rows.getString(1),
                                new Due(rows.getLong(2), rows.getBigDecimal(3).setScale(scale, RoundingMode.HALF_EVEN)));
                        count += rows.getLong(2);
                        mrr = mrr.add(rows.getBigDecimal(3));
                    }
                }
            }
            return new Upcoming(from, to, currency, count, mrr.setScale(scale, RoundingMode.HALF_EVEN), perBillingPeriod);
        }));
    }
}
