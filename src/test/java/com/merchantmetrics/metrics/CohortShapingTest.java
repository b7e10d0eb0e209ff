package com.merchantmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The pure shaping of a cohort's rollup rows into matrix cells: shares, MRR retention, revenue per customer. */
class CohortShapingTest {

    @Test
    void sharesRetentionAndRevenuePerCustomer() {
        // 4 customers; month 0: 2 subscribers with MRR 100, 3 buyers, revenue 90; month 2: 1 subscriber with MRR 130
        CohortReport.Cohort cohort = CohortService.cohort("2024-01", List.of(
                new CohortService.Row("2024-01", 4, 2, 3, new BigDecimal("100"), new BigDecimal("90"), new BigDecimal("90")),
                new CohortService.Row("2024-02", 4, 2, 0, new BigDecimal("100"), BigDecimal.ZERO, new BigDecimal("90")),
                new CohortService.Row("2024-03", 4, 1, 1, new BigDecimal("130"), new BigDecimal("-10"), new BigDecimal("80"))), 2);
        assertThat(cohort.customers()).isEqualTo(4);
        assertThat(cohort.cells()).extracting(CohortReport.Cell::monthsSince).containsExactly(0, 1, 2);
        assertThat(cohort.cells()).extracting(c -> c.subscriberShare().toPlainString()).containsExactly("0.5", "0.5", "0.25");
        assertThat(cohort.cells()).extracting(c -> c.buyerShare().toPlainString()).containsExactly("0.75", "0", "0.25");
        assertThat(cohort.cells()).extracting(c -> c.mrrRetention().toPlainString()).containsExactly("1", "1", "1.3");
        assertThat(cohort.cells()).extracting(c -> c.cumulativeRevenuePerCustomer().toPlainString())
                .containsExactly("22.50", "22.50", "20.00");
        assertThat(cohort.cells().get(2).revenue().toPlainString()).isEqualTo("-10.00");
    }

    @Test
    void noMrrInMonthZeroMeansNoMrrRetention() {
        CohortReport.Cohort buyersOnly = CohortService.cohort("2024-05", List.of(
                new CohortService.Row("2024-05", 1, 0, 1, BigDecimal.ZERO, new BigDecimal("40"), new BigDecimal("40"))), 0);
        assertThat(buyersOnly.cells().get(0).mrrRetention()).isNull();
        assertThat(buyersOnly.cells().get(0).cumulativeRevenuePerCustomer().toPlainString()).isEqualTo("40");
    }
}
