package com.merchantmetrics.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/**
 * "Bloom Box": flower subscriptions (weekly to annual) and gift bouquets, mostly in the US with some customers in
 * the UK and the euro area. Demand peaks before Valentine's Day, Mother's Day and Christmas; customers come through
 * social ads, search, influencers and referrals, many start with a trial, and paused subscribers come back later.
 */
final class BloomBox implements ProfileModel {

    private static final double ANNUAL_GROWTH = 1.9;
    private static final double[] DEMAND_BY_MONTH = { 0.85, 1.10, 1.00, 1.05, 1.15, 0.95, 0.85, 0.85, 0.95, 1.00,
        1.10, 1.25 };
    private static final double[] DEMAND_BY_WEEKDAY = { 0.95, 0.95, 0.97, 1.00, 1.08, 1.05, 1.00 };
    /**
     * Relative number of purchases per hour of the day. None in the midnight hour, so that no timestamp is written
     * as a bare date, and none from 02:00 to 04:00, so that no local time falls into the hour that daylight saving
     * time skips in New York or Berlin.
     */
    private static final double[] PURCHASES_BY_HOUR = { 0, 0.2, 0, 0, 0.1, 0.2, 0.5, 1.0, 1.5, 1.8, 2.0, 2.2,
        2.6, 2.4, 2.0, 1.9, 2.0, 2.2, 2.5, 2.9, 3.0, 2.6, 1.8, 0.9 };
    private static final double GIFT_ADD_ON_SHARE = 0.25;

    private static final List<Market> MARKETS = List.of(
            new Market("US", "USD", 74), new Market("GB", "GBP", 12), new Market("DE", "EUR", 5),
            new Market("FR", "EUR", 3), new Market("NL", "EUR", 3), new Market("IE", "EUR", 3));

    private static final LandingPage VALENTINES = new LandingPage("/valentines", 2.0, 0.05,
            BloomBox::isValentinesSeason);
    private static final LandingPage MOTHERS_DAY = new LandingPage("/mothers-day", 2.0, 0.045,
            BloomBox::isMothersDaySeason);
    private static final LandingPage HOLIDAY = new LandingPage("/holiday", 1.2, 0.035, BloomBox::isHolidaySeason);

    private static final List<AcquisitionChannel> CHANNELS = List.of(
            new AcquisitionChannel("paid_social", 0.30, 0.90, 48, List.of(subscribe(0.45), gifts(0.25),
                    VALENTINES, MOTHERS_DAY, HOLIDAY), 0.10, 0, 0),
            new AcquisitionChannel("paid_search", 0.18, 1.00, 42, List.of(bouquets(0.4), gifts(0.3), home(0.3),
                    VALENTINES, MOTHERS_DAY, HOLIDAY), 0.12, 0, 0),
            new AcquisitionChannel("influencer", 0.09, 1.10, 60, List.of(subscribe(0.7), gifts(0.3)), 0.14, 0, 0),
            new AcquisitionChannel("email", 0.06, 1.00, 15, List.of(bouquets(0.5), gifts(0.5), subscribe(0.3),
                    VALENTINES, MOTHERS_DAY, HOLIDAY), 0, 0, 0),
            new AcquisitionChannel("organic_search", 0.17, 1.35, 12, List.of(home(0.35),
                    LandingPage.always("/blog/flower-care", 0.4, 0.004), bouquets(0.25)), 0.08, 0, 0),
            new AcquisitionChannel("referral", 0.08, 1.15, 20, List.of(subscribe(1)), 0, 0, 0),
            new AcquisitionChannel("direct", 0.12, 1.10, 0, List.of(home(1)), 0, 0, 0));

    private static final List<SpendLine> SPEND_LINES = List.of(
            new SpendLine("paid_social", "marketing", "ads", SpendCadence.DAILY, "USD", 0.80),
            new SpendLine("paid_social", "marketing", "ads", SpendCadence.DAILY, "EUR", 0.10),
            new SpendLine("paid_social", "marketing", "other", SpendCadence.MONTHLY, "USD", 0.10),
            new SpendLine("paid_search", "marketing", "ads", SpendCadence.DAILY, "USD", 0.88),
            new SpendLine("paid_search", "marketing", "ads", SpendCadence.DAILY, "GBP", 0.12),
            new SpendLine("influencer", "marketing", "content", SpendCadence.DAILY, "USD", 0.80),
            new SpendLine("influencer", "marketing", "trial_costs", SpendCadence.MONTHLY, "USD", 0.20),
            new SpendLine("email", "marketing", "tools", SpendCadence.MONTHLY, "USD", 1.0),
            new SpendLine("organic_search", "marketing", "content", SpendCadence.MONTHLY, "USD", 1.0),
            new SpendLine("referral", "marketing", "other", SpendCadence.MONTHLY, "USD", 1.0));

