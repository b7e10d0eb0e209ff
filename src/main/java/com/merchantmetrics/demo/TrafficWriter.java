package com.merchantmetrics.demo;

import java.time.LocalDate;
import java.util.List;

import com.merchantmetrics.demo.ProfileModel.AcquisitionChannel;
import com.merchantmetrics.demo.ProfileModel.LandingPage;

/**
 * Writes traffic.csv one day at a time: visitors per channel and landing page. Visitors are the buyers expected
 * through the page divided by the page's conversion rate, and never fewer than the visits that actually bought.
 */
final class TrafficWriter {

    private static final double NOISE = 0.1;
    private static final double MIN_SESSIONS_PER_VISITOR = 1.05;
    private static final double MAX_SESSIONS_PER_VISITOR = 1.45;

    private final Timeline timeline;
    private final Acquisitions acquisitions;
    private final RepeatBuyers repeatBuyers;
    private final RandomSource random;
    private final CsvOutput output;
    private final List<AcquisitionChannel> channels;
    private final double[] returningShares;

    TrafficWriter(ProfileModel profile, Timeline timeline, Acquisitions acquisitions, RepeatBuyers repeatBuyers,
            RandomSource random, CsvOutput output) {
        this.timeline = timeline;
        this.acquisitions = acquisitions;
        this.repeatBuyers = repeatBuyers;
        this.random = random;
        this.output = output;
        this.channels = profile.channels();
        this.returningShares = returningShares(profile);
    }

    private static double[] returningShares(ProfileModel profile) {
        List<Weighted<String>> returning = profile.returningChannels();
        double total = returning.stream().mapToDouble(Weighted::weight).sum();
        double[] shares = new double[profile.channels().size()];
        for (Weighted<String> option : returning) {
            shares[profile.channelIndex(option.value())] = option.weight() / total;
        }
        return shares;
    }

    /** @param visits visits of the day that bought, as counted by the order stream; signups are added here. */
    void writeDay(int day, VisitTally visits) {
        for (SimulatedCustomer signup : acquisitions.signupsOn(day)) {
            visits.count(signup.channel(), signup.landingPage());
        }
        LocalDate date = timeline.day(day);
        for (int channel = 0; channel < channels.size(); channel++) {
            AcquisitionChannel acquisitionChannel = channels.get(channel);
            double expectedBuyers = acquisitions.expected(day, channel)
                    + repeatBuyers.ordersOn(day) * returningShares[channel];
            List<LandingPage> pages = acquisitionChannel.pages();
            for (int page = 0; page < pages.size(); page++) {
                LandingPage landingPage = pages.get(page);
                double pageBuyers = expectedBuyers * acquisitionChannel.pageShare(landingPage, date);
                long visitors = Math.max(visits.count(channel, page),
                        Math.round(pageBuyers / landingPage.conversionRate() * random.logNormal(1, NOISE)));
                if (visitors > 0) {
                    long sessions = Math.round(visitors
                            * random.uniform(MIN_SESSIONS_PER_VISITOR, MAX_SESSIONS_PER_VISITOR));
                    output.write(CsvValues.date(date), Long.toString(visitors), Long.toString(sessions),
                            acquisitionChannel.name(), landingPage.path());
                }
            }
        }
    }
}
