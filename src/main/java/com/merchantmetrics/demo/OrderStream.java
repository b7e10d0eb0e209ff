package com.merchantmetrics.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import com.merchantmetrics.demo.ProfileModel.AcquisitionChannel;
import com.merchantmetrics.demo.ProfileModel.Identifiers;
import com.merchantmetrics.demo.ProfileModel.LandingPage;
import com.merchantmetrics.demo.ProfileModel.OrderTerms;

/**
 * Writes orders.csv one day at a time: first purchases, subscription charges, refunds due and repeat orders.
 * Only the current day's rows, the next charge of each subscription and the refunds not yet due are held, so
 * memory does not grow with the number of orders.
 */
final class OrderStream {

    private static final String COMPLETED = "completed";
    private static final String REFUNDED = "refunded";
    private static final String CANCELLED = "cancelled";
    private static final double MIN_PARTIAL_REFUND = 0.15;
    private static final double MAX_PARTIAL_REFUND = 0.5;

    private final ProfileModel profile;
    private final OrderTerms terms;
    private final Identifiers identifiers;
    private final Timeline timeline;
    private final List<SimulatedCustomer> customers;
    private final RepeatBuyers repeatBuyers;
    private final RandomSource random;
    private final CsvOutput output;
    private final DayBuckets firstOneTimeOrders;
    private final List<Weighted<AcquisitionChannel>> returningChannels;
    private final AcquisitionChannel winBackChannel;
    /** The next charge of every running subscription, filed under the day it falls on. */
    private final List<List<Charge>> chargesByDay;
    private final PriorityQueue<PendingRefund> refunds = new PriorityQueue<>(
            Comparator.comparingInt(PendingRefund::dueDay).thenComparingLong(PendingRefund::sequence));
    private long ordersWritten;
    private long refundsWritten;
    private long refundsScheduled;

    private record Charge(SimulatedSubscription subscription, int number, LocalDateTime at) {
    }

    /** A refund of part or all of an earlier order, issued as its own row once due. */
    private record PendingRefund(int dueDay, long sequence, SimulatedCustomer customer, BigDecimal amount,
            boolean ofSubscription) {
    }

    private record OrderRow(LocalDateTime at, SimulatedCustomer customer, BigDecimal oneTimeAmount,
            BigDecimal subscriptionAmount, String channel, String landingPage, String status, boolean refund) {

        BigDecimal amount() {
            if (oneTimeAmount == null) {
                return subscriptionAmount;
            }
            return subscriptionAmount == null ? oneTimeAmount : oneTimeAmount.add(subscriptionAmount);
        }

        String type() {
            if (oneTimeAmount != null && subscriptionAmount != null) {
                return "mixed";
            }
            return subscriptionAmount != null ? "subscription" : "one_time";
        }

        boolean completedPurchase() {
            return !refund && status.equals(COMPLETED) && amount().signum() > 0;
        }
    }

    OrderStream(ProfileModel profile, Timeline timeline, List<SimulatedCustomer> customers,
            List<SimulatedSubscription> subscriptions, RepeatBuyers repeatBuyers, RandomSource random,
            CsvOutput output) {
        this.profile = profile;
        this.terms = profile.orderTerms();
        this.identifiers = profile.identifiers();
        this.timeline = timeline;
        this.customers = customers;
        this.repeatBuyers = repeatBuyers;
        this.random = random;
        this.output = output;
        this.firstOneTimeOrders = new DayBuckets(timeline.days(), firstOneTimeOrderDays(customers, timeline));
        this.returningChannels = profile.returningChannels().stream()
                .map(option -> Weighted.of(channel(option.value()), option.weight()))
                .toList();
        this.winBackChannel = profile.winBackChannel() == null ? null : channel(profile.winBackChannel());
        this.chargesByDay = new ArrayList<>(timeline.days());
        for (int day = 0; day < timeline.days(); day++) {
            chargesByDay.add(new ArrayList<>());
        }
        for (SimulatedSubscription subscription : subscriptions) {
            scheduleCharge(subscription, 0);
        }
    }

