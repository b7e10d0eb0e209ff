package com.merchantmetrics.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.merchantmetrics.metrics.MetricDefinition.Unit;
import com.merchantmetrics.web.Languages;
import com.merchantmetrics.web.Messages;

/**
 * Numbers and dates as a person reads them in their language: money in the tenant's currency and its minor unit
 * (none for VND or JPY), rates as percentages, months and moments in the locale's words and order.
 */
public final class Formats {

    private final Locale locale;
    private final Currency currency;
    private final String pointsUnit;
    private final DateTimeFormatter monthFormat;
    // NumberFormat is costly to build and not thread-safe: built on first use, so a Formats stays with one thread.
    private NumberFormat moneyFormat;
    private NumberFormat percentFormat;
    private final Map<Integer, NumberFormat> numberFormats = new HashMap<>();

    /** pointsUnit: the word after a change of a rate ("pts"); monthPattern: a month of a year ("MMM yyyy"). */
    public Formats(Locale locale, String currencyCode, String pointsUnit, String monthPattern) {
        this.locale = locale;
        this.currency = Currency.getInstance(currencyCode);
        this.pointsUnit = pointsUnit;
        this.monthFormat = DateTimeFormatter.ofPattern(monthPattern, locale);
    }

    /** The formats of a language as its message bundle words them. */
    public static Formats of(Locale locale, String currencyCode) {
        Messages msg = Languages.messages(locale);
        return new Formats(locale, currencyCode, msg.points(), msg.monthPattern());
    }

    public Locale locale() {
        return locale;
    }

    public String value(BigDecimal value, Unit unit) {
        if (value == null) {
            return "–";
        }
        return switch (unit) {
            case money -> money(value);
            case rate -> percent(value);
            case count -> number(value, 0);
            case ratio -> number(value, 2);
        };
    }

    public String money(BigDecimal value) {
        if (moneyFormat == null) {
            moneyFormat = NumberFormat.getCurrencyInstance(locale);
            moneyFormat.setCurrency(currency);
            moneyFormat.setMinimumFractionDigits(currency.getDefaultFractionDigits());
            moneyFormat.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        }
        return moneyFormat.format(value);
    }

    public String percent(BigDecimal fraction) {
        if (percentFormat == null) {
            percentFormat = NumberFormat.getPercentInstance(locale);
            percentFormat.setMinimumFractionDigits(1);
            percentFormat.setMaximumFractionDigits(1);
        }
        return percentFormat.format(fraction);
    }

    public String number(BigDecimal value, int fractionDigits) {
        return numberFormats.computeIfAbsent(fractionDigits, digits -> {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMaximumFractionDigits(digits);
            format.setMinimumFractionDigits(digits);
            return format;
        }).format(value);
    }

    /**
     * The change from one value to another: percentage points for rates (a rate moving from 2 % to 3 % is "+1.0 pts",
     * not "+50 %"), relative change for everything else. Null when either side is missing or the base is zero.
     */
    public String change(BigDecimal from, BigDecimal to, Unit unit) {
        if (from == null || to == null) {
            return null;
        }
        if (unit == Unit.rate) {
            BigDecimal points = to.subtract(from).movePointRight(2).setScale(1, RoundingMode.HALF_EVEN);
            return (points.signum() >= 0 ? "+" : "−") + number(points.abs(), 1) + " " + pointsUnit;
        }
        if (from.signum() == 0) {
            return null;
        }
        BigDecimal relative = to.subtract(from).divide(from.abs(), 4, RoundingMode.HALF_EVEN);
        return (relative.signum() >= 0 ? "+" : "−") + percent(relative.abs());
    }

    public String month(YearMonth month) {
        return monthFormat.format(month);
    }

    /** An ISO-8601 instant ("2024-05-01T10:15:00Z") as date and time in a zone; null stays null. */
    public String dateTime(String isoInstant, ZoneId zone) {
        return isoInstant == null ? null : dateTime(Instant.parse(isoInstant), zone, locale);
    }

    /** An instant as date and time in a zone, worded for a language ("1 thg 5, 2024 10:15" in Vietnamese). */
    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).format(instant.atZone(zone));
    }
}
