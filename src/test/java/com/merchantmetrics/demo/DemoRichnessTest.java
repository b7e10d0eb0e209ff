package com.merchantmetrics.demo;

import static com.merchantmetrics.demo.GeneratedData.instant;
import static com.merchantmetrics.demo.GeneratedData.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The demo scale of each profile shows every feature the dashboards have something to say about. */
class DemoRichnessTest {

    @Test
    void bloomBoxHasEverySubscriptionStory() {
        GeneratedData demo = GeneratedData.demo(DemoProfile.D2C_SUBSCRIPTION);
        CsvTable subscriptions = demo.table("subscriptions");
        Map<String, List<Map<String, String>>> periods = periodsById(subscriptions);

        assertTrue(demo.table("customers").rows().size() > 100);
        assertTrue(distinct(demo.table("customers").column("segment")).equals(Set.of("b2c")));
        assertTrue(countPlanChanges(periods, 1) >= 5, "upgrades");
        assertTrue(countPlanChanges(periods, -1) >= 5, "downgrades");
        assertTrue(distinct(subscriptions.column("cancel_reason")).containsAll(
                Set.of("price", "too_many_flowers", "moved", "delivery_issues", "other")));
        assertTrue(subscriptions.column("retention_offer").contains("true"), "retention offers");
        assertTrue(subscriptions.column("trial_ends_at").stream().anyMatch(trial -> !trial.isEmpty()), "trials");
        assertTrue(distinct(subscriptions.column("billing_period")).containsAll(
                Set.of("week", "month", "quarter", "year", "P1M", "P3M")));
        assertTrue(reactivations(periods) >= 3, "reactivations");
        assertTrue(annualPriceIncreases(periods) >= 3, "annual renewals with a price increase");
    }

    @Test
    void bloomBoxHasEveryKindOfOrderSpendAndTraffic() {
        GeneratedData demo = GeneratedData.demo(DemoProfile.D2C_SUBSCRIPTION);
        CsvTable orders = demo.table("orders");

        assertEquals(Set.of("subscription", "one_time", "mixed"), distinct(orders.column("type")));
        assertEquals(Set.of("completed", "refunded", "cancelled"), distinct(orders.column("status")));
        assertTrue(orders.column("amount").stream().anyMatch(amount -> amount.startsWith("-")), "refunds");
        assertTrue(distinct(orders.column("currency")).containsAll(Set.of("USD", "EUR", "GBP")));
        assertTrue(orders.column("landing_page").contains("/valentines"));
        assertTrue(distinct(demo.table("marketing_spend").column("channel")).containsAll(
                Set.of("paid_social", "paid_search", "influencer", "email")));
        assertTrue(demo.table("marketing_spend").column("date").stream().anyMatch(date -> date.length() == 7),
                "monthly spend rows");
        assertTrue(distinct(demo.table("traffic").column("page")).containsAll(Set.of("/valentines", "/mothers-day")));
    }

    @Test
    void acmeWholesaleHasAPipelineASalesTeamAndSeveralCurrencies() {
        GeneratedData demo = GeneratedData.demo(DemoProfile.B2B_WHOLESALE);
        CsvTable customers = demo.table("customers");
        CsvTable leads = demo.table("leads");
        CsvTable spend = demo.table("marketing_spend");

        assertEquals(Set.of("b2b"), distinct(customers.column("segment")));
        assertTrue(customers.column("company").stream().noneMatch(String::isEmpty), "company names");
        assertEquals(Set.of("", "true", "false"), distinct(customers.column("marketing_originated")));
        assertTrue(distinct(customers.column("acquisition_channel")).containsAll(
                Set.of("sales_outbound", "referral", "paid_search", "organic_search", "trade_show", "")));
        long converted = leads.column("converted_at").stream().filter(at -> !at.isEmpty()).count();
        assertTrue(converted > 50 && converted < leads.rows().size() / 2, converted + " of " + leads.rows().size());
        assertTrue(spend.rows().stream().anyMatch(row -> row.get("category").equals("sales")
                && row.get("cost_type").equals("salaries") && row.get("channel").equals("sales_outbound")));
        assertTrue(spend.rows().stream().anyMatch(row -> row.get("category").equals("marketing")));
        assertTrue(distinct(demo.table("orders").column("currency")).containsAll(Set.of("EUR", "GBP", "USD")));
        assertTrue(demo.table("orders").rows().stream().allMatch(order -> order.get("ordered_at").length() == 10),
                "invoices carry dates only");
        assertTrue(demo.table("orders").column("amount").stream().anyMatch(amount -> amount.startsWith("-")),
                "credit notes");
    }

    private static Map<String, List<Map<String, String>>> periodsById(CsvTable subscriptions) {
        Map<String, List<Map<String, String>>> periods = new LinkedHashMap<>();
        for (Map<String, String> row : subscriptions.rows()) {
            periods.computeIfAbsent(row.get("subscription_id"), id -> new ArrayList<>()).add(row);
        }
        return periods;
    }

    /** Plan changes in the direction given by the sign: 1 for upgrades, -1 for downgrades. */
    private static long countPlanChanges(Map<String, List<Map<String, String>>> periods, int direction) {
        long changes = 0;
        for (List<Map<String, String>> rows : periods.values()) {
            for (int n = 1; n < rows.size(); n++) {
                Map<String, String> before = rows.get(n - 1);
                Map<String, String> after = rows.get(n);
                boolean newPlan = !before.get("plan").equals(after.get("plan"));
                boolean contiguous = before.get("ends_at").equals(after.get("starts_at"));
                int priceMove = money(after.get("amount")).compareTo(money(before.get("amount")));
                if (newPlan && contiguous && priceMove == direction) {
                    changes++;
                }
            }
        }
        return changes;
    }

    private static long annualPriceIncreases(Map<String, List<Map<String, String>>> periods) {
        long increases = 0;
        for (List<Map<String, String>> rows : periods.values()) {
            for (int n = 1; n < rows.size(); n++) {
                Map<String, String> before = rows.get(n - 1);
                Map<String, String> after = rows.get(n);
                BigDecimal change = money(after.get("amount")).subtract(money(before.get("amount")));
                if (after.get("billing_period").equals("year") && before.get("plan").equals(after.get("plan"))
                        && change.signum() > 0) {
                    increases++;
                }
            }
        }
        return increases;
    }

    /** Customers whose later subscription starts after an earlier one ended with a cancel reason. */
    private static long reactivations(Map<String, List<Map<String, String>>> periods) {
        Map<String, LocalDateTime> cancelledAt = new LinkedHashMap<>();
        long reactivations = 0;
        for (List<Map<String, String>> rows : periods.values()) {
            Map<String, String> first = rows.get(0);
            Map<String, String> last = rows.get(rows.size() - 1);
            LocalDateTime earlierCancel = cancelledAt.get(first.get("customer_id"));
            if (earlierCancel != null && !instant(first.get("starts_at")).isBefore(earlierCancel)) {
                reactivations++;
            }
            if (!last.get("cancel_reason").isEmpty()) {
                cancelledAt.put(last.get("customer_id"), instant(last.get("ends_at")));
            }
        }
        return reactivations;
    }

    private static Set<String> distinct(List<String> values) {
        return new HashSet<>(values);
    }
}
