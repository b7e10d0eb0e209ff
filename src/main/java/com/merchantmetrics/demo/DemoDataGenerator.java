package com.merchantmetrics.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.merchantmetrics.demo.ProfileModel.CustomerIdentity;

/**
 * Generates a demo merchant's data as canonical upload files (see data-formats.md): customers, orders,
 * subscriptions, marketing_spend, traffic, leads and fx_rates. The same settings always give byte-identical files.
 *
 * <p>Customers and subscriptions are planned in memory (state per customer); orders, spend and traffic are then
 * streamed day by day, so memory stays flat however many orders are asked for.
 */
public final class DemoDataGenerator {

    private DemoDataGenerator() {
    }

    public static GeneratedFiles generate(GeneratorSettings settings, Path outputDirectory) throws IOException {
        Files.createDirectories(outputDirectory);
        Timeline timeline = new Timeline(settings.firstDay(), settings.lastDay());
        ProfileModel profile = ProfileModel.of(settings.profile(), timeline);
        // One independent stream per concern, split in a fixed order, so that each file depends only on the seed.
        RandomSource seed = new RandomSource(settings.seed());
        RandomSource acquisitionRandom = seed.split();
        RandomSource subscriptionRandom = seed.split();
        RandomSource repeatRandom = seed.split();
        RandomSource identityRandom = seed.split();
        RandomSource fxRandom = seed.split();
        RandomSource orderRandom = seed.split();
        RandomSource spendRandom = seed.split();
        RandomSource trafficRandom = seed.split();
        RandomSource leadRandom = seed.split();

        Acquisitions acquisitions = Acquisitions.plan(profile, timeline, settings, acquisitionRandom);
        List<SimulatedCustomer> customers = acquisitions.customers();
        List<SimulatedSubscription> subscriptions = new SubscriptionPlanner(profile, timeline, subscriptionRandom)
                .plan(customers);
        RepeatBuyers repeatBuyers = new RepeatBuyers(profile, timeline, customers, repeatRandom);
        repeatBuyers.allocate(repeatOrderCount(settings, repeatBuyers,
                OrderStream.fixedOrderCount(customers, subscriptions, timeline)));

        Map<Dataset, CsvOutput> written = new EnumMap<>(Dataset.class);
        try (CsvOutput output = CsvOutput.create(outputDirectory, Dataset.CUSTOMERS)) {
            writeCustomers(profile, customers, identityRandom, output);
            written.put(Dataset.CUSTOMERS, output);
        }
        try (CsvOutput output = CsvOutput.create(outputDirectory, Dataset.SUBSCRIPTIONS)) {
            writeSubscriptions(subscriptions, output);
            written.put(Dataset.SUBSCRIPTIONS, output);
        }
        try (CsvOutput output = CsvOutput.create(outputDirectory, Dataset.FX_RATES)) {
            FxRatesWriter.write(profile.currencies(), settings.reportingCurrency(), timeline, fxRandom, output);
            written.put(Dataset.FX_RATES, output);
        }
        try (CsvOutput orders = CsvOutput.create(outputDirectory, Dataset.ORDERS);
                CsvOutput spend = CsvOutput.create(outputDirectory, Dataset.MARKETING_SPEND);
                CsvOutput traffic = CsvOutput.create(outputDirectory, Dataset.TRAFFIC)) {
            OrderStream orderStream = new OrderStream(profile, timeline, customers, subscriptions, repeatBuyers,
                    orderRandom, orders);
            SpendWriter spendWriter = new SpendWriter(profile, timeline, acquisitions, spendRandom, spend);
            TrafficWriter trafficWriter = new TrafficWriter(profile, timeline, acquisitions, repeatBuyers,
                    trafficRandom, traffic);
            for (int day = 0; day < timeline.days(); day++) {
                VisitTally visits = new VisitTally(profile.channels());
                spendWriter.writeDay(day);
                orderStream.writeDay(day, visits);
                trafficWriter.writeDay(day, visits);
            }
            written.put(Dataset.ORDERS, orders);
            written.put(Dataset.MARKETING_SPEND, spend);
            written.put(Dataset.TRAFFIC, traffic);
        }
        if (settings.leadsPerMonth() > 0) {
            try (CsvOutput output = CsvOutput.create(outputDirectory, Dataset.LEADS)) {
                new LeadsWriter(profile, timeline, acquisitions, leadRandom).write(settings.leadsPerMonth(), output);
                written.put(Dataset.LEADS, output);
            }
        }
        return describe(written);
    }

    /** Repeat orders fill the requested total after first purchases and subscription charges. */
    private static long repeatOrderCount(GeneratorSettings settings, RepeatBuyers repeatBuyers, long fixedOrders) {
        if (settings.orders() == 0) {
            return repeatBuyers.naturalOrderCount();
        }
        long repeatOrders = settings.orders() - fixedOrders;
        if (repeatOrders < 0) {
            throw new IllegalArgumentException(String.format(
                    "orders=%d is fewer than the %d first purchases and subscription charges that %d customers and "
                            + "about %d subscriptions bring; ask for more orders or fewer customers or subscriptions",
                    settings.orders(), fixedOrders, settings.customers(), settings.subscriptions()));
        }
        return repeatOrders;
    }

    private static void writeCustomers(ProfileModel profile, List<SimulatedCustomer> customers, RandomSource random,
            CsvOutput output) {
        for (SimulatedCustomer customer : customers) {
            CustomerIdentity identity = profile.identity(customer, random);
            output.write(customer.id(), identity.name(), identity.email(), CsvValues.text(identity.company()),
                    customer.country(), profile.segment(), CsvValues.instant(customer.createdAt()),
                    customer.channelRecorded() ? customer.channel().name() : "",
                    CsvValues.bool(customer.marketingOriginated()));
        }
    }

    private static void writeSubscriptions(List<SimulatedSubscription> subscriptions, CsvOutput output) {
        for (SimulatedSubscription subscription : subscriptions) {
            String currency = subscription.customer().currency();
            String billingPeriod = subscription.family().cadence().code();
            for (SubscriptionPeriod period : subscription.periods()) {
                output.write(subscription.id(), subscription.customer().id(), period.plan(),
                        CsvValues.instant(period.startsAt()), CsvValues.instant(period.endsAt()),
                        CsvValues.money(period.amount()), currency, billingPeriod,
                        CsvValues.instant(period.trialEndsAt()), CsvValues.text(period.cancelReason()),
                        period.retentionOffer() ? "true" : "");
            }
        }
    }

    private static GeneratedFiles describe(Map<Dataset, CsvOutput> written) {
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, Long> rowCounts = new LinkedHashMap<>();
        for (CsvOutput output : written.values()) {
            files.put(output.dataset().key(), output.file());
            rowCounts.put(output.dataset().key(), output.rows());
        }
        return new GeneratedFiles(files, rowCounts);
    }
}
