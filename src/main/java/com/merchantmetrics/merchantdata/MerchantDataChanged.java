package com.merchantmetrics.merchantdata;

import java.time.Instant;
import java.util.Set;

/**
 * Fired (CDI event) after a transaction that changed a tenant's merchant data has committed: the metrics rollup
 * recomputes from the month of {@code earliestChange} on. {@code earliestChange} null means "everything";
 * {@code customers}: the customers whose rows changed (before and after), null when not known or too many to list.
 */
public record MerchantDataChanged(String tenantSlug, Set<String> datasets, Instant earliestChange, Set<String> customers) {
}
