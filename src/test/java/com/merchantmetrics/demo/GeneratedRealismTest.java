package com.merchantmetrics.demo;

import static com.merchantmetrics.demo.GeneratedData.instant;
import static com.merchantmetrics.demo.GeneratedData.money;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The demo data tells a believable story: growth, seasons, churn and acquisition that follows spend. */
class GeneratedRealismTest {

    @ParameterizedTest
    @EnumSource(DemoProfile.class)
    void newCustomersGrowOverTheRange(DemoProfile profile) {
        Map<YearMonth, Integer> newCustomers = newCustomersByMonth(GeneratedData.demo(profile), null);
        List<Integer> months = List.copyOf(newCustomers.values());

        int firstHalfYear = months.subList(0, 6).stream().mapToInt(Integer::intValue).sum();
        int lastHalfYear = months.subList(months.size() - 6, months.size()).stream().mapToInt(Integer::intValue).sum();
        assertTrue(lastHalfYear > 1.5 * firstHalfYear, "first six months " + firstHalfYear + ", last " + lastHalfYear);
    }

    @Test
    void wholesaleOrdersPeakInTheFourthQuarter() {
        Map<YearMonth, Integer> orders = ordersByMonth(GeneratedData.demo(DemoProfile.B2B_WHOLESALE));

        assertTrue(orders.get(YearMonth.of(2024, Month.NOVEMBER)) > 1.5 * orders.get(YearMonth.of(2024, Month.AUGUST)),
                orders.toString());
        assertTrue(orders.get(YearMonth.of(2024, Month.NOVEMBER)) > orders.get(YearMonth.of(2025, Month.JANUARY)),
                orders.toString());
    }

