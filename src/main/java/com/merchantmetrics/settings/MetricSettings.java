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
import com.merchantmetrics.web.Messages;

/** The tenant settings that change how metrics are computed (metrics.md, "Tenant settings that change definitions"). */
public record MetricSettings(String reportingCurrency, String timeZone, int inactivityDays, int cacWindowMonths,
        int ltvWindowMonths, BigDecimal grossMargin) {

    public static MetricSettings of(Tenant tenant) {
        return new MetricSettings(tenant.reportingCurrency, tenant.timeZone, tenant.inactivityDays, tenant.cacWindowMonths,
                tenant.ltvWindowMonths, tenant.grossMargin);
    }

    /** Settings as typed in the form; problems name the field and what it accepts, in the words of msg. */
    public static Parsed parse(String currency, String timeZone, String inactivityDays, String cacWindow, String ltvWindow,
            String grossMarginPercent, Messages msg) {
        List<String> problems = new ArrayList<>();
        String code = currency == null ? "" : currency.trim().toUpperCase();
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            problems.add(msg.badCurrency(currency));
        }
        String zone = timeZone == null ? "" : timeZone.trim();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add(msg.badTimeZone(timeZone));
        }
        int inactivity = whole(msg.settingName("inactivity_days"), inactivityDays, 1, 3650, problems, msg);
        int cac = whole(msg.settingName("cac_window_months"), cacWindow, 1, 36, problems, msg);
        int ltv = whole(msg.settingName("ltv_window_months"), ltvWindow, 1, 36, problems, msg);
        BigDecimal margin = null;
        if (grossMarginPercent != null && !grossMarginPercent.isBlank()) {
            try {
                BigDecimal percent = new BigDecimal(grossMarginPercent.trim());
                if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    problems.add(msg.marginOutOfRange(grossMarginPercent));
                } else {
                    margin = percent.movePointLeft(2).stripTrailingZeros();
                }
            } catch (NumberFormatException e) {
                problems.add(msg.marginNotANumber(grossMarginPercent));
            }
        }
        return new Parsed(problems.isEmpty() ? new MetricSettings(code, zone, inactivity, cac, ltv, margin) : null, problems);
    }

    public record Parsed(MetricSettings settings, List<String> problems) {
    }

    private static int whole(String field, String text, int min, int max, List<String> problems, Messages msg) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(msg.notAWholeNumberBetween(field, text, min, max));
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
