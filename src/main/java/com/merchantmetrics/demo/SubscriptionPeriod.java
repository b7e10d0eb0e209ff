package com.merchantmetrics.demo;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One row of subscriptions.csv: a price period; a null {@code endsAt} means still running. */
record SubscriptionPeriod(String plan, LocalDateTime startsAt, LocalDateTime endsAt, BigDecimal amount,
        LocalDateTime trialEndsAt, String cancelReason, boolean retentionOffer) {

    boolean covers(LocalDateTime instant) {
        return !instant.isBefore(startsAt) && (endsAt == null || instant.isBefore(endsAt));
    }
}
