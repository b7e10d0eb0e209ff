package com.merchantmetrics.digest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.merchantmetrics.metrics.MetricsReport;
import com.merchantmetrics.metrics.UpcomingRenewals;
import com.merchantmetrics.tenant.TenantAccess;

/**
 * A tenant's figures for one summary, read once from the metrics service and shown to each recipient in their
 * language: the month so far ({@code month}), the two months before it, the MRR of the twelve months ending with it, and
 * the renewals due in the next 30 days.
 */
record MerchantFigures(TenantAccess tenant, LocalDate asOf, YearMonth month, MetricsReport report,
        UpcomingRenewals.Upcoming renewals, Map<Locale, byte[]> charts) {

    static final int TREND_MONTHS = 12;

    MerchantFigures(TenantAccess tenant, LocalDate asOf, MetricsReport report, UpcomingRenewals.Upcoming renewals) {
        this(tenant, asOf, YearMonth.from(asOf), report, renewals, new ConcurrentHashMap<>());
    }

    /** Every metric of a month of the report (current month 0, last month 1, …); empty when the month is outside it. */
    Map<String, MetricsReport.Value> monthsAgo(int monthsAgo) {
        String wanted = month.minusMonths(monthsAgo).toString();
        return report.months().stream().filter(m -> m.month().equals(wanted)).findFirst()
                .map(MetricsReport.Month::metrics).orElse(Map.of());
    }

    BigDecimal value(int monthsAgo, String metric) {
        MetricsReport.Value value = monthsAgo(monthsAgo).get(metric);
        return value == null ? null : value.value();
    }

    boolean hasData() {
        return report.refreshedAt() != null;
    }

    byte[] chart(Locale locale) {
        return charts.computeIfAbsent(locale, l -> {
            Map<YearMonth, BigDecimal> trend = new LinkedHashMap<>();
            for (int ago = TREND_MONTHS - 1; ago >= 0; ago--) {
                trend.put(month.minusMonths(ago), value(ago, "mrr"));
            }
            return TrendChart.png(trend, l);
        });
    }
}
