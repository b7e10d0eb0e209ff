package com.merchantmetrics.ingest;

import static com.merchantmetrics.ingest.FieldKind.BILLING_PERIOD;
import static com.merchantmetrics.ingest.FieldKind.BOOLEAN;
import static com.merchantmetrics.ingest.FieldKind.COST_TYPE;
import static com.merchantmetrics.ingest.FieldKind.COUNT;
import static com.merchantmetrics.ingest.FieldKind.COUNTRY;
import static com.merchantmetrics.ingest.FieldKind.CURRENCY;
import static com.merchantmetrics.ingest.FieldKind.DAY;
import static com.merchantmetrics.ingest.FieldKind.DAY_OR_MONTH;
import static com.merchantmetrics.ingest.FieldKind.ID;
import static com.merchantmetrics.ingest.FieldKind.MONEY;
import static com.merchantmetrics.ingest.FieldKind.MONEY_NOT_NEGATIVE;
import static com.merchantmetrics.ingest.FieldKind.ORDER_STATUS;
import static com.merchantmetrics.ingest.FieldKind.ORDER_TYPE;
import static com.merchantmetrics.ingest.FieldKind.RATE;
import static com.merchantmetrics.ingest.FieldKind.SEGMENT;
import static com.merchantmetrics.ingest.FieldKind.SPEND_CATEGORY;
import static com.merchantmetrics.ingest.FieldKind.TEXT;
import static com.merchantmetrics.ingest.FieldKind.TIMESTAMP;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical upload formats of data-formats.md: the columns a file may have, and how a row becomes a row of the
 * tenant's table. A dataset's name is its file name without ".csv".
 */
public enum Dataset {

    customers(
            List.of(required("customer_id", ID), optional("name", TEXT), optional("email", TEXT),
                    optional("company", TEXT), optional("country", COUNTRY), optional("segment", SEGMENT),
                    optional("created_at", TIMESTAMP), optional("acquisition_channel", TEXT),
                    optional("marketing_originated", BOOLEAN)),
            List.of("customer_id", "name", "email", "company", "country", "segment", "created_at",
                    "acquisition_channel", "marketing_originated"),
            List.of("customer_id"), "created_at", null, false) {
        @Override
        String[] tableRow(Map<String, String> v) {
            return inColumnOrder(v, tableColumns());
        }
    },

    orders(
            List.of(required("order_id", ID), required("customer_id", ID), required("ordered_at", TIMESTAMP),
                    required("amount", MONEY), required("currency", CURRENCY), optional("one_time_amount", MONEY),
                    optional("subscription_amount", MONEY), optional("type", ORDER_TYPE), optional("channel", TEXT),
                    optional("landing_page", TEXT), optional("status", ORDER_STATUS)),
            List.of("order_id", "customer_id", "ordered_at", "amount", "currency", "one_time_amount",
                    "subscription_amount", "type", "channel", "landing_page", "status"),
            List.of("order_id"), "ordered_at", "ordered_at", true) {
        @Override
        String[] tableRow(Map<String, String> v) {
            String[] row = inColumnOrder(v, tableColumns());
            row[7] = v.get("type") != null ? v.get("type") : derivedType(v.get("one_time_amount"), v.get("subscription_amount"));
            row[10] = v.get("status") != null ? v.get("status") : "completed";
            return row;
        }
    },

    subscriptions(
            List.of(required("subscription_id", ID), required("customer_id", ID), optional("plan", TEXT),
                    required("starts_at", TIMESTAMP), optional("ends_at", TIMESTAMP),
                    required("amount", MONEY_NOT_NEGATIVE), required("currency", CURRENCY),
                    required("billing_period", BILLING_PERIOD), optional("trial_ends_at", TIMESTAMP),
                    optional("cancel_reason", TEXT), optional("retention_offer", BOOLEAN)),
            List.of("subscription_id", "starts_at", "customer_id", "plan", "ends_at", "amount", "currency",
                    "billing_period", "period_months", "trial_ends_at", "cancel_reason", "retention_offer"),
            List.of("subscription_id", "starts_at"), "starts_at", "starts_at", true) {
        @Override
        String[] tableRow(Map<String, String> v) throws FieldProblem {
            if (v.get("ends_at") != null && !Instant.parse(v.get("ends_at")).isAfter(Instant.parse(v.get("starts_at")))) {
                throw new FieldProblem("ends_at", v.get("ends_at"), "ends before or when the period starts (" + v.get("starts_at") + ")");
            }
            String[] row = inColumnOrder(v, tableColumns());
            row[8] = FieldKind.periodMonths(v.get("billing_period")).toPlainString();
            return row;
        }
    },

