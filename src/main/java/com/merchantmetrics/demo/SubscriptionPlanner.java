package com.merchantmetrics.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.merchantmetrics.demo.ProfileModel.PlanFamily;
import com.merchantmetrics.demo.ProfileModel.PlanTier;
import com.merchantmetrics.demo.ProfileModel.SubscriptionTerms;

/**
 * Plays out the life of every subscription up to the last generated day: trial, renewals, upgrades, downgrades,
 * annual price increases, retention offers to customers about to cancel, cancellation with a reason and, for some,
 * a new subscription months later (a pause ends as a reactivation).
 */
final class SubscriptionPlanner {

    private static final int MAX_REACTIVATIONS = 2;
    private static final double EARLY_LIFE_MONTHS = 3;
    private static final double SAME_PLAN_ON_REACTIVATION = 0.5;

    private final ProfileModel profile;
    private final SubscriptionTerms terms;
    private final Timeline timeline;
    private final RandomSource random;
    private final List<Weighted<PlanFamily>> families;

    SubscriptionPlanner(ProfileModel profile, Timeline timeline, RandomSource random) {
        this.profile = profile;
        this.terms = profile.subscriptionTerms();
        this.timeline = timeline;
        this.random = random;
        this.families = terms.families().stream().map(family -> Weighted.of(family, family.weight())).toList();
    }

    /**
     * Subscriptions of all subscribing customers, numbered in the order they start. Records the first purchase of
     * customers whose first purchase is their first subscription charge.
     */
    List<SimulatedSubscription> plan(List<SimulatedCustomer> customers) {
        List<SimulatedSubscription> subscriptions = new ArrayList<>();
        for (SimulatedCustomer customer : customers) {
            if (customer.subscriber()) {
                planCustomer(customer, subscriptions);
            }
        }
        subscriptions.sort(Comparator.comparing(SimulatedSubscription::startsAt)
                .thenComparingInt(subscription -> subscription.customer().index()));
        for (int i = 0; i < subscriptions.size(); i++) {
            subscriptions.get(i).assignId(profile.identifiers().subscription().format(i + 1));
        }
        return subscriptions;
    }

    private void planCustomer(SimulatedCustomer customer, List<SimulatedSubscription> subscriptions) {
        LocalDateTime start = firstStart(customer);
        if (start == null) {
            return;
        }
        SimulatedSubscription subscription = playOut(customer, start, random.pick(families),
                random.chance(terms.trialShare()), false);
        subscriptions.add(subscription);
        if (terms.subscriptionIsFirstPurchase()) {
            customer.recordFirstPurchase(subscription.chargeAt(0, timeline.end()), false);
        }
        for (int n = 0; n < MAX_REACTIVATIONS; n++) {
            LocalDateTime restart = reactivationStart(subscription);
            if (restart == null) {
                return;
            }
            PlanFamily family = random.chance(SAME_PLAN_ON_REACTIVATION) ? subscription.family()
                    : random.pick(families);
            subscription = playOut(customer, restart, family, false, true);
            subscriptions.add(subscription);
        }
    }

    private LocalDateTime firstStart(SimulatedCustomer customer) {
        if (terms.maxStartDelayDays() == 0) {
            return customer.signupAt();
        }
        LocalDate day = customer.signupAt().toLocalDate()
                .plusDays(random.between(terms.minStartDelayDays(), terms.maxStartDelayDays()));
        return timeline.contains(day) ? profile.purchaseInstant(day, random) : null;
    }

    private LocalDateTime reactivationStart(SimulatedSubscription ended) {
        if (ended.endsAt() == null) {
            return null;
        }
        String reason = ended.periods().get(ended.periods().size() - 1).cancelReason();
        if (reason == null || !random.chance(terms.reactivationChanceByReason().getOrDefault(reason, 0.0))) {
            return null;
        }
        LocalDate day = ended.endsAt().toLocalDate()
                .plusMonths(random.between(1, terms.maxReactivationGapMonths()))
                .plusDays(random.between(0, 27));
        return timeline.contains(day) ? profile.purchaseInstant(day, random) : null;
    }

    private SimulatedSubscription playOut(SimulatedCustomer customer, LocalDateTime start, PlanFamily family,
            boolean trial, boolean reactivation) {
        Lifecycle lifecycle = new Lifecycle(customer, family, start, trial);
        lifecycle.run();
        return new SimulatedSubscription(customer, family, lifecycle.periods, lifecycle.firstBilledAt, reactivation);
    }

    /** The state of one subscription while its renewals are played out. */
    private final class Lifecycle {

