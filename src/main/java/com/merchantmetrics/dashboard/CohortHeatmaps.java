package com.merchantmetrics.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.merchantmetrics.metrics.CohortReport;
import com.merchantmetrics.metrics.CohortService;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.web.Messages;

/** The retention page's cohort heatmaps: subscription, buyer and revenue cohorts of the period's acquisition months. */
@ApplicationScoped
public class CohortHeatmaps {

    private static final int SHADES = 5;

    private final CohortService cohorts;

    CohortHeatmaps(CohortService cohorts) {
        this.cohorts = cohorts;
    }

    public List<CohortHeatmap> of(TenantAccess tenant, Period period, Formats formats, Messages msg) {
        CohortReport report = cohorts.cohorts(tenant, period.from(), period.to());
        return heatmaps(report.cohorts(), formats, msg);
    }

    static List<CohortHeatmap> heatmaps(List<CohortReport.Cohort> cohorts, Formats formats, Messages msg) {
        return List.of(
                shares("cohorts-subscription", "subscription", msg.subscriptionCohorts(), msg.subscriptionCohortsDescription(),
                        cohorts, CohortReport.Cell::subscriberShare, CohortReport.Cell::subscribers, formats, msg),
                shares("cohorts-buyer", "buyer", msg.buyerCohorts(), msg.buyerCohortsDescription(),
                        cohorts, CohortReport.Cell::buyerShare, CohortReport.Cell::buyers, formats, msg),
                matrix("cohorts-revenue", "revenue", msg.mrrRetentionCohorts(), msg.mrrRetentionCohortsDescription(),
                        cohorts, CohortReport.Cell::mrrRetention,
                        cell -> cell.mrrRetention() == null ? "–"
                                : formats.percent(cell.mrrRetention()) + " (" + formats.money(cell.mrr()) + ")",
                        BigDecimal.ONE, msg),
                matrix("cohorts-revenue-per-customer", "revenue-per-customer", msg.revenuePerCustomerCohorts(),
                        msg.revenuePerCustomerCohortsDescription(), cohorts, CohortReport.Cell::cumulativeRevenuePerCustomer,
                        cell -> formats.money(cell.cumulativeRevenuePerCustomer()),
                        cohorts.stream().flatMap(c -> c.cells().stream()).map(CohortReport.Cell::cumulativeRevenuePerCustomer)
                                .max(BigDecimal::compareTo).filter(max -> max.signum() > 0).orElse(BigDecimal.ONE), msg));
    }

    private static CohortHeatmap shares(String id, String kind, String title, String description, List<CohortReport.Cohort> cohorts,
            Function<CohortReport.Cell, BigDecimal> share, Function<CohortReport.Cell, Integer> count, Formats formats, Messages msg) {
        return matrix(id, kind, title, description, cohorts, share,
                cell -> formats.percent(share.apply(cell)) + " (" + count.apply(cell) + ")", BigDecimal.ONE, msg);
    }

    /** full: the value shown in the darkest shade (values above it too). */
    private static CohortHeatmap matrix(String id, String kind, String title, String description, List<CohortReport.Cohort> cohorts,
            Function<CohortReport.Cell, BigDecimal> value, Function<CohortReport.Cell, String> text, BigDecimal full, Messages msg) {
        int months = cohorts.stream().mapToInt(c -> c.cells().size()).max().orElse(0);
        List<String> columns = new ArrayList<>(List.of(msg.cohort(), msg.customers()));
        for (int k = 0; k < months; k++) {
            columns.add(msg.monthNumber(k));
        }
        List<List<CohortHeatmap.Cell>> rows = new ArrayList<>();
        for (CohortReport.Cohort cohort : cohorts) {
            List<CohortHeatmap.Cell> row = new ArrayList<>(List.of(new CohortHeatmap.Cell(cohort.cohort(), cohort.cohort(), -1),
                    new CohortHeatmap.Cell(String.valueOf(cohort.customers()), String.valueOf(cohort.customers()), -1)));
            for (int k = 0; k < months; k++) {
                if (k >= cohort.cells().size()) {
                    row.add(new CohortHeatmap.Cell("", "", -1));
                    continue;
                }
                CohortReport.Cell cell = cohort.cells().get(k);
                BigDecimal v = value.apply(cell);
                row.add(new CohortHeatmap.Cell(text.apply(cell), v == null ? "" : v.toPlainString(), shade(v, full)));
            }
            rows.add(row);
        }
        return new CohortHeatmap(id, kind, title, description, columns, rows);
    }

    /** 0 for nothing, up to 5 for the full value and above. */
    static int shade(BigDecimal value, BigDecimal full) {
        if (value == null) {
            return -1;
        }
        if (value.signum() <= 0) {
            return 0;
        }
        BigDecimal step = value.multiply(BigDecimal.valueOf(SHADES)).divide(full, 0, RoundingMode.CEILING);
        return Math.min(SHADES, Math.max(1, step.intValue()));
    }
}
