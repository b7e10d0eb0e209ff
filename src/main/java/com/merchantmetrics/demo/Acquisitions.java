package com.merchantmetrics.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.merchantmetrics.demo.ProfileModel.AcquisitionChannel;
import com.merchantmetrics.demo.ProfileModel.LandingPage;
import com.merchantmetrics.demo.ProfileModel.LeadTerms;
import com.merchantmetrics.demo.ProfileModel.Market;
import com.merchantmetrics.demo.ProfileModel.MarketingEvent;
import com.merchantmetrics.demo.SimulatedCustomer.Lead;

/**
 * Who becomes a customer on which day through which channel. New customers per day follow growth, season and
 * channel mix; {@link #expected} keeps the smooth expectation behind them so that spend and traffic can follow it.
 */
final class Acquisitions {

    private static final double DAILY_NOISE = 0.2;
    private static final double DAYS_PER_MONTH = 365.25 / 12;

    private final List<SimulatedCustomer> customers;
    private final int[] firstCustomerOfDay;
    private final double[][] expected;

    private Acquisitions(List<SimulatedCustomer> customers, int[] firstCustomerOfDay, double[][] expected) {
        this.customers = customers;
        this.firstCustomerOfDay = firstCustomerOfDay;
        this.expected = expected;
    }

    static Acquisitions plan(ProfileModel profile, Timeline timeline, GeneratorSettings settings,
            RandomSource random) {
        return new Planner(profile, timeline, settings, random).plan();
    }

    /** All customers, in the order they signed up. */
    List<SimulatedCustomer> customers() {
        return customers;
    }

    List<SimulatedCustomer> signupsOn(int day) {
        return customers.subList(firstCustomerOfDay[day], firstCustomerOfDay[day + 1]);
    }

    /** Expected new customers on the day through the channel (its index in {@link ProfileModel#channels()}). */
    double expected(int day, int channel) {
        return expected[day][channel];
    }

    private static final class Planner {

        private final ProfileModel profile;
        private final Timeline timeline;
        private final GeneratorSettings settings;
        private final RandomSource random;
        private final List<AcquisitionChannel> channels;
        private final List<Weighted<Market>> markets;

        Planner(ProfileModel profile, Timeline timeline, GeneratorSettings settings, RandomSource random) {
            this.profile = profile;
            this.timeline = timeline;
            this.settings = settings;
            this.random = random;
            this.channels = profile.channels();
            this.markets = profile.markets().stream().map(market -> Weighted.of(market, market.weight())).toList();
        }

        Acquisitions plan() {
            int days = timeline.days();
            double[][] channelWeights = new double[days][];
            double[] dayWeights = new double[days];
            double totalWeight = 0;
            for (int day = 0; day < days; day++) {
                channelWeights[day] = channelWeights(timeline.day(day), random.logNormal(1, DAILY_NOISE));
                for (double weight : channelWeights[day]) {
                    dayWeights[day] += weight;
                }
                totalWeight += dayWeights[day];
            }
            double[][] expected = new double[days][channels.size()];
            for (int day = 0; day < days; day++) {
                for (int channel = 0; channel < channels.size(); channel++) {
                    expected[day][channel] = settings.customers() * channelWeights[day][channel] / totalWeight;
                }
            }
            int[] newCustomers = Allocation.proportional(settings.customers(), dayWeights);
            int subscribersLeft = subscribers();
            double leadShare = leadShare(expected);
            List<SimulatedCustomer> customers = new ArrayList<>(settings.customers());
            int[] firstCustomerOfDay = new int[days + 1];
            for (int day = 0; day < days; day++) {
                for (int n = 0; n < newCustomers[day]; n++) {
                    AcquisitionChannel channel = channels.get(random.pickIndex(channelWeights[day]));
                    // selection sampling: exactly the planned number of subscribers, spread at random
                    int customersLeft = settings.customers() - customers.size();
                    boolean subscriber = random.chance((double) subscribersLeft / customersLeft);
                    if (subscriber) {
                        subscribersLeft--;
                    }
                    customers.add(newCustomer(customers.size(), timeline.day(day), channel, subscriber, leadShare));
                }
                firstCustomerOfDay[day + 1] = customers.size();
            }
            return new Acquisitions(Collections.unmodifiableList(customers), firstCustomerOfDay, expected);
        }