    marketing_spend(
            List.of(required("date", DAY_OR_MONTH), required("channel", TEXT), required("amount", MONEY),
                    required("currency", CURRENCY), optional("category", SPEND_CATEGORY), optional("cost_type", COST_TYPE)),
            List.of("period_start", "period_end", "channel", "category", "cost_type", "amount", "currency"),
            List.of("period_start", "period_end", "channel", "category", "cost_type", "currency"), "period_start",
            "period_start", false) {
        @Override
        String[] tableRow(Map<String, String> v) {
            String date = v.get("date");
            LocalDate start = date.length() == 7 ? YearMonth.parse(date).atDay(1) : LocalDate.parse(date);
            LocalDate end = date.length() == 7 ? start.plusMonths(1) : start.plusDays(1);
            return new String[] {start.toString(), end.toString(), v.get("channel"),
                    Optional.ofNullable(v.get("category")).orElse("marketing"), Optional.ofNullable(v.get("cost_type")).orElse(""),
                    v.get("amount"), v.get("currency")};
        }
    },

    traffic(
            List.of(required("date", DAY), required("visitors", COUNT), optional("sessions", COUNT),
                    optional("channel", TEXT), optional("page", TEXT)),
            List.of("day", "channel", "page", "visitors", "sessions"),
            List.of("day", "channel", "page"), "day", null, false) {
        @Override
        String[] tableRow(Map<String, String> v) {
            return new String[] {v.get("date"), Optional.ofNullable(v.get("channel")).orElse(""),
                    Optional.ofNullable(v.get("page")).orElse(""), v.get("visitors"), v.get("sessions")};
        }
    },

    leads(
            List.of(required("lead_id", ID), required("created_at", TIMESTAMP), optional("channel", TEXT),
                    optional("converted_at", TIMESTAMP), optional("customer_id", ID)),
            List.of("lead_id", "created_at", "channel", "converted_at", "customer_id"),
            List.of("lead_id"), "created_at", null, true) {
        @Override
        String[] tableRow(Map<String, String> v) {
            return inColumnOrder(v, tableColumns());
        }
    },

    fx_rates(
            List.of(required("date", DAY), required("currency", CURRENCY), required("rate", RATE)),
            List.of("day", "currency", "rate"),
            List.of("currency", "day"), "day", null, false) {
        @Override
        String[] tableRow(Map<String, String> v) {
            return new String[] {v.get("date"), v.get("currency"), v.get("rate")};
        }
    };

    public record Field(String name, FieldKind kind, boolean required) {
    }

    private final List<Field> fields;
    private final List<String> tableColumns;
    private final List<String> keyColumns;
    private final String timeColumn;
    private final String fxDateColumn;
    private final boolean namesCustomers;

    Dataset(List<Field> fields, List<String> tableColumns, List<String> keyColumns, String timeColumn,
            String fxDateColumn, boolean namesCustomers) {
        this.fields = fields;
        this.tableColumns = tableColumns;
        this.keyColumns = keyColumns;
        this.timeColumn = timeColumn;
        this.fxDateColumn = fxDateColumn;
        this.namesCustomers = namesCustomers;
    }

    /** The row of the table, in {@link #tableColumns()} order, from the normalized values of one file row. */
    abstract String[] tableRow(Map<String, String> normalized) throws FieldProblem;

    public String fileName() {
        return name() + ".csv";
    }

    public List<Field> fields() {
        return fields;
    }

    public List<String> tableColumns() {
        return tableColumns;
    }

    public List<String> keyColumns() {
        return keyColumns;
    }

    /** The column whose earliest value tells from which month on metrics must be recomputed. */
    public String timeColumn() {
        return timeColumn;
    }

    /** The date column amounts are converted at, or null when the dataset has no amounts. */
    public String fxDateColumn() {
        return fxDateColumn;
    }

    /** Orders, subscriptions and leads create the customers they name. */
    public boolean namesCustomers() {
        return namesCustomers;
    }

    public static Optional<Dataset> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String clean = name.strip().toLowerCase(Locale.ROOT).replace(".csv", "").replace('-', '_');
        return Arrays.stream(values()).filter(dataset -> dataset.name().equals(clean)).findFirst();
    }

    /** The dataset whose required columns are all in this header, preferring the one that uses the most columns. */
    public static Optional<Dataset> detect(List<String> header) {
        return Arrays.stream(values())
                .filter(dataset -> dataset.fields.stream().filter(Field::required).allMatch(field -> header.contains(field.name())))
                .max(java.util.Comparator.comparingLong(dataset -> dataset.fields.stream()
                        .filter(field -> header.contains(field.name())).count()));
    }

    private static Field required(String name, FieldKind kind) {
        return new Field(name, kind, true);
    }

    private static Field optional(String name, FieldKind kind) {
        return new Field(name, kind, false);
    }

    private static String[] inColumnOrder(Map<String, String> v, List<String> columns) {
        return columns.stream().map(v::get).toArray(String[]::new);
    }

    private static String derivedType(String oneTime, String subscription) {
        boolean hasOneTime = oneTime != null && new BigDecimal(oneTime).signum() > 0;
        boolean hasSubscription = subscription != null && new BigDecimal(subscription).signum() > 0;
        if (hasOneTime && hasSubscription) {
            return "mixed";
        }
        return hasSubscription ? "subscription" : "one_time";
    }
}
