package com.merchantmetrics.demo;

import java.util.List;

/** The canonical upload files, with their header columns exactly as data-formats.md lists them. */
enum Dataset {
    CUSTOMERS("customers", "customer_id", "name", "email", "company", "country", "segment", "created_at",
            "acquisition_channel", "marketing_originated"),
    ORDERS("orders", "order_id", "customer_id", "ordered_at", "amount", "currency", "one_time_amount",
            "subscription_amount", "type", "channel", "landing_page", "status"),
    SUBSCRIPTIONS("subscriptions", "subscription_id", "customer_id", "plan", "starts_at", "ends_at", "amount",
            "currency", "billing_period", "trial_ends_at", "cancel_reason", "retention_offer"),
    MARKETING_SPEND("marketing_spend", "date", "channel", "amount", "currency", "category", "cost_type"),
    TRAFFIC("traffic", "date", "visitors", "sessions", "channel", "page"),
    LEADS("leads", "lead_id", "created_at", "channel", "converted_at", "customer_id"),
    FX_RATES("fx_rates", "date", "currency", "rate");

    private final String key;
    private final List<String> columns;

    Dataset(String key, String... columns) {
        this.key = key;
        this.columns = List.of(columns);
    }

    String key() {
        return key;
    }

    String fileName() {
        return key + ".csv";
    }

    List<String> columns() {
        return columns;
    }
}
