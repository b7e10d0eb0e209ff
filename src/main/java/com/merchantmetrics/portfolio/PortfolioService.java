package com.merchantmetrics.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

import com.merchantmetrics.metrics.MetricsService;
import com.merchantmetrics.metrics.UpcomingRenewals;
import com.merchantmetrics.tenant.AccountManagerAssignment;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantAccessService;
import com.merchantmetrics.tenant.TenantGate;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The clients assigned to an account manager with the month's figures from the metrics service and flags by the
 * manager's thresholds; flagged clients first, then by MRR.
 */
@ApplicationScoped
public class PortfolioService {

    static final List<String> METRICS = List.of("mrr", "net_new_mrr", "subscriber_churn_rate", "buyer_churn_rate",
            "net_mrr_churn_rate", "cac", "ltv_cac", "visitor_conversion_rate");

    private final TenantAccessService accessService;
    static final Duration RENEWALS_WINDOW = Duration.ofDays(30);

    private final MetricsService metrics;
    private final UpcomingRenewals upcomingRenewals;
    private final TenantGate gate;
    private final Clock clock;
    private final ManagedExecutor executor;
    private final Cache figuresCache;

    PortfolioService(TenantAccessService accessService, MetricsService metrics, UpcomingRenewals upcomingRenewals, TenantGate gate,
            @CacheName("portfolio-figures") Cache figuresCache,
            @ConfigProperty(name = "merchant-metrics.portfolio.parallel-reads", defaultValue = "6") int parallelReads) {
        this.figuresCache = figuresCache;
        this.accessService = accessService;
        this.metrics = metrics;
        this.upcomingRenewals = upcomingRenewals;
        this.gate = gate;
        this.clock = Clock.systemUTC();
        this.executor = ManagedExecutor.builder().maxAsync(parallelReads).propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING).build();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    public List<TenantAccess> clientsOf(long userId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Set<Long> assigned = AccountManagerAssignment.listForUser(userId).stream().map(a -> a.tenantId).collect(Collectors.toSet());
            return accessService.tenantsOf(userId).stream().filter(access -> assigned.contains(access.tenantId())).toList();
        });
    }

    /** Clients are read in parallel, each in a transaction of its own (one tenant per transaction, as the gate wants). */
    public List<ClientRow> rows(long userId, YearMonth month, PortfolioThresholds thresholds) {
        List<CompletableFuture<ClientRow>> reads = clientsOf(userId).stream()
                .map(client -> CompletableFuture.supplyAsync(
                        () -> QuarkusTransaction.requiringNew().call(() -> row(client, month, thresholds)), executor))
                .toList();
        List<ClientRow> rows = new ArrayList<>(reads.stream().map(CompletableFuture::join).toList());
        rows.sort(Comparator.comparing((ClientRow row) -> !row.flagged())
                .thenComparing(ClientRow::mrr, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(row -> row.tenant().name(), String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    /** A client's figures change only with its rollup's refresh, and renewals due also with the hour. */
    private record FiguresKey(String slug, String currency, String timeZone, String rollupVersion, YearMonth month, Instant hour) {
    }

    private record Figures(MetricsService.Values values, UpcomingRenewals.Upcoming renewals) {
    }

    private record Freshness(String rollupVersion, Instant lastImport) {
    }

    ClientRow row(TenantAccess client, YearMonth month, PortfolioThresholds thresholds) {
        Freshness freshness = freshness(client);
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        FiguresKey key = new FiguresKey(client.slug(), client.reportingCurrency(), client.timeZone(), freshness.rollupVersion(), month, hour);
        Figures figures = figuresCache.get(key, k -> new Figures(metrics.values(client, month.minusMonths(1), month, METRICS),
                upcomingRenewals.within(client, hour, RENEWALS_WINDOW))).await().indefinitely();
        MetricsService.Values values = figures.values();
        Map<String, BigDecimal> before = values.months().getOrDefault(month.minusMonths(1), Map.of());
        Map<String, BigDecimal> now = values.months().getOrDefault(month, Map.of());
        BigDecimal mrr = value(now, "mrr");
        BigDecimal previousMrr = value(before, "mrr");
        BigDecimal growth = mrr == null || previousMrr == null || previousMrr.signum() == 0 ? null
                : mrr.subtract(previousMrr).divide(previousMrr, 6, RoundingMode.HALF_EVEN);
        String basis = value(now, "subscriber_churn_rate") != null ? "subscriber_churn_rate" : "buyer_churn_rate";
        BigDecimal churn = value(now, basis);
        BigDecimal previousChurn = value(before, basis);
        BigDecimal churnChange = churn == null || previousChurn == null ? null : churn.subtract(previousChurn).movePointRight(2);
        BigDecimal ltvCac = value(now, "ltv_cac");
        Instant lastUpload = freshness.lastImport();
        Long days = lastUpload == null ? null : Duration.between(lastUpload, clock.instant()).toDays();

        List<PortfolioFlag> flags = new ArrayList<>();
        if (ltvCac != null && ltvCac.compareTo(thresholds.minLtvCac) < 0) {
            flags.add(new PortfolioFlag("ltv_cac", plain(ltvCac), plain(thresholds.minLtvCac)));
        }
        if (churnChange != null && churnChange.compareTo(thresholds.maxChurnRisePoints) >= 0) {
            flags.add(new PortfolioFlag("churn_up", churnChange.setScale(1, RoundingMode.HALF_EVEN).toPlainString(), null));
        }
        if (days == null) {
            flags.add(new PortfolioFlag("no_upload_yet", null, null));
        } else if (days >= thresholds.maxDaysWithoutUpload) {
            flags.add(new PortfolioFlag("no_upload", days.toString(), null));
        }
        UpcomingRenewals.Upcoming renewals = figures.renewals();
        String uploadDay = lastUpload == null ? null : lastUpload.atZone(ZoneId.of(client.timeZone())).toLocalDate().toString();
        return new ClientRow(client, month, mrr, value(now, "net_new_mrr"), growth, churn,
                basis.equals("subscriber_churn_rate") ? "subscribers" : "buyers", churnChange, value(now, "net_mrr_churn_rate"),
                value(now, "cac"), ltvCac, value(now, "visitor_conversion_rate"), renewals.count(),
                renewals.mrrAtRisk(), uploadDay, days, values.refreshedAt(), flags);
    }

    /** One visit to the client's schema per page view: the rollup's version (keys the figures) and the last import. */
    private Freshness freshness(TenantAccess client) {
        return gate.inTenant(client.schema(), connection -> {
            String version = MetricsService.rollupVersion(connection);
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT max(created_at) FROM uploads WHERE status = 'imported'")) {
                rows.next();
                Timestamp last = rows.getTimestamp(1);
                return new Freshness(version, last == null ? null : last.toInstant());
            }
        });
    }

    private static BigDecimal value(Map<String, BigDecimal> metrics, String id) {
        return metrics.get(id);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