    @Test
    void giftOrdersPeakBeforeValentinesAndMothersDay() {
        Map<LocalDate, Integer> gifts = new HashMap<>();
        for (Map<String, String> order : GeneratedData.demo(DemoProfile.D2C_SUBSCRIPTION).table("orders").rows()) {
            if (!order.get("type").equals("subscription") && money(order.get("amount")).signum() > 0) {
                gifts.merge(instant(order.get("ordered_at")).toLocalDate(), 1, Integer::sum);
            }
        }

        double beforeValentines = perDay(gifts, LocalDate.of(2025, 2, 8), LocalDate.of(2025, 2, 14));
        double januaryAfterHolidays = perDay(gifts, LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 31));
        double beforeMothersDay = perDay(gifts, LocalDate.of(2025, 5, 5), LocalDate.of(2025, 5, 11));
        double june = perDay(gifts, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));
        assertTrue(beforeValentines > 1.8 * januaryAfterHolidays, beforeValentines + " vs " + januaryAfterHolidays);
        assertTrue(beforeMothersDay > 1.5 * june, beforeMothersDay + " vs " + june);
    }

    @Test
    void aFewPercentOfSubscribersChurnEachMonth() {
        GeneratedData demo = GeneratedData.demo(DemoProfile.D2C_SUBSCRIPTION);
        Map<String, List<Map<String, String>>> periodsByCustomer = new HashMap<>();
        for (Map<String, String> row : demo.table("subscriptions").rows()) {
            periodsByCustomer.computeIfAbsent(row.get("customer_id"), id -> new ArrayList<>()).add(row);
        }
        List<Double> churnRates = new ArrayList<>();
        for (YearMonth month = YearMonth.from(demo.settings.firstDay()).plusMonths(6);
                month.isBefore(YearMonth.from(demo.settings.lastDay())); month = month.plusMonths(1)) {
            LocalDateTime startOfMonth = month.atDay(1).atStartOfDay().minusSeconds(1);
            LocalDateTime endOfMonth = month.plusMonths(1).atDay(1).atStartOfDay().minusSeconds(1);
            Set<String> atStart = subscribersAt(periodsByCustomer, startOfMonth);
            Set<String> atEnd = subscribersAt(periodsByCustomer, endOfMonth);
            long lost = atStart.stream().filter(customer -> !atEnd.contains(customer)).count();
            churnRates.add((double) lost / atStart.size());
        }

        double meanChurn = churnRates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertTrue(meanChurn > 0.01 && meanChurn < 0.08, "mean monthly subscriber churn " + meanChurn);
    }

    /** On ten thousand customers, so that monthly counts of one channel are more than noise. */
    @ParameterizedTest
    @EnumSource(DemoProfile.class)
    void newCustomersFollowTheSpendOfTheirChannel(DemoProfile profile) {
        GeneratorSettings demoSettings = GeneratorSettings.demo(profile, GeneratedData.LAST_DAY);
        GeneratedData demo = GeneratedData.generate(demoSettings.withCustomers(10_000)
                .withSubscriptions(demoSettings.subscriptions() * 10_000 / demoSettings.customers()), "larger");
        String channel = profile == DemoProfile.B2B_WHOLESALE ? "paid_search" : "paid_social";
        Map<YearMonth, Integer> customers = newCustomersByMonth(demo, channel);
        Map<YearMonth, Double> spend = new TreeMap<>();
        for (Map<String, String> row : demo.table("marketing_spend").rows()) {
            if (row.get("channel").equals(channel)) {
                double amount = Currencies.convert(money(row.get("amount")).doubleValue(), row.get("currency"),
                        demo.settings.reportingCurrency());
                spend.merge(YearMonth.parse(row.get("date").substring(0, 7)), amount, Double::sum);
            }
        }

        double correlation = correlation(customers, spend);
        assertTrue(correlation > 0.7, "monthly spend and new customers of " + channel + " correlate " + correlation);
        double acquisitionCost = spend.values().stream().mapToDouble(Double::doubleValue).sum()
                / customers.values().stream().mapToInt(Integer::intValue).sum();
        double[] plausible = profile == DemoProfile.B2B_WHOLESALE ? new double[] { 500, 10_000 }
                : new double[] { 10, 200 };
        assertTrue(acquisitionCost > plausible[0] && acquisitionCost < plausible[1], "CAC " + acquisitionCost);
    }

    private static Set<String> subscribersAt(Map<String, List<Map<String, String>>> periodsByCustomer,
            LocalDateTime at) {
        Set<String> subscribers = new HashSet<>();
        periodsByCustomer.forEach((customer, periods) -> {
            for (Map<String, String> period : periods) {
                boolean started = !instant(period.get("starts_at")).isAfter(at);
                boolean notEnded = period.get("ends_at").isEmpty() || at.isBefore(instant(period.get("ends_at")));
                boolean trialOver = period.get("trial_ends_at").isEmpty()
                        || !at.isBefore(instant(period.get("trial_ends_at")));
                if (started && notEnded && trialOver && money(period.get("amount")).signum() > 0) {
                    subscribers.add(customer);
                }
            }
        });
        return subscribers;
    }

    /** By month of the first completed positive order, optionally only customers acquired through a channel. */
    private static Map<YearMonth, Integer> newCustomersByMonth(GeneratedData demo, String channel) {
        Map<String, String> channels = new HashMap<>();
        for (Map<String, String> customer : demo.table("customers").rows()) {
            channels.put(customer.get("customer_id"), customer.get("acquisition_channel"));
        }
        Map<String, LocalDateTime> firstPurchases = new HashMap<>();
        for (Map<String, String> order : demo.table("orders").rows()) {
            if (order.get("status").equals("completed") && money(order.get("amount")).signum() > 0) {
                firstPurchases.merge(order.get("customer_id"), instant(order.get("ordered_at")),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<YearMonth, Integer> byMonth = new TreeMap<>();
        for (YearMonth month = YearMonth.from(demo.settings.firstDay());
                !month.isAfter(YearMonth.from(demo.settings.lastDay())); month = month.plusMonths(1)) {
            byMonth.put(month, 0);
        }
        firstPurchases.forEach((customer, at) -> {
            if (channel == null || channel.equals(channels.get(customer))) {
                byMonth.merge(YearMonth.from(at), 1, Integer::sum);
            }
        });
        return byMonth;
    }

    private static Map<YearMonth, Integer> ordersByMonth(GeneratedData demo) {
        Map<YearMonth, Integer> orders = new TreeMap<>();
        for (String orderedAt : demo.table("orders").column("ordered_at")) {
            orders.merge(YearMonth.from(instant(orderedAt)), 1, Integer::sum);
        }
        return orders;
    }

    private static double perDay(Map<LocalDate, Integer> counts, LocalDate from, LocalDate to) {
        int total = 0;
        int days = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            total += counts.getOrDefault(day, 0);
            days++;
        }
        return (double) total / days;
    }

    private static double correlation(Map<YearMonth, Integer> counts, Map<YearMonth, Double> amounts) {
        List<double[]> pairs = new ArrayList<>();
        counts.forEach((month, count) -> pairs.add(new double[] { count, amounts.getOrDefault(month, 0.0) }));
        double meanX = pairs.stream().mapToDouble(pair -> pair[0]).average().orElseThrow();
        double meanY = pairs.stream().mapToDouble(pair -> pair[1]).average().orElseThrow();
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (double[] pair : pairs) {
            covariance += (pair[0] - meanX) * (pair[1] - meanY);
            varianceX += (pair[0] - meanX) * (pair[0] - meanX);
            varianceY += (pair[1] - meanY) * (pair[1] - meanY);
        }
        return covariance / Math.sqrt(varianceX * varianceY);
    }
}
