package com.merchantmetrics.ingest.presets;

import static com.merchantmetrics.ingest.presets.PresetValues.number;
import static com.merchantmetrics.ingest.presets.PresetValues.utc;
import static com.merchantmetrics.ingest.presets.PresetValues.withOffset;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.merchantmetrics.ingest.Dataset;

/**
 * The presets for real-world exports. Each is a header signature plus a row transformation into a canonical
 * dataset; the README says which versions of the vendors' exports they match.
 */
public final class Presets {

    /** UCI "Online Retail" style invoice lines: lines of one invoice add up to an order, "C…" invoices are credit notes. */
    public static final Preset INVOICE_LINES = new Preset("invoice-lines", Dataset.orders,
            List.of("InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"),
            Map.of("order_id", "invoiceno", "customer_id", "customerid", "ordered_at", "invoicedate",
                    "amount", "quantity × unitprice", "currency", "(reporting currency)"),
            Set.of(), true, "country", row -> {
                String customer = row.cell("customerid");
                if (customer == null) {
                    throw new Preset.SkippedRow("customerid", "no CustomerID: the line belongs to no customer and is skipped");
                }
                BigDecimal amount = number("quantity", row.cell("quantity")).multiply(number("unitprice", row.cell("unitprice")));
                return fields("order_id", row.cell("invoiceno"), "customer_id", customer, "ordered_at", row.cell("invoicedate"),
                        "amount", amount.toPlainString(), "currency", row.reportingCurrency());
            });

    /** Shopify admin → Orders → Export: one row per line item, the order's totals on its first row only. */
    public static final Preset SHOPIFY_ORDERS = new Preset("shopify-orders", Dataset.orders,
            List.of("Name", "Email", "Financial Status", "Currency", "Total", "Taxes", "Created at", "Cancelled at",
                    "Lineitem quantity"),
            Map.of("order_id", "name", "customer_id", "email", "ordered_at", "created at", "amount", "total − taxes",
                    "currency", "currency", "status", "financial status, cancelled at"),
            Set.of(), false, "billing country", row -> {
                if (row.cell("total") == null && row.cell("financial status") == null) {
                    return null;
                }
                String email = row.cell("email");
                if (email == null) {
                    throw new Preset.SkippedRow("email", "no customer e-mail: the order belongs to no customer and is skipped");
                }
                BigDecimal taxes = row.cell("taxes") == null ? BigDecimal.ZERO : number("taxes", row.cell("taxes"));
                String financial = Optional.ofNullable(row.cell("financial status")).orElse("").toLowerCase(Locale.ROOT);
                String status = row.cell("cancelled at") != null || financial.equals("voided") ? "cancelled"
                        : financial.equals("refunded") ? "refunded" : "completed";
                return fields("order_id", row.cell("name"), "customer_id", email.toLowerCase(Locale.ROOT),
                        "ordered_at", withOffset(row.cell("created at")),
                        "amount", number("total", row.cell("total")).subtract(taxes).toPlainString(),
                        "currency", row.cell("currency"), "status", status);
            });

    /** Stripe Dashboard → Billing → Subscriptions → Export (default columns): one row per subscription. */
    public static final Preset STRIPE_SUBSCRIPTIONS = new Preset("stripe-subscriptions", Dataset.subscriptions,
            List.of("id", "Customer ID", "Plan", "Quantity", "Currency", "Interval", "Amount", "Status", "Created (UTC)",
                    "Current Period Start (UTC)", "Current Period End (UTC)", "Trial End (UTC)", "Ended At (UTC)"),
            Map.of("subscription_id", "id", "customer_id", "customer id", "plan", "plan", "starts_at",
                    "start date (utc) / start (utc) / created (utc)", "ends_at", "ended at (utc)", "amount", "amount × quantity",
                    "currency", "currency", "billing_period", "interval", "trial_ends_at", "trial end (utc)",
                    "cancel_reason", "cancellation reason"),
            Set.of(), false, null, row -> {
                String status = Optional.ofNullable(row.cell("status")).orElse("").toLowerCase(Locale.ROOT);
                if (status.equals("incomplete") || status.equals("incomplete_expired")) {
                    throw new Preset.SkippedRow("status", "status " + status + ": the first payment never succeeded, so it was never a subscription");
                }
                String quantity = row.cell("quantity") == null ? "1" : row.cell("quantity");
                String start = firstOf(row, "start date (utc)", "start (utc)", "created (utc)");
                return fields("subscription_id", row.cell("id"), "customer_id", row.cell("customer id"),
                        "plan", row.cell("plan"), "starts_at", utc(start), "ends_at", utc(row.cell("ended at (utc)")),
                        "amount", number("amount", row.cell("amount")).multiply(number("quantity", quantity)).toPlainString(),
                        "currency", row.cell("currency"), "billing_period", row.cell("interval"),
                        "trial_ends_at", utc(row.cell("trial end (utc)")), "cancel_reason", row.cell("cancellation reason"));
            });

    /** Olist marketing funnel, marketing-qualified leads: when each lead came in and through which channel. */
    public static final Preset OLIST_LEADS = new Preset("olist-qualified-leads", Dataset.leads,
            List.of("mql_id", "first_contact_date", "landing_page_id", "origin"),
            Map.of("lead_id", "mql_id", "created_at", "first_contact_date", "channel", "origin"),
            Set.of("lead_id", "created_at", "channel"), false, null,
            row -> fields("lead_id", row.cell("mql_id"), "created_at", row.cell("first_contact_date"), "channel", row.cell("origin")));

    /** Olist marketing funnel, closed deals: which lead became which seller, when. */
    public static final Preset OLIST_DEALS = new Preset("olist-closed-deals", Dataset.leads,
            List.of("mql_id", "seller_id", "won_date"),
            Map.of("lead_id", "mql_id", "converted_at", "won_date", "customer_id", "seller_id"),
            Set.of("lead_id", "converted_at", "customer_id"), false, null,
            row -> fields("lead_id", row.cell("mql_id"), "converted_at", row.cell("won_date"), "customer_id", row.cell("seller_id")));

    public static final List<Preset> ALL = List.of(INVOICE_LINES, SHOPIFY_ORDERS, STRIPE_SUBSCRIPTIONS, OLIST_LEADS, OLIST_DEALS);

    private Presets() {
    }

    /** The preset whose signature the header has (lower-cased columns), for the requested dataset if one was chosen. */
    public static Optional<Preset> match(List<String> header, Optional<Dataset> requested) {
        return ALL.stream().filter(preset -> preset.matches(header))
                .filter(preset -> requested.isEmpty() || requested.get() == preset.dataset()).findFirst();
    }

    private static String firstOf(Preset.Row row, String... columns) {
        for (String column : columns) {
            if (row.cell(column) != null) {
                return row.cell(column);
            }
        }
        return null;
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
