package com.merchantmetrics.settings;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.merchantmetrics.tenant.Tenant;

/** The tenant settings that change how metrics are computed (metrics.md, "Tenant settings that change definitions"). */
public record MetricSettings(String reportingCurrency, String timeZone, int inactivityDays, int cacWindowMonths,
        int ltvWindowMonths, BigDecimal grossMargin) {

    public static MetricSettings of(Tenant tenant) {
        return new MetricSettings(tenant.reportingCurrency, tenant.timeZone, tenant.inactivityDays, tenant.cacWindowMonths,
                tenant.ltvWindowMonths, tenant.grossMargin);
    }

    /** Settings as typed in the form; problems name the field and what it accepts. */
    public static Parsed parse(String currency, String timeZone, String inactivityDays, String cacWindow, String ltvWindow,
            String grossMarginPercent) {
        List<String> problems = new ArrayList<>();
        String code = currency == null ? "" : currency.trim().toUpperCase();
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            problems.add("Reporting currency: \"" + currency + "\" is not an ISO 4217 code such as EUR or USD.");
        }
        String zone = timeZone == null ? "" : timeZone.trim();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add("Time zone: \"" + timeZone + "\" is not an IANA time zone such as Europe/Berlin.");
        }
        int inactivity = whole("Inactivity window", inactivityDays, 1, 3650, problems);
        int cac = whole("CAC window", cacWindow, 1, 36, problems);
        int ltv = whole("LTV window", ltvWindow, 1, 36, problems);
        BigDecimal margin = null;
        if (grossMarginPercent != null && !grossMarginPercent.isBlank()) {
            try {
                BigDecimal percent = new BigDecimal(grossMarginPercent.trim());
                if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    problems.add("Gross margin: " + grossMarginPercent + " is outside 0 to 100 %; leave it empty for none.");
                } else {
                    margin = percent.movePointLeft(2).stripTrailingZeros();
                }
            } catch (NumberFormatException e) {
                problems.add("Gross margin: \"" + grossMarginPercent + "\" is not a number of percent such as 62.5.");
            }
        }
        return new Parsed(problems.isEmpty() ? new MetricSettings(code, zone, inactivity, cac, ltv, margin) : null, problems);
    }

    public record Parsed(MetricSettings settings, List<String> problems) {
    }

    private static int whole(String field, String text, int min, int max, List<String> problems) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(field + ": \"" + text + "\" must be a whole number from " + min + " to " + max + ".");
        return min;
    }

    /** Each changed setting as "name: old → new", in form order. */
    public Map<String, String> changesTo(MetricSettings next) {
        Map<String, String> changes = new LinkedHashMap<>();
        compare(changes, "reporting_currency", reportingCurrency, next.reportingCurrency);
        compare(changes, "time_zone", timeZone, next.timeZone);
        compare(changes, "inactivity_days", inactivityDays, next.inactivityDays);
        compare(changes, "cac_window_months", cacWindowMonths, next.cacWindowMonths);
        compare(changes, "ltv_window_months", ltvWindowMonths, next.ltvWindowMonths);
        compare(changes, "gross_margin", grossMargin, next.grossMargin);
        return changes;
    }

    private static void compare(Map<String, String> changes, String name, Object before, Object after) {
        boolean same = before instanceof BigDecimal a && after instanceof BigDecimal b ? a.compareTo(b) == 0 : Objects.equals(before, after);
        if (!same) {
            changes.put(name, (before == null ? "none" : before) + " → " + (after == null ? "none" : after));
        }
    }

    public String grossMarginPercent() {
        return grossMargin == null ? "" : grossMargin.movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
