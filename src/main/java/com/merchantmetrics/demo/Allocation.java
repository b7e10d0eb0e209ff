package com.merchantmetrics.demo;

/** Splits an exact integer total over slots in proportion to weights. */
final class Allocation {

    private Allocation() {
    }

    /**
     * Counts that add up to exactly {@code total}, each within one of its proportional share, and zero wherever the
     * weight is zero. Rounding the running cumulative share (rather than each share) is what keeps the sum exact.
     */
    static int[] proportional(long total, double[] weights) {
        int[] counts = new int[weights.length];
        int lastPositive = -1;
        double totalWeight = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("negative weight at " + i);
            }
            if (weights[i] > 0) {
                lastPositive = i;
                totalWeight += weights[i];
            }
        }
        if (total == 0) {
            return counts;
        }
        if (lastPositive < 0) {
            throw new IllegalArgumentException("cannot place " + total + " items: all weights are zero");
        }
        double cumulativeWeight = 0;
        long placed = 0;
        for (int i = 0; i <= lastPositive; i++) {
            cumulativeWeight += weights[i];
            long placedAfter = i == lastPositive ? total : Math.round(total * (cumulativeWeight / totalWeight));
            counts[i] = Math.toIntExact(placedAfter - placed);
            placed = placedAfter;
        }
        return counts;
    }
}
