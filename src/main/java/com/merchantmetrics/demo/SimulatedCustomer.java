package com.merchantmetrics.demo;

import java.time.LocalDateTime;

import com.merchantmetrics.demo.ProfileModel.AcquisitionChannel;
import com.merchantmetrics.demo.ProfileModel.LandingPage;
import com.merchantmetrics.demo.ProfileModel.Market;

/** One customer of the simulation: how they arrived and when they first paid. */
final class SimulatedCustomer {

    private final int index;
    private final String id;
    private final LocalDateTime signupAt;
    private final AcquisitionChannel channel;
    private final LandingPage landingPage;
    private final boolean channelRecorded;
    private final Boolean marketingOriginated;
    private final Market market;
    private final boolean subscriber;
    private final double accountSize;
    private final Lead lead;
    private final LocalDateTime createdAt;
    private LocalDateTime firstPurchaseAt;
    private boolean firstPurchaseIsOneTimeOrder;

    /** The lead a customer came through; a null channel is written blank ("not set"). */
    record Lead(LocalDateTime createdAt, String channel) {
    }

    SimulatedCustomer(int index, String id, LocalDateTime signupAt, AcquisitionChannel channel,
            LandingPage landingPage, boolean channelRecorded, Boolean marketingOriginated, Market market,
            boolean subscriber, double accountSize, Lead lead, LocalDateTime createdAt) {
        this.index = index;
        this.id = id;
        this.signupAt = signupAt;
        this.channel = channel;
        this.landingPage = landingPage;
        this.channelRecorded = channelRecorded;
        this.marketingOriginated = marketingOriginated;
        this.market = market;
        this.subscriber = subscriber;
        this.accountSize = accountSize;
        this.lead = lead;
        this.createdAt = createdAt;
    }

    int index() {
        return index;
    }

    String id() {
        return id;
    }

    /** The visit or sales deal that made them a customer, or started their first trial. */
    LocalDateTime signupAt() {
        return signupAt;
    }

    AcquisitionChannel channel() {
        return channel;
    }

    /** Null when the channel has no web pages (sales, trade shows). */
    LandingPage landingPage() {
        return landingPage;
    }

    /** False when the customer file leaves acquisition_channel blank. */
    boolean channelRecorded() {
        return channelRecorded;
    }

    Boolean marketingOriginated() {
        return marketingOriginated;
    }

    String country() {
        return market.country();
    }

    String currency() {
        return market.currency();
    }

    boolean subscriber() {
        return subscriber;
    }

    double accountSize() {
        return accountSize;
    }

    /** Null when the customer did not come through a lead. */
    Lead lead() {
        return lead;
    }

    LocalDateTime createdAt() {
        return createdAt;
    }

    /** The first completed order with a positive amount, or null if it falls after the generated range. */
    LocalDateTime firstPurchaseAt() {
        return firstPurchaseAt;
    }

    /** Whether the first purchase is a one-time order rather than the first charge of a subscription. */
    boolean firstPurchaseIsOneTimeOrder() {
        return firstPurchaseIsOneTimeOrder;
    }

    void recordFirstPurchase(LocalDateTime at, boolean oneTimeOrder) {
        this.firstPurchaseAt = at;
        this.firstPurchaseIsOneTimeOrder = oneTimeOrder;
    }
}
