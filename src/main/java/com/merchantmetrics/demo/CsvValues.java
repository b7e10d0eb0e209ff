package com.merchantmetrics.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/** Text forms of values in the canonical files. */
final class CsvValues {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private CsvValues() {
    }

    /** Major units with exactly two decimals and never an exponent. */
    static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String rate(BigDecimal rate) {
        return rate.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    /** A plain date for instants at midnight (how invoices and contracts are dated), otherwise a timestamp. */
    static String instant(LocalDateTime instant) {
        if (instant == null) {
            return "";
        }
        String date = date(instant.toLocalDate());
        if (instant.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return date;
        }
        // by hand: DateTimeFormatter is the slowest part of writing a million orders
        StringBuilder timestamp = new StringBuilder(19).append(date).append(' ');
        appendTwoDigits(timestamp, instant.getHour()).append(':');
        appendTwoDigits(timestamp, instant.getMinute()).append(':');
        return appendTwoDigits(timestamp, instant.getSecond()).toString();
    }

    private static StringBuilder appendTwoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    static String date(LocalDate day) {
        return day.toString();
    }

    static String month(YearMonth month) {
        return MONTH.format(month);
    }

    static String bool(Boolean value) {
        return value == null ? "" : value.toString();
    }

    static String text(String value) {
        return value == null ? "" : value;
    }
}
