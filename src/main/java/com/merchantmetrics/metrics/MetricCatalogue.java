package com.merchantmetrics.metrics;

import static com.merchantmetrics.metrics.MetricDefinition.Group.acquisition;
import static com.merchantmetrics.metrics.MetricDefinition.Group.retention;
import static com.merchantmetrics.metrics.MetricDefinition.Group.revenue;
import static com.merchantmetrics.metrics.MetricDefinition.Unit.count;
import static com.merchantmetrics.metrics.MetricDefinition.Unit.money;
import static com.merchantmetrics.metrics.MetricDefinition.Unit.rate;
import static com.merchantmetrics.metrics.MetricDefinition.Unit.ratio;

import java.util.List;
import java.util.Optional;

import com.merchantmetrics.metrics.MetricDefinition.Group;

/** Every metric of the product, in the order pages show them. Definitions follow the spec, metrics.md. */
public final class MetricCatalogue {

    private static final List<String> ORDERS = List.of("orders.csv");
    private static final List<String> SUBSCRIPTIONS = List.of("subscriptions.csv");
    private static final List<String> TRAFFIC = List.of("traffic.csv", "orders.csv");
    private static final List<String> SPEND = List.of("marketing_spend.csv", "orders.csv");

    private static final List<MetricDefinition> ALL = List.of(
            new MetricDefinition("visitor_conversion_rate", "Visitor conversion rate", acquisition, rate,
                    "buyers in the month ÷ visitors in the month",
                    "Buyers are distinct customers with a completed order above zero; visitors are the sum of daily unique visitors "
                            + "from traffic.csv (a sum of daily uniques). Also per channel and landing page.",
                    true, TRAFFIC),
            new MetricDefinition("one_time_conversion_rate", "One-time conversion rate", acquisition, rate,
                    "customers with a completed one-time or mixed order ÷ visitors",
                    "A mixed cart counts here and in subscription conversion, so the two do not add up to visitor conversion.",
                    true, TRAFFIC),
            new MetricDefinition("subscription_conversion_rate", "Subscription conversion rate", acquisition, rate,
                    "customers who first subscribed in the month ÷ visitors",
                    "First subscription: the first subscription or mixed order, or the first active subscription period, whichever is earlier.",
                    true, List.of("traffic.csv", "subscriptions.csv")),
            new MetricDefinition("lead_conversion_rate", "Lead conversion rate", acquisition, rate,
                    "leads created in the month that converted ÷ leads created in the month",
                    "B2B pipeline; per channel, with the median days from creation to conversion. A blank channel is its own group, \"not set\".",
                    true, List.of("leads.csv")),
            new MetricDefinition("new_customers", "New customers", acquisition, count,
                    "customers whose acquisition falls in the month",
                    "Acquisition is the earlier of the first completed order above zero and the first moment with MRR.",
                    true, ORDERS),
            new MetricDefinition("spend", "Spend", acquisition, money, "Σ marketing_spend amounts of the month",
                    "All categories; a YYYY-MM row belongs to its month.", false, List.of("marketing_spend.csv")),
            new MetricDefinition("marketing_spend", "Marketing spend", acquisition, money, "Σ spend with category marketing",
                    "The marketing part of spend.", false, List.of("marketing_spend.csv")),
            new MetricDefinition("sales_spend", "Sales spend", acquisition, money, "Σ spend with category sales",
                    "The sales part of spend.", false, List.of("marketing_spend.csv")),
            new MetricDefinition("cac", "CAC", acquisition, money, "spend ÷ new customers, over the CAC window",
                    "Customer acquisition cost over the trailing CAC window ending with the month (default 3 months). Per channel: "
                            + "the channel's spend ÷ new customers acquired through it.",
                    false, SPEND),
            new MetricDefinition("marketing_share_of_cac", "Marketing share of CAC", acquisition, rate,
                    "marketing spend ÷ spend, over the CAC window", "How much of acquisition cost is marketing rather than sales.",
                    false, List.of("marketing_spend.csv")),
            new MetricDefinition("marketing_originated_share", "Marketing-originated customers", acquisition, rate,
                    "new customers sourced by marketing ÷ new customers, over the CAC window",
                    "Sourced by marketing: marketing_originated is true, or blank with an acquisition channel that has marketing spend.",
                    true, List.of("customers.csv", "marketing_spend.csv")),
            new MetricDefinition("ltv_cac", "LTV : CAC", acquisition, ratio, "LTV ÷ CAC",
                    "Healthy between 3 and 5: below 3 acquisition costs too much, above 5 there is room to grow faster.",
                    true, List.of("subscriptions.csv", "marketing_spend.csv")),

            new MetricDefinition("subscriber_churn_rate", "Customer churn rate (subscribers)", retention, rate,
                    "subscribers at the start who are not subscribers at the end ÷ subscribers at the start",
                    "Customers acquired during the month count in neither, even if they leave in the same month.",
                    false, SUBSCRIPTIONS),
            new MetricDefinition("buyer_churn_rate", "Customer churn rate (buyers)", retention, rate,
                    "active buyers at the start who are not active at the end ÷ active buyers at the start",
                    "Active buyer: a completed order above zero within the inactivity window (default 90 days). For merchants without subscriptions.",
                    false, ORDERS),
            new MetricDefinition("new_mrr", "New MRR", retention, money, "Σ end MRR of customers with MRR for the first time",
                    "MRR movement: no MRR at the start of the month, MRR at the end, and never MRR before.", true, SUBSCRIPTIONS),
            new MetricDefinition("expansion_mrr", "Expansion MRR", retention, money, "Σ (end MRR − start MRR) where it grew",
                    "Customers paying more at the end of the month than at its start.", true, SUBSCRIPTIONS),
            new MetricDefinition("reactivation_mrr", "Reactivation MRR", retention, money,
                    "Σ end MRR of returning customers", "No MRR at the start of the month, MRR at the end, and MRR at some earlier time.",
                    true, SUBSCRIPTIONS),
            new MetricDefinition("contraction_mrr", "Contraction MRR", retention, money, "Σ (start MRR − end MRR) where it shrank",
                    "Customers paying less at the end of the month, but still paying.", false, SUBSCRIPTIONS),
            new MetricDefinition("churned_mrr", "Churned MRR", retention, money, "Σ start MRR of customers with no MRR at the end",
                    "Also by the cancel reason of the period that ended.", false, SUBSCRIPTIONS),
            new MetricDefinition("net_new_mrr", "Net new MRR", retention, money,
                    "new + reactivation + expansion − contraction − churn",
                    "Always exactly MRR at the end of the month minus MRR at its start.", true, SUBSCRIPTIONS),
            new MetricDefinition("gross_mrr_churn_rate", "Gross MRR churn rate", retention, rate,
                    "(churn + contraction) ÷ MRR at the start", "Revenue lost from existing customers.", false, SUBSCRIPTIONS),
            new MetricDefinition("net_mrr_churn_rate", "Net MRR churn rate", retention, rate,
                    "(churn + contraction − expansion − reactivation) ÷ MRR at the start",
                    "Negative means net expansion: existing customers grew more than others left.", false, SUBSCRIPTIONS),
            new MetricDefinition("renewals_due", "Renewals due", retention, count,
                    "renewal dates in the month of subscriptions active just before them",
                    "A subscription renews at its first active moment + n × the billing period of the row active just before the "
                            + "date. Also per billing period.",
                    true, SUBSCRIPTIONS),
            new MetricDefinition("renewal_rate", "Renewal rate", retention, rate, "renewed ÷ due",
                    "Renewed: the subscription is active at the renewal date. Also per billing period: monthly and annual "
                            + "renewals are different businesses.",
                    true, SUBSCRIPTIONS),
            new MetricDefinition("revenue_renewal_rate", "Revenue renewal rate", retention, rate,
                    "Σ MRR just after the date of the renewed ÷ Σ MRR just before the date of all due",
                    "Above 100 % when renewals come back at a higher price than before. Also per billing period.",
                    true, SUBSCRIPTIONS),
            new MetricDefinition("retention_offer_saves", "Saved by retention offers", retention, count,
                    "renewed ones whose period after the date has retention_offer true",
                    "Subscriptions kept with a save offer at their renewal; their MRR is the next metric.",
                    true, SUBSCRIPTIONS),
            new MetricDefinition("retention_offer_saved_mrr", "MRR saved by retention offers", retention, money,
                    "Σ MRR just after the date of the renewals saved by retention offers",
                    "The MRR of the saves, at the offer's price.",
                    true, SUBSCRIPTIONS),

            new MetricDefinition("mrr", "MRR", revenue, money, "Σ customer MRR at the end of the month",
                    "Customer MRR: each active price period's amount ÷ months in its billing period (week = 12/52), converted "
                            + "at the rate of the period's start; trials count only once they end.",
                    true, SUBSCRIPTIONS),
            new MetricDefinition("arr", "ARR", revenue, money, "12 × MRR",
                    "Without subscription data: the subscription amounts of completed orders over the trailing 12 months, labelled so.",
                    true, SUBSCRIPTIONS),
            new MetricDefinition("subscribers", "Subscribers", revenue, count, "customers with MRR above zero at the end of the month",
                    "Paying subscribers at month end.", true, SUBSCRIPTIONS),
            new MetricDefinition("arpa", "ARPA", revenue, money, "MRR ÷ subscribers", "Average revenue per account.", true,
                    SUBSCRIPTIONS),
            new MetricDefinition("ltv", "LTV", revenue, money, "ARPA ÷ mean monthly subscriber churn over the LTV window",
                    "Over the trailing LTV window (default 6 months), times the gross margin if one is set. With zero churn "
                            + "there is no estimate: \"not enough churn to estimate\", never infinity.",
                    true, SUBSCRIPTIONS),
            new MetricDefinition("revenue", "Revenue", revenue, money, "Σ amounts of completed orders in the month",
                    "Refunds and credit notes are negative; refunded and cancelled orders count nowhere.", true, ORDERS),
            new MetricDefinition("orders", "Orders", revenue, count, "completed orders above zero in the month",
                    "Refunds are not orders.", true, ORDERS),
            new MetricDefinition("aov", "Average order value", revenue, money, "Σ positive order amounts ÷ orders",
                    "Refunds do not lower the average order value.", true, ORDERS),
            new MetricDefinition("repeat_purchase_rate", "Repeat purchase rate", revenue, rate,
                    "customers with 2 or more orders ÷ customers with 1 or more, up to the end of the month",
                    "Completed orders above zero, all history up to the month.", true, ORDERS),
            new MetricDefinition("quick_ratio", "Quick ratio", revenue, ratio,
                    "(new + reactivation + expansion) ÷ (churn + contraction)", "MRR gained for every unit of MRR lost.",
                    true, SUBSCRIPTIONS));

    private MetricCatalogue() {
    }

    public static List<MetricDefinition> all() {
        return ALL;
    }

    public static Optional<MetricDefinition> byId(String id) {
        return ALL.stream().filter(definition -> definition.id().equals(id)).findFirst();
    }

    public static List<MetricDefinition> byGroup(Group group) {
        return ALL.stream().filter(definition -> definition.group() == group).toList();
    }
}
