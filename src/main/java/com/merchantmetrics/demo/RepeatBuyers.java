package com.merchantmetrics.demo;

import java.util.List;

/**
 * Customers who come back for more one-time orders after their first purchase, and how many such orders fall on
 * each day. Each customer orders at their own rate from the day after their first purchase until they lapse; the
 * daily totals follow that eligible base and the season, and add up to an exact budget.
 */
final class RepeatBuyers {

    /** Order rates become integer weights so that picking stays exact however often weights change. */
    private static final double WEIGHT_SCALE = 1e9;

    private final List<SimulatedCustomer> customers;
    private final long[] weights;
    private final DayBuckets becomingEligible;
    private final DayBuckets lapsing;
    private final double[] dayWeights;
    private final double naturalOrders;
    private final WeightedPicker picker;
    private int[] ordersPerDay;

    RepeatBuyers(ProfileModel profile, Timeline timeline, List<SimulatedCustomer> customers, RandomSource random) {
        this.customers = customers;
        int days = timeline.days();
        weights = new long[customers.size()];
        int[] eligibleFrom = new int[customers.size()];
        int[] eligibleUntil = new int[customers.size()];
        long[] weightChangeByDay = new long[days + 1];
        for (SimulatedCustomer customer : customers) {
            int index = customer.index();
            eligibleFrom[index] = -1;
            eligibleUntil[index] = -1;
            if (customer.firstPurchaseAt() == null) {
                continue;
            }
            int from = timeline.indexOf(customer.firstPurchaseAt()) + 1;
            int until = (int) Math.min(days, from + Math.round(profile.repeatLifetimeDays(customer, random)));
            long weight = Math.max(1, Math.round(profile.repeatOrdersPerDay(customer, random) * WEIGHT_SCALE));
            if (from < until) {
                eligibleFrom[index] = from;
                eligibleUntil[index] = until;
                weights[index] = weight;
                weightChangeByDay[from] += weight;
                weightChangeByDay[until] -= weight;
            }
        }
        becomingEligible = new DayBuckets(days, eligibleFrom);
        lapsing = new DayBuckets(days, eligibleUntil);
        dayWeights = new double[days];
        double expectedOrders = 0;
        double seasonalityTotal = 0;
        long eligibleWeight = 0;
        for (int day = 0; day < days; day++) {
            eligibleWeight += weightChangeByDay[day];
            double seasonality = profile.seasonality(timeline.day(day));
            dayWeights[day] = eligibleWeight * seasonality;
            expectedOrders += eligibleWeight / WEIGHT_SCALE * seasonality;
            seasonalityTotal += seasonality;
        }
        naturalOrders = expectedOrders / (seasonalityTotal / days);
        picker = new WeightedPicker(customers.size());
    }

    /** How many repeat orders the customers' own rates add up to over the range. */
    long naturalOrderCount() {
        return Math.round(naturalOrders);
    }

    /** Spreads exactly {@code total} repeat orders over the days. */
    void allocate(long total) {
        if (total > 0 && !hasEligibleDay()) {
            throw new IllegalArgumentException("no customer is left to place " + total
                    + " repeat orders: the range is too short or there are too few customers");
        }
        ordersPerDay = Allocation.proportional(total, dayWeights);
    }

    int ordersOn(int day) {
        return ordersPerDay[day];
    }

    /** Lets the customers whose eligibility starts or ends on the day in or out; call once per day, in order. */
    void startDay(int day) {
        for (int n = 0; n < becomingEligible.size(day); n++) {
            int index = becomingEligible.item(day, n);
            picker.set(index, weights[index]);
        }
        for (int n = 0; n < lapsing.size(day); n++) {
            picker.set(lapsing.item(day, n), 0);
        }
    }

    SimulatedCustomer pick(RandomSource random) {
        return customers.get(picker.pick(random));
    }

    private boolean hasEligibleDay() {
        for (double weight : dayWeights) {
            if (weight > 0) {
                return true;
            }
        }
        return false;
    }
}