    /** Orders the customers and subscriptions bring whatever the number of repeat orders. */
    static long fixedOrderCount(List<SimulatedCustomer> customers, List<SimulatedSubscription> subscriptions,
            Timeline timeline) {
        long orders = 0;
        for (int day : firstOneTimeOrderDays(customers, timeline)) {
            if (day >= 0) {
                orders++;
            }
        }
        for (SimulatedSubscription subscription : subscriptions) {
            orders += subscription.chargesBefore(timeline.end());
        }
        return orders;
    }

    private static int[] firstOneTimeOrderDays(List<SimulatedCustomer> customers, Timeline timeline) {
        int[] days = new int[customers.size()];
        for (SimulatedCustomer customer : customers) {
            boolean oneTimeOrder = customer.firstPurchaseAt() != null && customer.firstPurchaseIsOneTimeOrder();
            days[customer.index()] = oneTimeOrder ? timeline.indexOf(customer.firstPurchaseAt()) : -1;
        }
        return days;
    }

    private AcquisitionChannel channel(String name) {
        return profile.channels().get(profile.channelIndex(name));
    }

    void writeDay(int day, VisitTally visits) {
        repeatBuyers.startDay(day);
        LocalDate date = timeline.day(day);
        List<OrderRow> rows = new ArrayList<>();
        addFirstOneTimeOrders(day, date, rows);
        addSubscriptionCharges(day, date, rows, visits);
        int repeatOrders = repeatBuyers.ordersOn(day);
        int refundsIssued = addDueRefunds(day, date, repeatOrders, rows);
        addRepeatOrders(date, repeatOrders - refundsIssued, rows, visits);
        rows.sort(Comparator.comparing(OrderRow::at));
        for (OrderRow row : rows) {
            write(row);
            if (row.completedPurchase() && random.chance(terms.refundShare())) {
                scheduleRefund(day, row);
            }
        }
    }

    private void addFirstOneTimeOrders(int day, LocalDate date, List<OrderRow> rows) {
        for (int n = 0; n < firstOneTimeOrders.size(day); n++) {
            SimulatedCustomer customer = customers.get(firstOneTimeOrders.item(day, n));
            BigDecimal amount = profile.oneTimeAmount(customer, date, true, random);
            rows.add(new OrderRow(customer.firstPurchaseAt(), customer, amount, null, customer.channel().name(),
                    path(customer.landingPage()), COMPLETED, false));
        }
    }

    private void addSubscriptionCharges(int day, LocalDate date, List<OrderRow> rows, VisitTally visits) {
        List<Charge> due = chargesByDay.set(day, null);
        for (Charge charge : due) {
            rows.add(chargeRow(charge, date, visits));
            scheduleCharge(charge.subscription(), charge.number() + 1);
        }
    }

    private void scheduleCharge(SimulatedSubscription subscription, int number) {
        LocalDateTime at = subscription.chargeAt(number, timeline.end());
        if (at != null) {
            chargesByDay.get(timeline.indexOf(at)).add(new Charge(subscription, number, at));
        }
    }

    private OrderRow chargeRow(Charge charge, LocalDate date, VisitTally visits) {
        SimulatedSubscription subscription = charge.subscription();
        SimulatedCustomer customer = subscription.customer();
        BigDecimal amount = subscription.periodAt(charge.at()).amount();
        boolean firstCharge = charge.number() == 0;
        boolean acquiresCustomer = charge.at().equals(customer.firstPurchaseAt())
                && !customer.firstPurchaseIsOneTimeOrder();
        String channel = null;
        String landingPage = null;
        if (acquiresCustomer) {
            channel = customer.channel().name();
            landingPage = path(customer.landingPage());
        } else if (firstCharge && subscription.reactivation() && winBackChannel != null) {
            LandingPage page = winBackChannel.landingPage(date, random);
            visits.count(winBackChannel, page);
            channel = winBackChannel.name();
            landingPage = path(page);
        }
        double mixedShare = firstCharge && !subscription.reactivation() ? terms.mixedShareOfFirstCharges()
                : terms.mixedShareOfRenewals();
        BigDecimal addOn = random.chance(mixedShare) ? profile.addOnAmount(customer.currency(), random) : null;
        boolean refunded = !acquiresCustomer && random.chance(terms.refundedStatusShare());
        return new OrderRow(charge.at(), customer, addOn, amount, channel, landingPage,
                refunded ? REFUNDED : COMPLETED, false);
    }