    private static List<PlanTier> tiers(double petite, double classic, double grand) {
        return List.of(new PlanTier("Petite", petite, 0.35), new PlanTier("Classic", classic, 0.50),
                new PlanTier("Grand", grand, 0.15));
    }

    private static final SubscriptionTerms SUBSCRIPTIONS = new SubscriptionTerms(
            List.of(new PlanFamily("%s Weekly", BillingCadence.WEEK, 0.07, 0.065, tiers(24, 34, 52)),
                    new PlanFamily("%s Monthly", BillingCadence.MONTH, 0.50, 0.045, tiers(39, 55, 85)),
                    new PlanFamily("%s Quarterly", BillingCadence.QUARTER, 0.18, 0.032, tiers(110, 155, 240)),
                    new PlanFamily("%s Annual", BillingCadence.YEAR, 0.15, 0.020, tiers(420, 590, 900)),
                    new PlanFamily("%s Monthly (2021 plan)", BillingCadence.ISO_MONTH, 0.06, 0.035,
                            tiers(35, 49, 79)),
                    new PlanFamily("%s Quarterly (2021 plan)", BillingCadence.ISO_QUARTER, 0.04, 0.030,
                            tiers(99, 139, 219))),
            true, 0, 0, 0.25, 14, 0.30, 1.5, 0.20, 0.25, 2, 0.015, 0.018, 0.06,
            List.of(Weighted.of("price", 30), Weighted.of("too_many_flowers", 25), Weighted.of("moved", 10),
                    Weighted.of("delivery_issues", 15), Weighted.of("other", 20)),
            Map.of("too_many_flowers", 0.40, "other", 0.20, "price", 0.10, "moved", 0.10, "delivery_issues", 0.05),
            6, 0.05);

    private static final List<Weighted<Double>> GIFTS = List.of(Weighted.of(49.0, 3), Weighted.of(65.0, 2),
            Weighted.of(95.0, 1.5), Weighted.of(110.0, 0.7), Weighted.of(35.0, 2.5));
    private static final double ROSES_DOZEN = 79;
    private static final List<Weighted<Double>> ADD_ONS = List.of(Weighted.of(24.0, 3), Weighted.of(18.0, 4),
            Weighted.of(6.0, 3), Weighted.of(22.0, 2));

    private final Timeline timeline;

    BloomBox(Timeline timeline) {
        this.timeline = timeline;
    }

    private static LandingPage subscribe(double weight) {
        return LandingPage.always("/subscribe", weight, 0.035);
    }

    private static LandingPage gifts(double weight) {
        return LandingPage.always("/gifts", weight, 0.03);
    }

    private static LandingPage bouquets(double weight) {
        return LandingPage.always("/shop/bouquets", weight, 0.028);
    }

    private static LandingPage home(double weight) {
        return LandingPage.always("/", weight, 0.02);
    }

    private static LocalDate valentinesDay(int year) {
        return LocalDate.of(year, 2, 14);
    }

