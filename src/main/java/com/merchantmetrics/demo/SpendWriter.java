package com.merchantmetrics.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.merchantmetrics.demo.ProfileModel.MarketingEvent;
import com.merchantmetrics.demo.ProfileModel.SpendLine;

/**
 * Writes marketing_spend.csv one day at a time. Every channel costs about its acquisition cost per new customer it
 * brings: daily ads follow the expected acquisitions of the day, monthly rows (salaries, retainers, tools) the size
 * of the business in the month, and an event's cost is booked on its day for the customers it brings afterwards.
 */
final class SpendWriter {

    private static final double DAILY_NOISE = 0.12;
    private static final double MONTHLY_NOISE = 0.05;

    private final ProfileModel profile;
    private final Timeline timeline;
    private final Acquisitions acquisitions;
    private final RandomSource random;
    private final CsvOutput output;
    private final double meanSeasonality;

    SpendWriter(ProfileModel profile, Timeline timeline, Acquisitions acquisitions, RandomSource random,
            CsvOutput output) {
        this.profile = profile;
        this.timeline = timeline;
        this.acquisitions = acquisitions;
        this.random = random;
        this.output = output;
        double seasonality = 0;
        for (int day = 0; day < timeline.days(); day++) {
            seasonality += profile.seasonality(timeline.day(day));
        }
        this.meanSeasonality = seasonality / timeline.days();
    }

    void writeDay(int day) {
        LocalDate date = timeline.day(day);
        for (SpendLine line : profile.spendLines()) {
            switch (line.cadence()) {
                case MONTHLY -> {
                    if (timeline.startsMonth(day)) {
                        YearMonth month = YearMonth.from(date);
                        write(CsvValues.month(month), line, line.currency(),
                                monthlyCustomers(line, month) * random.logNormal(1, MONTHLY_NOISE));
                    }
                }
                case DAILY -> write(CsvValues.date(date), line, line.currency(),
                        acquisitions.expected(day, channelIndex(line)) * random.logNormal(1, DAILY_NOISE));
                case PER_EVENT -> {
                    for (MarketingEvent event : profile.marketingEvents()) {
                        if (event.day().equals(date) && event.channel().equals(line.channel())) {
                            write(CsvValues.date(date), line, event.currency(), eventCustomers(event, line));
                        }
                    }
                }
            }
        }
    }

    /** Expected customers of the line's channel in the month with the season taken out: fixed costs follow growth. */
    private double monthlyCustomers(SpendLine line, YearMonth month) {
        int channel = channelIndex(line);
        double customers = 0;
        for (int day = timeline.firstIndexOf(month); day < timeline.endIndexOf(month); day++) {
            customers += acquisitions.expected(day, channel) / profile.seasonality(timeline.day(day))
                    * meanSeasonality;
        }
        return customers;
    }

    /** Expected customers brought by the event: on each day, its share of all events' response that day. */
    private double eventCustomers(MarketingEvent event, SpendLine line) {
        int channel = channelIndex(line);
        List<MarketingEvent> events = profile.marketingEvents();
        double customers = 0;
        int eventDay = timeline.indexOf(event.day());
        int lastDay = Math.min(timeline.days() - 1, eventDay + MarketingEvent.LAST_RESPONSE_DAY);
        for (int day = eventDay; day <= lastDay; day++) {
            LocalDate date = timeline.day(day);
            double response = event.response(date);
            if (response > 0) {
                double allResponse = events.stream().mapToDouble(other -> other.response(date)).sum();
                customers += acquisitions.expected(day, channel) * response / allResponse;
            }
        }
        return customers;
    }

    private void write(String date, SpendLine line, String currency, double customers) {
        double homeAmount = customers * profile.channels().get(channelIndex(line)).homeCac() * line.shareOfCac();
        double amount = Currencies.convert(homeAmount, profile.homeCurrency(), currency);
        if (amount >= 0.01) {
            output.write(date, line.channel(), CsvValues.money(Money.cents(amount)), currency, line.category(),
                    line.costType());
        }
    }

    private int channelIndex(SpendLine line) {
        return profile.channelIndex(line.channel());
    }
}