        private double[] channelWeights(LocalDate day, double noise) {
            double demand = profile.growth(day) * profile.seasonality(day) * noise;
            double[] weights = new double[channels.size()];
            for (int channel = 0; channel < weights.length; channel++) {
                weights[channel] = profile.channelWeight(channels.get(channel), day) * demand;
            }
            return weights;
        }

        /** Customers with a first subscription, leaving room for the reactivations some of them will add. */
        private int subscribers() {
            double reactivations = profile.subscriptionTerms().expectedReactivationShare();
            return (int) Math.min(settings.customers(), Math.round(settings.subscriptions() / (1 + reactivations)));
        }

        /** Share of lead-channel customers given a lead, so that about the right share of all leads converts. */
        private double leadShare(double[][] expected) {
            LeadTerms terms = profile.leadTerms();
            double leadChannelCustomers = 0;
            for (double[] day : expected) {
                for (int channel = 0; channel < channels.size(); channel++) {
                    if (channels.get(channel).bringsLeads()) {
                        leadChannelCustomers += day[channel];
                    }
                }
            }
            if (leadChannelCustomers == 0) {
                return 0;
            }
            double months = timeline.days() / DAYS_PER_MONTH;
            double convertedLeads = terms.overallConversion() * settings.leadsPerMonth() * months;
            return Math.min(terms.maxCustomerShare(), convertedLeads / leadChannelCustomers);
        }

        private SimulatedCustomer newCustomer(int index, LocalDate day, AcquisitionChannel channel,
                boolean subscriber, double leadShare) {
            LocalDateTime signupAt = profile.purchaseInstant(day, random);
            LandingPage landingPage = channel.landingPage(day, random);
            boolean channelRecorded = !random.chance(profile.unrecordedChannelShare());
            Boolean marketingOriginated = marketingOriginated(channel);
            Market market = random.pick(markets);
            double accountSize = profile.accountSize(random);
            Lead lead = channel.bringsLeads() && random.chance(leadShare) ? lead(channel, signupAt) : null;
            LocalDateTime createdAt = lead != null ? lead.createdAt() : recordCreatedAt(signupAt);
            String id = profile.identifiers().customer().format(index + 1);
            SimulatedCustomer customer = new SimulatedCustomer(index, id, signupAt, channel, landingPage,
                    channelRecorded, marketingOriginated, market, subscriber, accountSize, lead, createdAt);
            if (!subscriber || !profile.subscriptionTerms().subscriptionIsFirstPurchase()) {
                customer.recordFirstPurchase(signupAt, true);
            }
            return customer;
        }

        private Boolean marketingOriginated(AcquisitionChannel channel) {
            double draw = random.uniform();
            if (draw < channel.marketingOriginatedTrue()) {
                return Boolean.TRUE;
            }
            if (draw < channel.marketingOriginatedTrue() + channel.marketingOriginatedFalse()) {
                return Boolean.FALSE;
            }
            return null;
        }

        /** A lead created at the event that brought the customer, or some days before they signed up. */
        private Lead lead(AcquisitionChannel channel, LocalDateTime signupAt) {
            LeadTerms terms = profile.leadTerms();
            String leadChannel = random.chance(terms.notSetShare()) ? null : channel.name();
            LocalDate signupDay = signupAt.toLocalDate();
            LocalDate leadDay = MarketingEvent.latestBringing(profile.marketingEvents(), channel.name(), signupDay);
            if (leadDay == null) {
                long lagDays = Math.max(1, Math.round(random.logNormal(terms.medianLagDays(), terms.lagSigma())));
                leadDay = signupDay.minusDays(lagDays);
            }
            if (leadDay.isBefore(timeline.firstDay())) {
                leadDay = timeline.firstDay();
            }
            LocalDateTime createdAt = profile.officeInstant(leadDay, random);
            return createdAt.isBefore(signupAt) ? new Lead(createdAt, leadChannel) : null;
        }

        private LocalDateTime recordCreatedAt(LocalDateTime signupAt) {
            LocalDateTime createdAt = profile.recordCreatedBefore(signupAt, random);
            return createdAt.isBefore(timeline.start()) ? timeline.start() : createdAt;
        }
    }
}