    /** US Mother's Day: the second Sunday of May. */
    private static LocalDate mothersDay(int year) {
        return LocalDate.of(year, 5, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SUNDAY));
    }

    private static boolean isValentinesSeason(LocalDate day) {
        long daysBefore = ChronoUnit.DAYS.between(day, valentinesDay(day.getYear()));
        return daysBefore >= 0 && daysBefore <= 25;
    }

    private static boolean isMothersDaySeason(LocalDate day) {
        long daysBefore = ChronoUnit.DAYS.between(day, mothersDay(day.getYear()));
        return daysBefore >= 0 && daysBefore <= 21;
    }

    private static boolean isHolidaySeason(LocalDate day) {
        return day.getMonthValue() == 11 && day.getDayOfMonth() >= 15
                || day.getMonthValue() == 12 && day.getDayOfMonth() <= 24;
    }

    /** Gift peaks: the days just before Valentine's Day and Mother's Day, and the weeks before Christmas. */
    private static double holidayBoost(LocalDate day) {
        long beforeValentines = ChronoUnit.DAYS.between(day, valentinesDay(day.getYear()));
        if (beforeValentines >= 0 && beforeValentines <= 10) {
            return 1 + 3.2 * Math.exp(-beforeValentines / 2.2);
        }
        if (beforeValentines == -1 || beforeValentines == -2) {
            return 0.8;
        }
        long beforeMothersDay = ChronoUnit.DAYS.between(day, mothersDay(day.getYear()));
        if (beforeMothersDay >= 0 && beforeMothersDay <= 10) {
            return 1 + 2.4 * Math.exp(-beforeMothersDay / 2.5);
        }
        if (day.getMonthValue() == 12 && day.getDayOfMonth() >= 10 && day.getDayOfMonth() <= 23) {
            return 1.35;
        }
        if (day.getMonthValue() == 12 && (day.getDayOfMonth() == 25 || day.getDayOfMonth() == 26)) {
            return 0.5;
        }
        return 1;
    }

    @Override
    public String homeCurrency() {
        return "USD";
    }

    @Override
    public List<String> currencies() {
        return List.of("USD", "EUR", "GBP");
    }

    @Override
    public String segment() {
        return "b2c";
    }

    @Override
    public Identifiers identifiers() {
        return new Identifiers(new KeyFormat("cus_", 6), new KeyFormat("ord_", 7), new KeyFormat("ref_", 6),
                new KeyFormat("sub_", 6), new KeyFormat("lead_", 6));
    }

    @Override
    public List<Market> markets() {
        return MARKETS;
    }

    @Override
    public double growth(LocalDate day) {
        return Math.pow(ANNUAL_GROWTH, timeline.yearsSinceStart(day));
    }

    @Override
    public double seasonality(LocalDate day) {
        return DEMAND_BY_MONTH[day.getMonthValue() - 1] * DEMAND_BY_WEEKDAY[day.getDayOfWeek().ordinal()]
                * holidayBoost(day);
    }

    @Override
    public LocalDateTime purchaseInstant(LocalDate day, RandomSource random) {
        return day.atTime(random.pickIndex(PURCHASES_BY_HOUR), random.between(0, 59), random.between(0, 59));
    }

    @Override
    public LocalDateTime officeInstant(LocalDate day, RandomSource random) {
        return purchaseInstant(day, random);
    }

    @Override
    public LocalDateTime recordCreatedBefore(LocalDateTime signupAt, RandomSource random) {
        return signupAt.minusMinutes(random.between(1, 20)).minusSeconds(random.between(0, 59));
    }

    @Override
    public List<AcquisitionChannel> channels() {
        return CHANNELS;
    }

    @Override
    public double channelWeight(AcquisitionChannel channel, LocalDate day) {
        return channel.share() * Math.pow(channel.yearlyTrend(), timeline.yearsSinceStart(day));
    }

    @Override
    public double unrecordedChannelShare() {
        return 0.03;
    }

    @Override
    public List<MarketingEvent> marketingEvents() {
        return List.of();
    }

    @Override
    public List<SpendLine> spendLines() {
        return SPEND_LINES;
    }

    @Override
    public List<Weighted<String>> returningChannels() {
        return List.of(Weighted.of("email", 0.35), Weighted.of("direct", 0.25), Weighted.of("organic_search", 0.15),
                Weighted.of("paid_social", 0.15), Weighted.of("paid_search", 0.10));
    }

    @Override
    public String winBackChannel() {
        return "email";
    }

    @Override
    public double accountSize(RandomSource random) {
        return 1;
    }

    @Override
    public double repeatOrdersPerDay(SimulatedCustomer customer, RandomSource random) {
        double daysBetweenGifts = customer.subscriber() ? 320 : 120;
        return random.logNormal(1, 0.5) / daysBetweenGifts;
    }

    @Override
    public double repeatLifetimeDays(SimulatedCustomer customer, RandomSource random) {
        return random.exponential(customer.subscriber() ? 540 : 330);
    }

    /** A bouquet (roses before Valentine's Day), sometimes with an add-on, at the local list price. */
    @Override
    public BigDecimal oneTimeAmount(SimulatedCustomer customer, LocalDate day, boolean firstPurchase,
            RandomSource random) {
        boolean roses = random.chance(isValentinesSeason(day) ? 0.6 : 0.15);
        double price = roses ? ROSES_DOZEN : random.pick(GIFTS);
        BigDecimal amount = Currencies.localPrice(price, "USD", customer.currency());
        return random.chance(GIFT_ADD_ON_SHARE) ? amount.add(addOnAmount(customer.currency(), random)) : amount;
    }

    /** A vase, chocolates, a card or a candle. */
    @Override
    public BigDecimal addOnAmount(String currency, RandomSource random) {
        return Currencies.localPrice(random.pick(ADD_ONS), "USD", currency);
    }

    @Override
    public OrderTerms orderTerms() {
        return new OrderTerms(0.12, 0.025, 0.025, 0.4, 10, 0.01, 0.008);
    }

    @Override
    public SubscriptionTerms subscriptionTerms() {
        return SUBSCRIPTIONS;
    }

    @Override
    public LeadTerms leadTerms() {
        return new LeadTerms(0.10, 0.5, 6, 0.9, 0.04);
    }

    @Override
    public CustomerIdentity identity(SimulatedCustomer customer, RandomSource random) {
        String name = Names.person(random);
        return new CustomerIdentity(name, Names.mailbox(name) + (customer.index() + 1) + "@example.com", null);
    }
}
