package com.merchantmetrics.metrics;

import static com.merchantmetrics.metrics.MetricDefinition.Group.acquisition;
import static com.merchantmetrics.metrics.MetricDefinition.Group.retention;
import static com.merchantmetrics.metrics.MetricDefinition.Group.revenue;
import static com.merchantmetrics.metrics.MetricDefinition.Unit.count;
import static com.merchantmetrics.metrics.MetricDefinition.Unit.money;
import static com.merchantmetrics.metrics.MetricDefinition.Unit.rate;
import static com.merchantmetrics.metrics.MetricDefinition.Unit.ratio;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.merchantmetrics.metrics.MetricDefinition.Group;
import com.merchantmetrics.metrics.MetricFilter.Dimension;

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

    /**
     * Which filters can restrict a metric. notBrokenDown completes the reason given when a filter cannot apply
     * ("traffic is" + " not broken down by segment"). fromChannelBreakdown: restricted to one acquisition channel
     * (and nothing else), the metric is its own per-channel breakdown.
     */
    public record Filtering(Set<Dimension> dimensions, String notBrokenDown, boolean fromChannelBreakdown) {

        /** Why the filter cannot restrict this metric, or empty when it can. */
        public Optional<String> reasonNotApplicable(MetricFilter filter) {
            return dimensionNotApplicable(filter).map(dimension -> notBrokenDown + " not broken down by " + dimension.label());
        }

        /** The first dimension of the filter that cannot restrict this metric. */
        public Optional<Dimension> dimensionNotApplicable(MetricFilter filter) {
            return filter.applied().keySet().stream().filter(dimension -> !dimensions.contains(dimension)).findFirst();
        }
    }

    /**
     * How the trailing-12-months view turns the months ending with M into one value: sum (flows), end (stocks and
     * figures that already span their own window: the value at the end of M) or ratio (Σ numerator terms ÷ Σ
     * denominator terms over the 12 months). A term is a metric id ("spend") or one input of a metric
     * ("subscriber_churn_rate.churned"); a leading "-" subtracts it.
     */
    public record Trailing(Kind kind, List<String> numerator, List<String> denominator) {

        public enum Kind {
            sum, end, ratio
        }

        static Trailing ratio(List<String> numerator, List<String> denominator) {
            return new Trailing(Kind.ratio, numerator, denominator);
        }
    }

    private static final Set<Dimension> EVERY_FILTER = EnumSet.allOf(Dimension.class);
    private static final Set<Dimension> CUSTOMER_FILTERS = EnumSet.of(Dimension.segment, Dimension.channel, Dimension.country);
    private static final Filtering BY_CUSTOMERS_AND_PLAN = new Filtering(EVERY_FILTER, "", false);
    private static final Filtering ORDERS_BY_CUSTOMERS = new Filtering(CUSTOMER_FILTERS, "orders are", false);
    private static final Filtering TRAFFIC_NOT_FILTERED = new Filtering(Set.of(), "traffic is", false);
    private static final Filtering SPEND_NOT_FILTERED = new Filtering(Set.of(), "marketing spend is", false);
    private static final Filtering RENEWALS_NOT_FILTERED = new Filtering(Set.of(), "the renewals rollup is", false);

    private static final Map<String, Filtering> FILTERING = Map.ofEntries(
            Map.entry("visitor_conversion_rate", TRAFFIC_NOT_FILTERED),
            Map.entry("one_time_conversion_rate", TRAFFIC_NOT_FILTERED),
            Map.entry("subscription_conversion_rate", TRAFFIC_NOT_FILTERED),
            Map.entry("lead_conversion_rate", new Filtering(Set.of(), "leads are", false)),
            Map.entry("new_customers", new Filtering(CUSTOMER_FILTERS, "customer acquisition is", false)),
            Map.entry("spend", SPEND_NOT_FILTERED),
            Map.entry("marketing_spend", SPEND_NOT_FILTERED),
            Map.entry("sales_spend", SPEND_NOT_FILTERED),
            Map.entry("cac", new Filtering(EnumSet.of(Dimension.channel), "marketing spend is", true)),
            Map.entry("marketing_share_of_cac", SPEND_NOT_FILTERED),
            Map.entry("marketing_originated_share", SPEND_NOT_FILTERED),
            Map.entry("ltv_cac", new Filtering(Set.of(), "CAC is", false)),
            Map.entry("buyer_churn_rate", new Filtering(Set.of(), "the buyer activity rollup is", false)),
            Map.entry("renewals_due", RENEWALS_NOT_FILTERED),
            Map.entry("renewal_rate", RENEWALS_NOT_FILTERED),
            Map.entry("revenue_renewal_rate", RENEWALS_NOT_FILTERED),
            Map.entry("retention_offer_saves", RENEWALS_NOT_FILTERED),
            Map.entry("retention_offer_saved_mrr", RENEWALS_NOT_FILTERED),
            Map.entry("revenue", ORDERS_BY_CUSTOMERS),
            Map.entry("orders", ORDERS_BY_CUSTOMERS),
            Map.entry("aov", ORDERS_BY_CUSTOMERS),
            Map.entry("repeat_purchase_rate", ORDERS_BY_CUSTOMERS));

    private static final Trailing SUM = new Trailing(Trailing.Kind.sum, List.of(), List.of());
    private static final Trailing END = new Trailing(Trailing.Kind.end, List.of(), List.of());

    private static final Map<String, Trailing> TRAILING = Map.ofEntries(
            Map.entry("visitor_conversion_rate", Trailing.ratio(List.of("visitor_conversion_rate.buyers"),
                    List.of("visitor_conversion_rate.visitors"))),
            Map.entry("one_time_conversion_rate", Trailing.ratio(List.of("one_time_conversion_rate.customers"),
                    List.of("one_time_conversion_rate.visitors"))),
            Map.entry("subscription_conversion_rate", Trailing.ratio(List.of("subscription_conversion_rate.customers"),
                    List.of("subscription_conversion_rate.visitors"))),
            Map.entry("lead_conversion_rate", Trailing.ratio(List.of("lead_conversion_rate.converted"), List.of("lead_conversion_rate.leads"))),
            Map.entry("new_customers", SUM),
            Map.entry("spend", SUM),
            Map.entry("marketing_spend", SUM),
            Map.entry("sales_spend", SUM),
            Map.entry("cac", Trailing.ratio(List.of("spend"), List.of("new_customers"))),
            Map.entry("marketing_share_of_cac", Trailing.ratio(List.of("marketing_spend"), List.of("spend"))),
            Map.entry("marketing_originated_share", END),
            Map.entry("ltv_cac", END),
            Map.entry("subscriber_churn_rate", Trailing.ratio(List.of("subscriber_churn_rate.churned"),
                    List.of("subscriber_churn_rate.subscribers_at_start"))),
            Map.entry("buyer_churn_rate", Trailing.ratio(List.of("buyer_churn_rate.churned"), List.of("buyer_churn_rate.buyers_at_start"))),
            Map.entry("new_mrr", SUM),
            Map.entry("expansion_mrr", SUM),
            Map.entry("reactivation_mrr", SUM),
            Map.entry("contraction_mrr", SUM),
            Map.entry("churned_mrr", SUM),
            Map.entry("net_new_mrr", SUM),
            Map.entry("gross_mrr_churn_rate", Trailing.ratio(List.of("churned_mrr", "contraction_mrr"),
                    List.of("gross_mrr_churn_rate.mrr_at_start"))),
            Map.entry("net_mrr_churn_rate", Trailing.ratio(List.of("churned_mrr", "contraction_mrr", "-expansion_mrr", "-reactivation_mrr"),
                    List.of("net_mrr_churn_rate.mrr_at_start"))),
            Map.entry("renewals_due", SUM),
            Map.entry("renewal_rate", Trailing.ratio(List.of("renewal_rate.renewed"), List.of("renewal_rate.due"))),
            Map.entry("revenue_renewal_rate", Trailing.ratio(List.of("revenue_renewal_rate.mrr_after_renewal"),
                    List.of("revenue_renewal_rate.mrr_due"))),
            Map.entry("retention_offer_saves", SUM),
            Map.entry("retention_offer_saved_mrr", SUM),
            Map.entry("mrr", END),
            Map.entry("arr", END),
            Map.entry("subscribers", END),
            Map.entry("arpa", END),
            Map.entry("ltv", END),
            Map.entry("revenue", SUM),
            Map.entry("orders", SUM),
            Map.entry("aov", Trailing.ratio(List.of("aov.positive_amounts"), List.of("orders"))),
            Map.entry("repeat_purchase_rate", END),
            Map.entry("quick_ratio", Trailing.ratio(List.of("new_mrr", "reactivation_mrr", "expansion_mrr"),
                    List.of("churned_mrr", "contraction_mrr"))));

    private MetricCatalogue() {
    }

    /** Subscription metrics (MRR and what derives from it) take every filter; the others say which they cannot take. */
    public static Filtering filtering(String metricId) {
        return FILTERING.getOrDefault(metricId, BY_CUSTOMERS_AND_PLAN);
    }

    public static Trailing trailing(String metricId) {
        return TRAILING.get(metricId);
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
