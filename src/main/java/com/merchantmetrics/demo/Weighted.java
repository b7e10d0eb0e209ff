package com.merchantmetrics.demo;

/** An option together with how likely it is relative to the others. */
record Weighted<T>(T value, double weight) {

    static <T> Weighted<T> of(T value, double weight) {
        return new Weighted<>(value, weight);
    }
}
