package com.merchantmetrics.demo;

import java.time.LocalDateTime;

/** How often a subscription bills, with the code written to billing_period. */
enum BillingCadence {
    WEEK("week", 0, 1),
    MONTH("month", 1, 0),
    QUARTER("quarter", 3, 0),
    HALF_YEAR("half_year", 6, 0),
    YEAR("year", 12, 0),
    ISO_MONTH("P1M", 1, 0),
    ISO_QUARTER("P3M", 3, 0);

    private final String code;
    private final int months;
    private final int weeks;

    BillingCadence(String code, int months, int weeks) {
        this.code = code;
        this.months = months;
        this.weeks = weeks;
    }

    String code() {
        return code;
    }

    /** Months per billing period as the metrics count them (a week is 12/52 of a month). */
    double monthsPerPeriod() {
        return weeks > 0 ? weeks * 12.0 / 52 : months;
    }

    /** The n-th renewal, counted from the first billed instant (n = 0 is that instant itself). */
    LocalDateTime renewal(LocalDateTime firstBilledAt, int n) {
        return weeks > 0 ? firstBilledAt.plusWeeks((long) weeks * n) : firstBilledAt.plusMonths((long) months * n);
    }
}
