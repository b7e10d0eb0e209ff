package com.merchantmetrics.demo;

/** Picks an index with probability proportional to its integer weight; weights change in O(log n) (Fenwick tree). */
final class WeightedPicker {

    private final long[] tree;
    private final long[] weights;
    private long total;

    WeightedPicker(int size) {
        tree = new long[size + 1];
        weights = new long[size];
    }

    void set(int index, long weight) {
        long delta = weight - weights[index];
        weights[index] = weight;
        total += delta;
        for (int node = index + 1; node < tree.length; node += node & -node) {
            tree[node] += delta;
        }
    }

    long total() {
        return total;
    }

    int pick(RandomSource random) {
        if (total <= 0) {
            throw new IllegalStateException("nothing to pick from");
        }
        long remaining = random.below(total);
        int position = 0;
        for (int step = Integer.highestOneBit(weights.length); step > 0; step >>= 1) {
            int next = position + step;
            if (next < tree.length && tree[next] <= remaining) {
                position = next;
                remaining -= tree[next];
            }
        }
        return position;
    }
}
