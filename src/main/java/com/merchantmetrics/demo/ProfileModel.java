package com.merchantmetrics.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Everything that makes one demo merchant different from the other: its markets, channels, seasons, prices and
 * customer behaviour. The simulation classes are the same for both and read only this.
 */
interface ProfileModel {

    static ProfileModel of(DemoProfile profile, Timeline timeline) {
        return switch (profile) {
            case B2B_WHOLESALE -> new AcmeWholesale(timeline);
            case D2C_SUBSCRIPTION -> new BloomBox(timeline);
        };
    }

    /** The currency list prices and acquisition costs below are set in. */
    String homeCurrency();

    /** Every currency that appears in the files. */
    List<String> currencies();

    String segment();

    Identifiers identifiers();

    List<Market> markets();

    /** Relative size of the business on the day: 1 on the first day. */
    double growth(LocalDate day);

    /** Month, weekday and holiday effects on demand, around 1. */
    double seasonality(LocalDate day);

    /** When a purchase on the day happens; midnight for merchants that date their documents without a time. */
    LocalDateTime purchaseInstant(LocalDate day, RandomSource random);

    /** When a lead or customer record on the day is created. */
    LocalDateTime officeInstant(LocalDate day, RandomSource random);

    /** When the customer record of a customer who came without a lead was created, before their signup. */
    LocalDateTime recordCreatedBefore(LocalDateTime signupAt, RandomSource random);

    List<AcquisitionChannel> channels();

    /** Position of the named channel in {@link #channels()}. */
    default int channelIndex(String name) {
        List<AcquisitionChannel> channels = channels();
        for (int index = 0; index < channels.size(); index++) {
            if (channels.get(index).name().equals(name)) {
                return index;
            }
        }
        throw new IllegalArgumentException("unknown channel " + name);
    }

    /** Share of new customers arriving through the channel on the day, before growth and seasonality. */
    double channelWeight(AcquisitionChannel channel, LocalDate day);

    /** Share of customers whose acquisition_channel is left blank (their first order still names the channel). */
    double unrecordedChannelShare();

    List<MarketingEvent> marketingEvents();

    List<SpendLine> spendLines();

    /** Channels that bring returning customers back for repeat orders; empty when repeat orders come unprompted. */
    List<Weighted<String>> returningChannels();

    /** Channel of the visit that reactivates a subscription, or null. */
    String winBackChannel();

    /** Relative order size of a new customer, 1 for a typical one. */
    double accountSize(RandomSource random);

    double repeatOrdersPerDay(SimulatedCustomer customer, RandomSource random);

    /** How long after the first purchase a customer keeps placing repeat orders. */
    double repeatLifetimeDays(SimulatedCustomer customer, RandomSource random);

    BigDecimal oneTimeAmount(SimulatedCustomer customer, LocalDate day, boolean firstPurchase, RandomSource random);

    /** A one-time extra added to a subscription charge, making the order mixed. */
    BigDecimal addOnAmount(String currency, RandomSource random);

    OrderTerms orderTerms();

    SubscriptionTerms subscriptionTerms();

    LeadTerms leadTerms();

    CustomerIdentity identity(SimulatedCustomer customer, RandomSource random);

    /** Formats of the natural keys. */
    record Identifiers(KeyFormat customer, KeyFormat order, KeyFormat refund, KeyFormat subscription,
            KeyFormat lead) {
    }

    /** A key made of a prefix and a running number zero-padded to at least {@code digits} digits. */
    record KeyFormat(String prefix, int digits) {

        String format(long number) {
            String digitsOfNumber = Long.toString(number);
            StringBuilder key = new StringBuilder(prefix.length() + Math.max(digits, digitsOfNumber.length()));
            key.append(prefix);
            for (int padding = digits - digitsOfNumber.length(); padding > 0; padding--) {
                key.append('0');
            }
            return key.append(digitsOfNumber).toString();
        }
    }

    record Market(String country, String currency, double weight) {
    }

    /**
     * An acquisition channel. {@code homeCac} is what one new customer costs through it, spread over the channel's
     * spend lines; {@code leadConversion} is the share of its leads that become customers (0: it brings no leads).
     * {@code marketingOriginatedTrue/False} are the shares of its customers flagged so; the rest stay blank.
     */
    record AcquisitionChannel(String name, double share, double yearlyTrend, double homeCac, List<LandingPage> pages,
            double leadConversion, double marketingOriginatedTrue, double marketingOriginatedFalse) {

        boolean bringsLeads() {
            return leadConversion > 0;
        }

        /** The page a visit through this channel starts on that day, or null if the channel has no pages. */
        LandingPage landingPage(LocalDate day, RandomSource random) {
            double[] weights = new double[pages.size()];
            boolean anyActive = false;
            for (int page = 0; page < weights.length; page++) {
                if (pages.get(page).activeOn().test(day)) {
                    weights[page] = pages.get(page).weight();
                    anyActive = true;
                }
            }
            return anyActive ? pages.get(random.pickIndex(weights)) : null;
        }

        /** Share of the channel's visits that day starting on the page. */
        double pageShare(LandingPage page, LocalDate day) {
            if (!page.activeOn().test(day)) {
                return 0;
            }
            double activeWeight = pages.stream().filter(p -> p.activeOn().test(day)).mapToDouble(LandingPage::weight)
                    .sum();
            return page.weight() / activeWeight;
        }
    }

