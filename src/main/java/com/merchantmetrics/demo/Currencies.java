package com.merchantmetrics.demo;

import java.math.BigDecimal;
import java.util.Map;

/** Approximate values of the currencies the generator knows, to convert list prices and to anchor exchange rates. */
final class Currencies {

    private static final Map<String, Double> US_DOLLARS_PER_UNIT = Map.ofEntries(
            Map.entry("USD", 1.0),
            Map.entry("EUR", 1.085),
            Map.entry("GBP", 1.27),
            Map.entry("CHF", 1.12),
            Map.entry("CAD", 0.74),
            Map.entry("AUD", 0.66),
            Map.entry("SEK", 0.095),
            Map.entry("DKK", 0.145),
            Map.entry("NOK", 0.094),
            Map.entry("PLN", 0.25),
            Map.entry("JPY", 0.0068));

    private Currencies() {
    }

    static boolean isKnown(String currency) {
        return US_DOLLARS_PER_UNIT.containsKey(currency);
    }

    static double usDollarsPerUnit(String currency) {
        Double value = US_DOLLARS_PER_UNIT.get(currency);
        if (value == null) {
            throw new IllegalArgumentException("unknown currency " + currency);
        }
        return value;
    }

    static double convert(double amount, String from, String to) {
        return amount * usDollarsPerUnit(from) / usDollarsPerUnit(to);
    }

    /** A list price in another currency, rounded to whole units the way shops set local prices. */
    static BigDecimal localPrice(double price, String priceCurrency, String currency) {
        return Money.wholeUnits(convert(price, priceCurrency, currency));
    }
}
