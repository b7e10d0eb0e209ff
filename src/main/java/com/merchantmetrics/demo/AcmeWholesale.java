package com.merchantmetrics.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Acme Wholesale": supplies hotels, caterers and offices across Europe and the US. Accounts are won by the sales
 * team, at trade shows, through search and referrals; they reorder every few weeks, more and bigger in Q4, are
 * invoiced in EUR, GBP or USD, get credit notes for damaged goods, and some sign a supply-plan contract.
 */
final class AcmeWholesale implements ProfileModel {

    private static final String TRADE_SHOW = "trade_show";
    private static final double ANNUAL_GROWTH = 1.45;
    private static final double TYPICAL_ORDER_EUR = 3200;
    private static final double FIRST_ORDER_SIZE = 0.6;
    private static final double[] DEMAND_BY_MONTH = { 0.80, 0.88, 1.00, 0.97, 1.00, 0.95, 0.82, 0.70, 1.05, 1.22,
        1.38, 1.12 };
    private static final double[] ORDER_SIZE_BY_MONTH = { 0.90, 0.90, 1.00, 1.00, 1.00, 0.95, 0.90, 0.85, 1.00, 1.12,
        1.25, 1.15 };
    private static final double[] DEMAND_BY_WEEKDAY = { 1.05, 1.05, 1.00, 1.00, 0.85, 0.06, 0.03 };
    private static final MonthDay CHRISTMAS_BREAK_START = MonthDay.of(Month.DECEMBER, 24);
    private static final MonthDay CHRISTMAS_BREAK_END = MonthDay.of(Month.JANUARY, 1);
    private static final double CHRISTMAS_BREAK_DEMAND = 0.15;

    private static final List<Market> MARKETS = List.of(
            new Market("DE", "EUR", 20), new Market("FR", "EUR", 11), new Market("NL", "EUR", 8),
            new Market("BE", "EUR", 4), new Market("AT", "EUR", 4), new Market("IT", "EUR", 7),
            new Market("ES", "EUR", 6), new Market("IE", "EUR", 2), new Market("SE", "EUR", 3),
            new Market("PL", "EUR", 3), new Market("DK", "EUR", 2), new Market("GB", "GBP", 14),
            new Market("US", "USD", 16));

    private static final List<AcquisitionChannel> CHANNELS = List.of(
            new AcquisitionChannel("sales_outbound", 0.30, 1.00, 3200, List.of(), 0.12, 0.0, 0.8),
            new AcquisitionChannel("referral", 0.14, 1.10, 900, List.of(), 0.35, 0.0, 0.3),
            new AcquisitionChannel("paid_search", 0.20, 1.00, 2100, List.of(
                    LandingPage.always("/wholesale", 0.50, 0.002),
                    LandingPage.always("/request-quote", 0.35, 0.008),
                    LandingPage.always("/catalog", 0.15, 0.0015)), 0.10, 0.85, 0.0),
            new AcquisitionChannel("organic_search", 0.18, 1.25, 700, List.of(
                    LandingPage.always("/", 0.30, 0.0015),
                    LandingPage.always("/catalog", 0.30, 0.002),
                    LandingPage.always("/blog/sourcing-guide", 0.40, 0.0004)), 0.14, 0.6, 0.0),
            new AcquisitionChannel(TRADE_SHOW, 0.15, 1.00, 2600, List.of(), 0.18, 0.7, 0.1),
            new AcquisitionChannel("direct", 0.03, 1.00, 0, List.of(LandingPage.always("/", 1, 0.003)), 0, 0, 0));

    private static final List<SpendLine> SPEND_LINES = List.of(
            new SpendLine("paid_search", "marketing", "ads", SpendCadence.DAILY, "EUR", 0.85),
            new SpendLine("paid_search", "marketing", "ads", SpendCadence.DAILY, "GBP", 0.15),
            new SpendLine("organic_search", "marketing", "content", SpendCadence.MONTHLY, "EUR", 1.0),
            new SpendLine("referral", "marketing", "other", SpendCadence.MONTHLY, "EUR", 1.0),
            new SpendLine("sales_outbound", "sales", "salaries", SpendCadence.MONTHLY, "EUR", 0.78),
            new SpendLine("sales_outbound", "sales", "salaries", SpendCadence.MONTHLY, "GBP", 0.14),
            new SpendLine("sales_outbound", "sales", "tools", SpendCadence.MONTHLY, "EUR", 0.08),
            new SpendLine(TRADE_SHOW, "marketing", "other", SpendCadence.PER_EVENT, null, 1.0));

