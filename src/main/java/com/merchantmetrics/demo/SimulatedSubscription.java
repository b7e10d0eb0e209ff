package com.merchantmetrics.demo;

import java.time.LocalDateTime;
import java.util.List;

import com.merchantmetrics.demo.ProfileModel.PlanFamily;

/**
 * All price periods of one subscription id. Charges fall on the first billed instant (the trial end, else the
 * start) and every billing period after it; plan and price changes happen exactly on those instants.
 */
final class SimulatedSubscription {

    private final SimulatedCustomer customer;
    private final PlanFamily family;
    private final List<SubscriptionPeriod> periods;
    private final LocalDateTime firstBilledAt;
    private final boolean reactivation;
    private String id;

    SimulatedSubscription(SimulatedCustomer customer, PlanFamily family, List<SubscriptionPeriod> periods,
            LocalDateTime firstBilledAt, boolean reactivation) {
        this.customer = customer;
        this.family = family;
        this.periods = List.copyOf(periods);
        this.firstBilledAt = firstBilledAt;
        this.reactivation = reactivation;
    }

    String id() {
        return id;
    }

    void assignId(String id) {
        this.id = id;
    }

    SimulatedCustomer customer() {
        return customer;
    }

    PlanFamily family() {
        return family;
    }

    List<SubscriptionPeriod> periods() {
        return periods;
    }

    /** Whether the customer had an earlier subscription that ended. */
    boolean reactivation() {
        return reactivation;
    }

    LocalDateTime startsAt() {
        return periods.get(0).startsAt();
    }

    /** Null while the subscription is still running. */
    LocalDateTime endsAt() {
        return periods.get(periods.size() - 1).endsAt();
    }

    /** The instant of the n-th charge, or null if it falls after the subscription ended or not before {@code end}. */
    LocalDateTime chargeAt(int n, LocalDateTime end) {
        LocalDateTime at = family.cadence().renewal(firstBilledAt, n);
        boolean billed = at.isBefore(end) && (endsAt() == null || at.isBefore(endsAt()));
        return billed ? at : null;
    }

    long chargesBefore(LocalDateTime end) {
        long charges = 0;
        while (chargeAt((int) charges, end) != null) {
            charges++;
        }
        return charges;
    }

    SubscriptionPeriod periodAt(LocalDateTime instant) {
        for (SubscriptionPeriod period : periods) {
            if (period.covers(instant)) {
                return period;
            }
        }
        throw new IllegalArgumentException(id + " has no period at " + instant);
    }
}
