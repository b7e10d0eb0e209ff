package com.merchantmetrics.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantGate;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads the cohort cells of a tenant's rollup (cohort_cells.sql) and shapes them into cohort matrices. */
@ApplicationScoped
public class CohortService {

    private static final int RATE_SCALE = 6;

    private final TenantGate gate;

    CohortService(TenantGate gate) {
        this.gate = gate;
    }

    /** Cohorts acquired from {@code from} to {@code to}, each with its cells up to {@code to}. */
    public CohortReport cohorts(TenantAccess tenant, YearMonth from, YearMonth to) {
        int moneyScale = Currency.getInstance(tenant.reportingCurrency()).getDefaultFractionDigits();
        return QuarkusTransaction.joiningExisting().call(() -> gate.inTenant(tenant.schema(), connection -> {
            Map<String, List<Row>> rowsByCohort = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT to_char(cohort, 'YYYY-MM'), to_char(month, 'YYYY-MM'), customers, subscribers, buyers, mrr, revenue,
                           cumulative_revenue
                    FROM rollup_cohorts WHERE cohort BETWEEN ? AND ? AND month <= ? ORDER BY cohort, month""")) {
                select.setDate(1, Date.valueOf(from.atDay(1)));
                select.setDate(2, Date.valueOf(to.atDay(1)));
                select.setDate(3, Date.valueOf(to.atDay(1)));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rowsByCohort.computeIfAbsent(rs.getString(1), cohort -> new ArrayList<>()).add(new Row(rs.getString(2),
                                rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8)));
                    }
                }
            }
            List<CohortReport.Cohort> cohorts = new ArrayList<>();
            rowsByCohort.forEach((cohort, rows) -> cohorts.add(cohort(cohort, rows, moneyScale)));
            return new CohortReport(tenant.slug(), tenant.reportingCurrency(), from.toString(), to.toString(),
                    MetricsService.refreshedAt(connection), cohorts);
        }));
    }

    record Row(String month, int customers, int subscribers, int buyers, BigDecimal mrr, BigDecimal revenue,
            BigDecimal cumulativeRevenue) {
    }

    /** Pure shaping of one cohort's rows (month 0 first) into cells: shares, MRR retention, revenue per customer. */
    static CohortReport.Cohort cohort(String cohort, List<Row> rows, int moneyScale) {
        YearMonth start = YearMonth.parse(cohort);
        int customers = rows.get(0).customers();
        BigDecimal monthZeroMrr = rows.get(0).month().equals(cohort) ? rows.get(0).mrr() : BigDecimal.ZERO;
        List<CohortReport.Cell> cells = rows.stream().map(row -> new CohortReport.Cell(
                (int) start.until(YearMonth.parse(row.month()), java.time.temporal.ChronoUnit.MONTHS), row.month(),
                row.subscribers(), share(row.subscribers(), customers), row.buyers(), share(row.buyers(), customers),
                row.mrr().setScale(moneyScale, RoundingMode.HALF_EVEN),
                monthZeroMrr.signum() == 0 ? null
                        : row.mrr().divide(monthZeroMrr, RATE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                row.revenue().setScale(moneyScale, RoundingMode.HALF_EVEN),
                row.cumulativeRevenue().divide(BigDecimal.valueOf(customers), moneyScale, RoundingMode.HALF_EVEN))).toList();
        return new CohortReport.Cohort(cohort, customers, cells);
    }

    private static BigDecimal share(int part, int customers) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(customers), RATE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