    private static final List<PlanTier> QUARTERLY_TIERS = List.of(new PlanTier("Basic", 1450, 0.50),
            new PlanTier("Plus", 2900, 0.35), new PlanTier("Premium", 5400, 0.15));
    private static final List<PlanTier> HALF_YEARLY_TIERS = List.of(new PlanTier("Basic", 2810, 0.50),
            new PlanTier("Plus", 5630, 0.35), new PlanTier("Premium", 10480, 0.15));
    private static final List<PlanTier> ANNUAL_TIERS = List.of(new PlanTier("Basic", 5340, 0.50),
            new PlanTier("Plus", 10670, 0.35), new PlanTier("Premium", 19870, 0.15));

    private static final SubscriptionTerms SUPPLY_PLANS = new SubscriptionTerms(
            List.of(new PlanFamily("Supply Plan %s, billed quarterly", BillingCadence.QUARTER, 0.55, 0.016,
                    QUARTERLY_TIERS),
                    new PlanFamily("Supply Plan %s, billed half-yearly", BillingCadence.HALF_YEAR, 0.15, 0.013,
                            HALF_YEARLY_TIERS),
                    new PlanFamily("Supply Plan %s, billed annually", BillingCadence.YEAR, 0.30, 0.010,
                            ANNUAL_TIERS)),
            false, 7, 120, 0.15, 30, 0.25, 1.5, 0.25, 0.10, 3, 0.012, 0.006, 0.04,
            List.of(Weighted.of("switched_supplier", 35), Weighted.of("budget", 30),
                    Weighted.of("closed_business", 15), Weighted.of("other", 20)),
            Map.of("budget", 0.15, "other", 0.10, "switched_supplier", 0.05), 9, 0.03);

    private final Timeline timeline;
    private final List<MarketingEvent> tradeShows;
    private final double meanDailyTradeShowResponse;

    AcmeWholesale(Timeline timeline) {
        this.timeline = timeline;
        this.tradeShows = tradeShows(timeline);
        this.meanDailyTradeShowResponse = meanDailyResponse(tradeShows, timeline);
    }

    /** Four shows a year on fixed Tuesdays: Hamburg (EUR), London (GBP), Chicago (USD) and Paris (EUR). */
    private static List<MarketingEvent> tradeShows(Timeline timeline) {
        List<MarketingEvent> shows = new ArrayList<>();
        for (int year = timeline.firstDay().getYear(); year <= timeline.lastDay().getYear(); year++) {
            addShow(shows, timeline, LocalDate.of(year, 3, 1), 2, "EUR");
            addShow(shows, timeline, LocalDate.of(year, 6, 1), 1, "GBP");
            addShow(shows, timeline, LocalDate.of(year, 9, 1), 3, "USD");
            addShow(shows, timeline, LocalDate.of(year, 11, 1), 1, "EUR");
        }
        return List.copyOf(shows);
    }

    private static void addShow(List<MarketingEvent> shows, Timeline timeline, LocalDate month, int tuesday,
            String currency) {
        LocalDate day = month.with(TemporalAdjusters.dayOfWeekInMonth(tuesday, DayOfWeek.TUESDAY));
        if (timeline.contains(day)) {
            shows.add(new MarketingEvent(day, TRADE_SHOW, currency));
        }
    }

    private static double meanDailyResponse(List<MarketingEvent> events, Timeline timeline) {
        double total = 0;
        for (int day = 0; day < timeline.days(); day++) {
            total += response(events, timeline.day(day));
        }
        return total / timeline.days();
    }

    private static double response(List<MarketingEvent> events, LocalDate day) {
        double response = 0;
        for (MarketingEvent event : events) {
            response += event.response(day);
        }
        return response;
    }

    @Override
    public String homeCurrency() {
        return "EUR";
    }

    @Override
    public List<String> currencies() {
        return List.of("EUR", "GBP", "USD");
    }

    @Override
    public String segment() {
        return "b2b";
    }