        private final SimulatedCustomer customer;
        private final PlanFamily family;
        private final LocalDateTime firstBilledAt;
        private final List<SubscriptionPeriod> periods = new ArrayList<>();
        private int tier;
        private BigDecimal listPrice;
        private String plan;
        private BigDecimal amount;
        private LocalDateTime periodStart;
        private LocalDateTime trialEndsAt;
        private boolean retentionOffer;

        Lifecycle(SimulatedCustomer customer, PlanFamily family, LocalDateTime start, boolean trial) {
            this.customer = customer;
            this.family = family;
            this.trialEndsAt = trial ? start.plusDays(terms.trialDays()) : null;
            this.firstBilledAt = trial ? trialEndsAt : start;
            this.tier = pickTier();
            this.listPrice = tierPrice();
            this.plan = family.planName(tier);
            this.amount = listPrice;
            this.periodStart = start;
        }

        void run() {
            if (trialEndsAt != null && random.chance(terms.trialCancelShare())) {
                if (trialEndsAt.isBefore(timeline.end())) {
                    end(trialEndsAt, random.pick(terms.cancelReasons()));
                } else {
                    keepRunning();
                }
                return;
            }
            int offerRenewalsLeft = 0;
            boolean offerUsed = false;
            for (int renewal = 1;; renewal++) {
                LocalDateTime at = family.cadence().renewal(firstBilledAt, renewal);
                if (!at.isBefore(timeline.end())) {
                    keepRunning();
                    return;
                }
                if (offerRenewalsLeft > 0) {
                    if (--offerRenewalsLeft == 0) {
                        change(at, plan, listPrice, false);
                    }
                } else if (random.chance(perPeriod(cancelHazard(renewal)))) {
                    if (offerUsed || !random.chance(terms.retentionAcceptShare())) {
                        end(at, random.pick(terms.cancelReasons()));
                        return;
                    }
                    offerUsed = true;
                    offerRenewalsLeft = offerRenewals();
                    change(at, plan, discounted(listPrice), true);
                } else {
                    changeAtRenewal(at);
                }
            }
        }

        private void changeAtRenewal(LocalDateTime at) {
            if (tier < family.tiers().size() - 1 && random.chance(perPeriod(terms.monthlyUpgradeChance()))) {
                tier++;
                changeTier(at);
            } else if (tier > 0 && random.chance(perPeriod(terms.monthlyDowngradeChance()))) {
                tier--;
                changeTier(at);
            } else if (family.cadence() == BillingCadence.YEAR) {
                listPrice = Money.wholeUnits(listPrice.doubleValue() * (1 + terms.annualPriceIncrease()));
                change(at, plan, listPrice, false);
            }
        }

        private double cancelHazard(int renewal) {
            boolean early = renewal * family.cadence().monthsPerPeriod() <= EARLY_LIFE_MONTHS;
            return family.monthlyChurn() * (early ? terms.earlyChurnMultiplier() : 1);
        }

        /** A monthly probability turned into the probability over one billing period. */
        private double perPeriod(double monthlyProbability) {
            return 1 - Math.pow(1 - monthlyProbability, family.cadence().monthsPerPeriod());
        }

        private int offerRenewals() {
            return (int) Math.max(1, Math.round(terms.retentionMonths() / family.cadence().monthsPerPeriod()));
        }

        private int pickTier() {
            List<PlanTier> tiers = family.tiers();
            double[] weights = new double[tiers.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = tiers.get(i).weight();
            }
            return random.pickIndex(weights);
        }

        private BigDecimal tierPrice() {
            return Currencies.localPrice(family.tiers().get(tier).homePrice(), profile.homeCurrency(),
                    customer.currency());
        }

        private BigDecimal discounted(BigDecimal price) {
            return Money.cents(price.doubleValue() * (1 - terms.retentionDiscount()));
        }

        private void changeTier(LocalDateTime at) {
            listPrice = tierPrice();
            change(at, family.planName(tier), listPrice, false);
        }

        /** Closes the current period at the instant and opens the next one there. */
        private void change(LocalDateTime at, String newPlan, BigDecimal newAmount, boolean newRetentionOffer) {
            periods.add(new SubscriptionPeriod(plan, periodStart, at, amount, trialEndsAt, null, retentionOffer));
            periodStart = at;
            plan = newPlan;
            amount = newAmount;
            retentionOffer = newRetentionOffer;
            trialEndsAt = null;
        }

        private void end(LocalDateTime at, String cancelReason) {
            periods.add(new SubscriptionPeriod(plan, periodStart, at, amount, trialEndsAt, cancelReason,
                    retentionOffer));
        }

        private void keepRunning() {
            periods.add(new SubscriptionPeriod(plan, periodStart, null, amount, trialEndsAt, null, retentionOffer));
        }
    }
}
