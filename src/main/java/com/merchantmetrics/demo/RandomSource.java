package com.merchantmetrics.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The only source of randomness of the generator: a {@link SplittableRandom} with the few distributions the
 * simulation needs, implemented here so that the same seed gives the same files on every JDK.
 */
final class RandomSource {

    private final SplittableRandom random;

    RandomSource(long seed) {
        this(new SplittableRandom(seed));
    }

    private RandomSource(SplittableRandom random) {
        this.random = random;
    }

    /** An independent stream, so that drawing more numbers in one part of the data never shifts another part. */
    RandomSource split() {
        return new RandomSource(random.split());
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return random.nextDouble();
    }

    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    /** Uniform integer in [from, to], both inclusive. */
    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    /** Uniform in [0, bound). */
    long below(long bound) {
        return random.nextLong(bound);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Standard normal, by Marsaglia's polar method. */
    double gaussian() {
        while (true) {
            double x = 2 * random.nextDouble() - 1;
            double y = 2 * random.nextDouble() - 1;
            double squaredRadius = x * x + y * y;
            if (squaredRadius > 0 && squaredRadius < 1) {
                return x * Math.sqrt(-2 * Math.log(squaredRadius) / squaredRadius);
            }
        }
    }

    /** Log-normal with the given median; sigma is the spread of its logarithm. */
    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * gaussian());
    }

    double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    int pickIndex(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("nothing to pick from: all weights are zero");
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0 && weights[i] > 0) {
                return i;
            }
        }
        return lastPositive(weights);
    }

    <T> T pick(List<Weighted<T>> options) {
        double[] weights = new double[options.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = options.get(i).weight();
        }
        return options.get(pickIndex(weights)).value();
    }

    private static int lastPositive(double[] weights) {
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable: the total weight was positive");
    }
}
