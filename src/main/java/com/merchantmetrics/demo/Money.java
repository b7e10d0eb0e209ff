package com.merchantmetrics.demo;

import java.math.BigDecimal;

/** Rounding of generated amounts to what a shop would actually charge. */
final class Money {

    private Money() {
    }

    static BigDecimal cents(double amount) {
        return BigDecimal.valueOf(Math.round(amount * 100), 2);
    }

    static BigDecimal wholeUnits(double amount) {
        return BigDecimal.valueOf(Math.max(1, Math.round(amount))).setScale(2);
    }
}
