package com.merchantmetrics.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** The generated days, first to last inclusive, numbered from 0. */
final class Timeline {

    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final int days;

    Timeline(LocalDate firstDay, LocalDate lastDay) {
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.days = Math.toIntExact(ChronoUnit.DAYS.between(firstDay, lastDay)) + 1;
    }

    int days() {
        return days;
    }

    LocalDate firstDay() {
        return firstDay;
    }

    LocalDate lastDay() {
        return lastDay;
    }

    LocalDate day(int index) {
        return firstDay.plusDays(index);
    }

    /** Index of the day, which may lie outside [0, days) for days outside the range. */
    int indexOf(LocalDate day) {
        return Math.toIntExact(ChronoUnit.DAYS.between(firstDay, day));
    }

    int indexOf(LocalDateTime instant) {
        return indexOf(instant.toLocalDate());
    }

    LocalDateTime start() {
        return firstDay.atStartOfDay();
    }

    /** The first instant after the range: everything generated happens before it. */
    LocalDateTime end() {
        return lastDay.plusDays(1).atStartOfDay();
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    /** Fractional years since the first day, for growth curves. */
    double yearsSinceStart(LocalDate day) {
        return ChronoUnit.DAYS.between(firstDay, day) / 365.25;
    }

    /** Index of the first day of the month within the range. */
    int firstIndexOf(YearMonth month) {
        return Math.max(0, indexOf(month.atDay(1)));
    }

    /** Index after the last day of the month within the range. */
    int endIndexOf(YearMonth month) {
        return Math.min(days, indexOf(month.atEndOfMonth()) + 1);
    }

    /** Whether the day starts a month, or is the first generated day of a month that started before the range. */
    boolean startsMonth(int index) {
        return index == 0 || day(index).getDayOfMonth() == 1;
    }
}