    @Override
    public Identifiers identifiers() {
        return new Identifiers(new KeyFormat("ACME-C", 5), new KeyFormat("INV-", 7), new KeyFormat("CN-", 6),
                new KeyFormat("ACME-SP", 5), new KeyFormat("LEAD-", 6));
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
        double demand = DEMAND_BY_MONTH[day.getMonthValue() - 1] * DEMAND_BY_WEEKDAY[day.getDayOfWeek().ordinal()];
        MonthDay monthDay = MonthDay.from(day);
        boolean christmasBreak = !monthDay.isBefore(CHRISTMAS_BREAK_START) || !monthDay.isAfter(CHRISTMAS_BREAK_END);
        return christmasBreak ? demand * CHRISTMAS_BREAK_DEMAND : demand;
    }

    /** Invoices and contracts carry a date only. */
    @Override
    public LocalDateTime purchaseInstant(LocalDate day, RandomSource random) {
        return day.atStartOfDay();
    }

    @Override
    public LocalDateTime officeInstant(LocalDate day, RandomSource random) {
        return day.atTime(random.between(8, 18), random.between(0, 59), random.between(0, 59));
    }

    @Override
    public LocalDateTime recordCreatedBefore(LocalDateTime signupAt, RandomSource random) {
        return officeInstant(signupAt.toLocalDate().minusDays(random.between(1, 10)), random);
    }

    @Override
    public List<AcquisitionChannel> channels() {
        return CHANNELS;
    }

    @Override
    public double channelWeight(AcquisitionChannel channel, LocalDate day) {
        if (channel.name().equals(TRADE_SHOW)) {
            return meanDailyTradeShowResponse == 0 ? 0
                    : channel.share() * response(tradeShows, day) / meanDailyTradeShowResponse;
        }
        return channel.share() * Math.pow(channel.yearlyTrend(), timeline.yearsSinceStart(day));
    }

    @Override
    public double unrecordedChannelShare() {
        return 0.05;
    }

    @Override
    public List<MarketingEvent> marketingEvents() {
        return tradeShows;
    }

    @Override
    public List<SpendLine> spendLines() {
        return SPEND_LINES;
    }

    /** Accounts reorder through their account manager or EDI, not through a tracked visit. */
    @Override
    public List<Weighted<String>> returningChannels() {
        return List.of();
    }

    @Override
    public String winBackChannel() {
        return null;
    }

    @Override
    public double accountSize(RandomSource random) {
        return Math.min(25, Math.max(0.08, random.logNormal(1, 0.9)));
    }

    @Override
    public double repeatOrdersPerDay(SimulatedCustomer customer, RandomSource random) {
        double daysBetweenOrders = Math.min(180, Math.max(7, random.logNormal(30, 0.45)));
        return 1 / daysBetweenOrders;
    }

    @Override
    public double repeatLifetimeDays(SimulatedCustomer customer, RandomSource random) {
        return random.exponential(1100);
    }

    @Override
    public BigDecimal oneTimeAmount(SimulatedCustomer customer, LocalDate day, boolean firstPurchase,
            RandomSource random) {
        double euros = TYPICAL_ORDER_EUR * customer.accountSize() * ORDER_SIZE_BY_MONTH[day.getMonthValue() - 1]
                * random.logNormal(1, 0.3) * (firstPurchase ? FIRST_ORDER_SIZE : 1);
        return Money.cents(Math.max(50, Currencies.convert(euros, "EUR", customer.currency())));
    }

    /** The one-time setup fee invoiced with the first charge of a supply plan. */
    @Override
    public BigDecimal addOnAmount(String currency, RandomSource random) {
        return Currencies.localPrice(random.logNormal(450, 0.3), "EUR", currency);
    }

    @Override
    public OrderTerms orderTerms() {
        return new OrderTerms(0.35, 0, 0.03, 0.10, 30, 0.006, 0.012);
    }

    @Override
    public SubscriptionTerms subscriptionTerms() {
        return SUPPLY_PLANS;
    }

    @Override
    public LeadTerms leadTerms() {
        return new LeadTerms(0.18, 0.9, 24, 0.7, 0.06);
    }

    @Override
    public CustomerIdentity identity(SimulatedCustomer customer, RandomSource random) {
        String contact = Names.person(random);
        String company = Names.company(customer.country(), random);
        return new CustomerIdentity(contact, Names.mailbox(contact) + "@" + Names.domain(company), company);
    }
}
