package com.merchantmetrics.metrics;

import java.math.BigDecimal;
import java.util.List;

/**
 * Cohorts by acquisition month as matrices: one row per cohort acquired in the range, one cell per month since
 * (0 = the acquisition month) up to the last month of the range. Shares are fractions of the cohort's customers;
 * money in the reporting currency rounded to its minor unit.
 */
public record CohortReport(String tenant, String currency, String from, String to, String refreshedAt, List<Cohort> cohorts) {

    public record Cohort(String cohort, int customers, List<Cell> cells) {
    }

    /**
     * subscriberShare: subscribers at the end of the month ÷ customers; buyerShare: customers with a completed order
     * above zero in the month ÷ customers; mrrRetention: the cohort's MRR at the end of the month ÷ at the end of
     * month 0 (null when that is zero); cumulativeRevenuePerCustomer: revenue from month 0 to this month ÷ customers.
     */
    public record Cell(int monthsSince, String month, int subscribers, BigDecimal subscriberShare, int buyers,
            BigDecimal buyerShare, BigDecimal mrr, BigDecimal mrrRetention, BigDecimal revenue,
            BigDecimal cumulativeRevenuePerCustomer) {
    }
}
