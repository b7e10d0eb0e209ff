package com.merchantmetrics.ingest.presets;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.merchantmetrics.ingest.FieldProblem;

/** Conversions the presets share: vendors' time stamps into ISO 8601, products of amounts. */
final class PresetValues {

    private static final Pattern LOCAL = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}(?::\\d{2})?)");
    private static final Pattern WITH_OFFSET = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}:\\d{2}) ?([+-]\\d{2}):?(\\d{2})");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private PresetValues() {
    }

    /** "2024-01-15 10:23" stated in UTC (Stripe's "(UTC)" columns) as ISO 8601; other text unchanged, for the check to name. */
    static String utc(String value) {
        if (value == null) {
            return null;
        }
        Matcher local = LOCAL.matcher(value);
        return local.matches() ? local.group(1) + "T" + local.group(2) + "Z" : value;
    }

    /** "2024-01-15 10:23:45 -0500" (Shopify) as ISO 8601 with offset; other text unchanged. */
    static String withOffset(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = WITH_OFFSET.matcher(value);
        return matcher.matches()
                ? matcher.group(1) + "T" + matcher.group(2) + matcher.group(3) + ":" + matcher.group(4)
                : value;
    }

    static BigDecimal number(String column, String value) throws FieldProblem {
        if (value == null) {
            throw new FieldProblem(column, null, "required, but empty");
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw new FieldProblem(column, value, "not a number: write a decimal number like 12.50");
        }
        return new BigDecimal(value);
    }
}
