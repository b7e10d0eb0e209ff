package com.merchantmetrics.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes fx_rates.csv: a rate per business day for every currency other than the reporting one, starting on or
 * before the first day of the first generated month. Each currency wanders a little around its usual dollar value
 * and is pulled back towards it, so rates stay realistic (EUR in USD between about 1.05 and 1.12).
 */
final class FxRatesWriter {

    private static final double PULL_BACK = 0.97;
    private static final double DAILY_VOLATILITY = 0.0035;
    private static final double MAX_DEVIATION = 0.03;
    private static final String ANCHOR = "USD";

    private FxRatesWriter() {
    }

    static void write(List<String> currencies, String reportingCurrency, Timeline timeline, RandomSource random,
            CsvOutput output) {
        List<String> quoted = currencies.stream().filter(currency -> !currency.equals(reportingCurrency)).toList();
        List<String> wandering = new ArrayList<>(quoted);
        wandering.add(reportingCurrency);
        double[] deviations = new double[wandering.size()];
        // from the start of the first month, as a YYYY-MM spend row of that month may be converted at its first day
        LocalDate firstRateDay = lastBusinessDayFrom(timeline.firstDay().withDayOfMonth(1));
        for (LocalDate day = firstRateDay; !day.isAfter(timeline.lastDay()); day = day.plusDays(1)) {
            if (isWeekend(day)) {
                continue;
            }
            for (int n = 0; n < deviations.length; n++) {
                deviations[n] = wandering.get(n).equals(ANCHOR) ? 0 : nextDeviation(deviations[n], random);
            }
            double reportingValue = dollarValue(reportingCurrency, deviations[deviations.length - 1]);
            for (int n = 0; n < quoted.size(); n++) {
                double rate = dollarValue(quoted.get(n), deviations[n]) / reportingValue;
                output.write(CsvValues.date(day), quoted.get(n), CsvValues.rate(BigDecimal.valueOf(rate)));
            }
        }
    }

    private static double nextDeviation(double deviation, RandomSource random) {
        double next = deviation * PULL_BACK + DAILY_VOLATILITY * random.gaussian();
        return Math.max(-MAX_DEVIATION, Math.min(MAX_DEVIATION, next));
    }

    private static double dollarValue(String currency, double deviation) {
        return Currencies.usDollarsPerUnit(currency) * Math.exp(deviation);
    }

    private static LocalDate lastBusinessDayFrom(LocalDate day) {
        LocalDate businessDay = day;
        while (isWeekend(businessDay)) {
            businessDay = businessDay.minusDays(1);
        }
        return businessDay;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
