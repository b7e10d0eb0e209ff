package com.merchantmetrics.demo;

import static com.merchantmetrics.demo.GeneratedData.instant;
import static com.merchantmetrics.demo.GeneratedData.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rows agree with each other the way the metrics need them to. */
class GeneratedConsistencyTest {

    @ParameterizedTest
    @EnumSource(DemoProfile.class)
    void periodsOfOneSubscriptionFollowEachOtherWithoutOverlap(DemoProfile profile) {
        Map<String, List<Map<String, String>>> periods = new LinkedHashMap<>();
        for (Map<String, String> row : GeneratedData.demo(profile).table("subscriptions").rows()) {
            periods.computeIfAbsent(row.get("subscription_id"), id -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<String, List<Map<String, String>>> subscription : periods.entrySet()) {
            List<Map<String, String>> rows = subscription.getValue();
            for (int n = 0; n < rows.size(); n++) {
                Map<String, String> row = rows.get(n);
                LocalDateTime startsAt = instant(row.get("starts_at"));
                boolean open = row.get("ends_at").isEmpty();
                assertTrue(!open || n == rows.size() - 1, subscription.getKey() + " has an open row before others");
                assertTrue(open || startsAt.isBefore(instant(row.get("ends_at"))), subscription.getKey() + " row " + n);
                if (n > 0) {
                    LocalDateTime previousEnd = instant(rows.get(n - 1).get("ends_at"));
                    assertFalse(startsAt.isBefore(previousEnd), subscription.getKey() + " overlaps at row " + n);
                    assertEquals("", row.get("trial_ends_at"), subscription.getKey() + " has a trial after row 0");
                    assertEquals(rows.get(0).get("customer_id"), row.get("customer_id"));
                }
            }
            Map<String, String> first = rows.get(0);
            if (!first.get("trial_ends_at").isEmpty()) {
                LocalDateTime trialEnd = instant(first.get("trial_ends_at"));
                assertFalse(trialEnd.isBefore(instant(first.get("starts_at"))), subscription.getKey());
                assertTrue(first.get("ends_at").isEmpty() || !trialEnd.isAfter(instant(first.get("ends_at"))),
                        subscription.getKey() + " trial ends after its first row");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DemoProfile.class)
    void everyOtherCurrencyHasRealisticRatesFromItsFirstUse(DemoProfile profile) {
        GeneratedData demo = GeneratedData.demo(profile);
        String reporting = demo.settings.reportingCurrency();
        Map<String, LocalDate> firstUse = new HashMap<>();
        collectFirstUse(demo.table("orders"), "ordered_at", firstUse);
        collectFirstUse(demo.table("subscriptions"), "starts_at", firstUse);
        collectFirstUse(demo.table("marketing_spend"), "date", firstUse);
        Map<String, LocalDate> firstRate = new HashMap<>();
        Map<String, List<Double>> rates = new HashMap<>();
        for (Map<String, String> row : demo.table("fx_rates").rows()) {
            firstRate.merge(row.get("currency"), LocalDate.parse(row.get("date")), (a, b) -> a.isBefore(b) ? a : b);
            rates.computeIfAbsent(row.get("currency"), c -> new ArrayList<>()).add(Double.parseDouble(row.get("rate")));
        }

        firstUse.remove(reporting);
        assertTrue(firstUse.size() >= 2, "foreign currencies used: " + firstUse.keySet());
        assertFalse(firstRate.containsKey(reporting), "rates for the reporting currency itself");
        for (Map.Entry<String, LocalDate> use : firstUse.entrySet()) {
            LocalDate rateFrom = firstRate.get(use.getKey());
            assertNotNull(rateFrom, "no rates for " + use.getKey());
            assertFalse(rateFrom.isAfter(use.getValue()), use.getKey() + " used before its first rate");
        }
        for (Map.Entry<String, List<Double>> series : rates.entrySet()) {
            double usual = Currencies.convert(1, series.getKey(), reporting);
            double min = series.getValue().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = series.getValue().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertTrue(min > usual * 0.93 && max < usual * 1.07, series.getKey() + " rates " + min + ".." + max);
            assertTrue(max > min, series.getKey() + " rate never moves");
        }
    }

    @Test
    void ratesStartBeforeTheFirstMonthWhenTheRangeStartsMidMonth() {
        GeneratorSettings midMonth = new GeneratorSettings(DemoProfile.B2B_WHOLESALE, 3, LocalDate.of(2024, 3, 17),
                LocalDate.of(2024, 9, 30), 60, 0, 10, 20, "EUR");
        GeneratedData data = GeneratedData.generate(midMonth, "mid-month");

        assertTrue(data.table("marketing_spend").column("date").contains("2024-03"));
        for (String currency : List.of("GBP", "USD")) {
            LocalDate firstRate = data.table("fx_rates").rows().stream()
                    .filter(row -> row.get("currency").equals(currency))
                    .map(row -> LocalDate.parse(row.get("date")))
                    .min(LocalDate::compareTo)
                    .orElseThrow();
            assertFalse(firstRate.isAfter(LocalDate.of(2024, 3, 1)), currency + " rates start " + firstRate);
        }
    }

    @Test
    void eurosAreWorthAboutADollarTen() {
        GeneratedData demo = GeneratedData.demo(DemoProfile.D2C_SUBSCRIPTION);
        for (Map<String, String> row : demo.table("fx_rates").rows()) {
            if (row.get("currency").equals("EUR")) {
                double rate = Double.parseDouble(row.get("rate"));
                assertTrue(rate >= 1.05 && rate <= 1.12, "EUR in USD on " + row.get("date") + ": " + rate);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DemoProfile.class)
    void mixedOrdersAddUpAndRefundsFollowAPurchase(DemoProfile profile) {
        Map<String, LocalDateTime> firstPurchase = new HashMap<>();
        for (Map<String, String> order : GeneratedData.demo(profile).table("orders").rows()) {
            BigDecimal amount = money(order.get("amount"));
            LocalDateTime orderedAt = instant(order.get("ordered_at"));
            if (order.get("type").equals("mixed")) {
                BigDecimal oneTime = money(order.get("one_time_amount"));
                BigDecimal subscription = money(order.get("subscription_amount"));
                assertTrue(oneTime.signum() > 0 && subscription.signum() > 0, order.get("order_id"));
                assertEquals(0, oneTime.add(subscription).compareTo(amount), order.get("order_id"));
            }
            if (amount.signum() < 0) {
                assertEquals("completed", order.get("status"), order.get("order_id"));
                LocalDateTime purchase = firstPurchase.get(order.get("customer_id"));
                assertTrue(purchase != null && purchase.isBefore(orderedAt),
                        order.get("order_id") + " refunds no earlier purchase");
            } else if (order.get("status").equals("completed")) {
                firstPurchase.merge(order.get("customer_id"), orderedAt, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DemoProfile.class)
    void keysAreUniqueAndEveryReferenceNamesAKnownCustomer(DemoProfile profile) {
        GeneratedData demo = GeneratedData.demo(profile);
        Set<String> customers = unique(demo.table("customers").column("customer_id"));
        unique(demo.table("orders").column("order_id"));
        unique(demo.table("leads").column("lead_id"));
        Set<String> subscriptionIds = new HashSet<>(demo.table("subscriptions").column("subscription_id"));

        assertEquals(demo.settings.customers(), customers.size());
        assertTrue(customers.containsAll(demo.table("orders").column("customer_id")));
        assertTrue(customers.containsAll(demo.table("subscriptions").column("customer_id")));
        assertTrue(subscriptionIds.size() > demo.settings.subscriptions() * 0.7,
                "distinct subscriptions " + subscriptionIds.size());
        for (Map<String, String> lead : demo.table("leads").rows()) {
            boolean converted = !lead.get("converted_at").isEmpty();
            assertEquals(converted, !lead.get("customer_id").isEmpty(), lead.get("lead_id"));
            if (converted) {
                assertTrue(customers.contains(lead.get("customer_id")), lead.get("lead_id"));
                assertTrue(instant(lead.get("created_at")).isBefore(instant(lead.get("converted_at"))),
                        lead.get("lead_id"));
            }
        }
    }

    private static Set<String> unique(List<String> keys) {
        Set<String> distinct = new HashSet<>(keys);
        assertEquals(keys.size(), distinct.size(), "duplicate keys");
        return distinct;
    }

    private static void collectFirstUse(CsvTable table, String dateColumn, Map<String, LocalDate> firstUse) {
        for (Map<String, String> row : table.rows()) {
            String date = row.get(dateColumn);
            LocalDate day = date.length() == 7 ? LocalDate.parse(date + "-01") : instant(date).toLocalDate();
            firstUse.merge(row.get("currency"), day, (a, b) -> a.isBefore(b) ? a : b);
        }
    }
}