    /** A page visits of a channel start on; it only gets visits on days {@code activeOn} accepts. */
    record LandingPage(String path, double weight, double conversionRate, Predicate<LocalDate> activeOn) {

        static LandingPage always(String path, double weight, double conversionRate) {
            return new LandingPage(path, weight, conversionRate, day -> true);
        }
    }

    enum SpendCadence {
        /** A row per day, following that day's expected acquisitions. */
        DAILY,
        /** A {@code YYYY-MM} row per month, following the business size but not the season (salaries, retainers). */
        MONTHLY,
        /** A row on the day of each marketing event of the channel, for the customers the event brings later. */
        PER_EVENT
    }

    /**
     * One kind of cost of a channel; the shares of a channel's lines add up to 1. Per-event lines have no currency
     * of their own: each event is paid in its own.
     */
    record SpendLine(String channel, String category, String costType, SpendCadence cadence, String currency,
            double shareOfCac) {
    }

    /** A one-day event (a trade show) whose channel brings customers during the following weeks. */
    record MarketingEvent(LocalDate day, String channel, String currency) {

        private static final int FIRST_RESPONSE_DAY = 3;
        static final int LAST_RESPONSE_DAY = 120;

        /** Relative number of customers the event brings on the day: a bump peaking about four weeks after it. */
        double response(LocalDate on) {
            long daysAfter = ChronoUnit.DAYS.between(day, on);
            if (daysAfter < FIRST_RESPONSE_DAY || daysAfter > LAST_RESPONSE_DAY) {
                return 0;
            }
            double weeks = daysAfter / 7.0;
            return weeks * weeks * Math.exp(-weeks / 2);
        }

        /** The day of the latest event of the channel that still brings customers on the day, or null. */
        static LocalDate latestBringing(List<MarketingEvent> events, String channel, LocalDate on) {
            LocalDate latest = null;
            for (MarketingEvent event : events) {
                if (event.channel().equals(channel) && event.response(on) > 0
                        && (latest == null || event.day().isAfter(latest))) {
                    latest = event.day();
                }
            }
            return latest;
        }
    }

    /**
     * Shares of orders: mixed among first subscription charges and among renewals; refunded later as a separate
     * row (fully in {@code fullRefundShare} of those, else partly); and placed with status refunded or cancelled.
     */
    record OrderTerms(double mixedShareOfFirstCharges, double mixedShareOfRenewals, double refundShare,
            double fullRefundShare, int maxRefundDelayDays, double refundedStatusShare,
            double cancelledStatusShare) {
    }

    /**
     * How subscriptions start, change and end. Hazards are per month and converted to the billing period;
     * {@code expectedReactivationShare} (reactivations per subscribing customer) sizes the subscriber base so that
     * the number of subscription ids lands near the target.
     */
    record SubscriptionTerms(List<PlanFamily> families, boolean subscriptionIsFirstPurchase, int minStartDelayDays,
            int maxStartDelayDays, double trialShare, int trialDays, double trialCancelShare,
            double earlyChurnMultiplier, double retentionAcceptShare, double retentionDiscount,
            double retentionMonths, double monthlyUpgradeChance, double monthlyDowngradeChance,
            double annualPriceIncrease, List<Weighted<String>> cancelReasons,
            Map<String, Double> reactivationChanceByReason, int maxReactivationGapMonths,
            double expectedReactivationShare) {
    }

    /** Plans of one billing cadence, cheapest tier first; the plan name is {@code namePattern} with the tier. */
    record PlanFamily(String namePattern, BillingCadence cadence, double weight, double monthlyChurn,
            List<PlanTier> tiers) {

        String planName(int tier) {
            return String.format(namePattern, tiers.get(tier).name());
        }
    }

    record PlanTier(String name, double homePrice, double weight) {
    }

    /**
     * {@code overallConversion}: share of all leads that convert; {@code maxCustomerShare}: at most this share of
     * the customers of lead channels came through a lead; lags are log-normal in days; {@code notSetShare} of leads
     * have no channel.
     */
    record LeadTerms(double overallConversion, double maxCustomerShare, double medianLagDays, double lagSigma,
            double notSetShare) {
    }

    record CustomerIdentity(String name, String email, String company) {
    }
}