    /** Issues refunds that are due, using up to {@code slots} of the day's repeat orders; the rest wait a day. */
    private int addDueRefunds(int day, LocalDate date, int slots, List<OrderRow> rows) {
        int issued = 0;
        while (issued < slots && !refunds.isEmpty() && refunds.peek().dueDay() <= day) {
            PendingRefund refund = refunds.poll();
            LocalDateTime at = profile.purchaseInstant(date, random);
            BigDecimal oneTime = refund.ofSubscription() ? null : refund.amount();
            BigDecimal subscription = refund.ofSubscription() ? refund.amount() : null;
            rows.add(new OrderRow(at, refund.customer(), oneTime, subscription, null, null, COMPLETED, true));
            issued++;
        }
        return issued;
    }

    private void addRepeatOrders(LocalDate date, int count, List<OrderRow> rows, VisitTally visits) {
        for (int n = 0; n < count; n++) {
            SimulatedCustomer customer = repeatBuyers.pick(random);
            AcquisitionChannel channel = returningChannels.isEmpty() ? null : random.pick(returningChannels);
            LandingPage page = channel == null ? null : channel.landingPage(date, random);
            if (channel != null) {
                visits.count(channel, page);
            }
            BigDecimal amount = profile.oneTimeAmount(customer, date, false, random);
            rows.add(new OrderRow(profile.purchaseInstant(date, random), customer, amount, null,
                    channel == null ? null : channel.name(), path(page), repeatOrderStatus(), false));
        }
    }

    private String repeatOrderStatus() {
        double draw = random.uniform();
        if (draw < terms.refundedStatusShare()) {
            return REFUNDED;
        }
        return draw < terms.refundedStatusShare() + terms.cancelledStatusShare() ? CANCELLED : COMPLETED;
    }

    /** Refunds the one-time part of an order if it has one (a damaged gift, a credit note), else the charge. */
    private void scheduleRefund(int day, OrderRow row) {
        boolean ofSubscription = row.oneTimeAmount() == null;
        BigDecimal refundable = ofSubscription ? row.subscriptionAmount() : row.oneTimeAmount();
        BigDecimal amount = random.chance(terms.fullRefundShare()) ? refundable
                : Money.cents(refundable.doubleValue() * random.uniform(MIN_PARTIAL_REFUND, MAX_PARTIAL_REFUND));
        if (amount.signum() > 0) {
            int dueDay = day + random.between(1, terms.maxRefundDelayDays());
            refunds.add(new PendingRefund(dueDay, refundsScheduled++, row.customer(), amount.negate(),
                    ofSubscription));
        }
    }

    private void write(OrderRow row) {
        String id = row.refund() ? identifiers.refund().format(++refundsWritten)
                : identifiers.order().format(++ordersWritten);
        output.write(id, row.customer().id(), CsvValues.instant(row.at()), CsvValues.money(row.amount()),
                row.customer().currency(), CsvValues.money(row.oneTimeAmount()),
                CsvValues.money(row.subscriptionAmount()), row.type(), CsvValues.text(row.channel()),
                CsvValues.text(row.landingPage()), row.status());
    }

    private static String path(LandingPage page) {
        return page == null ? null : page.path();
    }
}
