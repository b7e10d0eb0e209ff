package com.merchantmetrics.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: one merchant's data from {@code firstDay} to {@code lastDay}, both inclusive.
 *
 * @param customers exact number of rows in customers.csv
 * @param orders exact number of rows in orders.csv, or 0 for whatever the customers naturally order
 * @param subscriptions approximate number of distinct subscription ids
 * @param leadsPerMonth leads created per month (at least the converted ones); 0 writes no leads.csv
 * @param reportingCurrency the currency every other currency gets exchange rates into
 */
public record GeneratorSettings(DemoProfile profile, long seed, LocalDate firstDay, LocalDate lastDay, int customers,
        int orders, int subscriptions, int leadsPerMonth, String reportingCurrency) {

    public static final long DEFAULT_SEED = 42;

    public GeneratorSettings {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(reportingCurrency, "reportingCurrency");
        if (firstDay.isAfter(lastDay)) {
            throw new IllegalArgumentException("firstDay " + firstDay + " is after lastDay " + lastDay);
        }
        if (customers <= 0) {
            throw new IllegalArgumentException("customers must be positive, was " + customers);
        }
        if (orders < 0 || subscriptions < 0 || leadsPerMonth < 0) {
            throw new IllegalArgumentException("orders, subscriptions and leadsPerMonth must not be negative");
        }
        if (!Currencies.isKnown(reportingCurrency)) {
            throw new IllegalArgumentException("unsupported reporting currency " + reportingCurrency);
        }
    }

    /** Two years of a small merchant, quick enough to seed a dev-mode tenant through the normal import. */
    public static GeneratorSettings demo(DemoProfile profile, LocalDate lastDay) {
        LocalDate firstDay = firstDayOfMonths(lastDay, 24);
        return switch (profile) {
            case B2B_WHOLESALE -> new GeneratorSettings(profile, DEFAULT_SEED, firstDay, lastDay, 400, 0, 80, 120,
                    profile.reportingCurrency());
            case D2C_SUBSCRIPTION -> new GeneratorSettings(profile, DEFAULT_SEED, firstDay, lastDay, 800, 0, 600, 40,
                    profile.reportingCurrency());
        };
    }

    /**
     * Three years at scale: 100,000 customers, exactly 1,000,000 orders and 2,000 leads a month. The subscription
     * shop has 100,000 subscriptions; the wholesaler, whose contracts are a side business, 25,000.
     */
    public static GeneratorSettings benchmark(DemoProfile profile, LocalDate lastDay) {
        int subscriptions = profile == DemoProfile.D2C_SUBSCRIPTION ? 100_000 : 25_000;
        return new GeneratorSettings(profile, DEFAULT_SEED, firstDayOfMonths(lastDay, 36), lastDay, 100_000,
                1_000_000, subscriptions, 2_000, profile.reportingCurrency());
    }

    public GeneratorSettings withSeed(long newSeed) {
        return new GeneratorSettings(profile, newSeed, firstDay, lastDay, customers, orders, subscriptions,
                leadsPerMonth, reportingCurrency);
    }

    public GeneratorSettings withCustomers(int newCustomers) {
        return new GeneratorSettings(profile, seed, firstDay, lastDay, newCustomers, orders, subscriptions,
                leadsPerMonth, reportingCurrency);
    }

    public GeneratorSettings withOrders(int newOrders) {
        return new GeneratorSettings(profile, seed, firstDay, lastDay, customers, newOrders, subscriptions,
                leadsPerMonth, reportingCurrency);
    }

    public GeneratorSettings withSubscriptions(int newSubscriptions) {
        return new GeneratorSettings(profile, seed, firstDay, lastDay, customers, orders, newSubscriptions,
                leadsPerMonth, reportingCurrency);
    }

    /** The first day of the month {@code months - 1} months before the last day's month. */
    private static LocalDate firstDayOfMonths(LocalDate lastDay, int months) {
        return lastDay.withDayOfMonth(1).minusMonths(months - 1);
    }
}
