package com.merchantmetrics.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The value types of the canonical formats (data-formats.md), each turning a cell into the normalized text the
 * staging table takes, or saying exactly why it cannot.
 */
public enum FieldKind {
    TEXT, ID, TIMESTAMP, DAY, DAY_OR_MONTH, MONEY, MONEY_NOT_NEGATIVE, CURRENCY, BOOLEAN, COUNT, RATE, COUNTRY, SEGMENT,
    ORDER_TYPE, ORDER_STATUS, BILLING_PERIOD, SPEND_CATEGORY, COST_TYPE;

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("\\d+");
    private static final Pattern FLOAT_INTEGER = Pattern.compile("\\d+\\.0+");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d+");
    private static final Pattern OFFSET_AT_END = Pattern.compile(".*[+-]\\d{2}:?\\d{2}$");
    private static final Pattern ISO_WEEKS = Pattern.compile("P(\\d+)W");
    private static final Pattern ISO_MONTHS_YEARS = Pattern.compile("P(?:(\\d+)Y)?(?:(\\d+)M)?");
    private static final DateTimeFormatter STRICT_DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter STRICT_MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter LOCAL_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    private static final Map<String, String> COUNTRY_NAMES = countryNames();
    private static final Set<String> SEGMENTS = Set.of("b2b", "b2c");
    private static final Set<String> ORDER_TYPES = Set.of("one_time", "subscription", "mixed");
    private static final Set<String> ORDER_STATUSES = Set.of("completed", "refunded", "cancelled");
    private static final Set<String> SPEND_CATEGORIES = Set.of("marketing", "sales");
    private static final Set<String> COST_TYPES = Set.of("ads", "salaries", "tools", "content", "trial_costs", "other");
    private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());

    /** The normalized value, or null for a blank cell. */
    public String normalize(String column, String raw, ZoneId zone) throws FieldProblem {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        return switch (this) {
            case TEXT -> value;
            case ID -> id(column, value);
            case TIMESTAMP -> isValidUtcSeconds(value) ? value : instant(column, value, zone).toString();
            case DAY -> day(column, value).toString();
            case DAY_OR_MONTH -> value.length() == 7 ? month(column, value).toString() : day(column, value).toString();
            case MONEY -> money(column, value).toPlainString();
            case MONEY_NOT_NEGATIVE -> notNegative(column, value, money(column, value)).toPlainString();
            case CURRENCY -> currency(column, value);
            case BOOLEAN -> bool(column, value);
            case COUNT -> count(column, value);
            case RATE -> rate(column, value);
            case COUNTRY -> country(column, value);
            case SEGMENT -> oneOf(column, value.toLowerCase(Locale.ROOT), SEGMENTS);
            case ORDER_TYPE -> oneOf(column, value.toLowerCase(Locale.ROOT), ORDER_TYPES);
            case ORDER_STATUS -> oneOf(column, value.toLowerCase(Locale.ROOT), ORDER_STATUSES);
            case BILLING_PERIOD -> billingPeriod(column, value);
            case SPEND_CATEGORY -> oneOf(column, value.toLowerCase(Locale.ROOT), SPEND_CATEGORIES);
            case COST_TYPE -> oneOf(column, value.toLowerCase(Locale.ROOT), COST_TYPES);
        };
    }

    /** Months in one billing period: week = 12/52, month = 1, quarter = 3, half_year = 6, year = 12, ISO alike. */
    public static BigDecimal periodMonths(String normalizedBillingPeriod) {
        return switch (normalizedBillingPeriod) {
            case "week" -> new BigDecimal(12).divide(new BigDecimal(52), 8, java.math.RoundingMode.HALF_EVEN);
            case "month" -> BigDecimal.ONE;
            case "quarter" -> new BigDecimal(3);
            case "half_year" -> new BigDecimal(6);
            case "year" -> new BigDecimal(12);
            default -> isoPeriodMonths(normalizedBillingPeriod);
        };
    }

    private static BigDecimal isoPeriodMonths(String period) {
        var weeks = ISO_WEEKS.matcher(period);
        if (weeks.matches()) {
            return new BigDecimal(weeks.group(1)).multiply(new BigDecimal(12))
                    .divide(new BigDecimal(52), 8, java.math.RoundingMode.HALF_EVEN);
        }
        var monthsYears = ISO_MONTHS_YEARS.matcher(period);
        if (!monthsYears.matches()) {
            throw new IllegalArgumentException(period);
        }
        int years = monthsYears.group(1) == null ? 0 : Integer.parseInt(monthsYears.group(1));
        int months = monthsYears.group(2) == null ? 0 : Integer.parseInt(monthsYears.group(2));
        return new BigDecimal(years * 12 + months);
    }

    private static String billingPeriod(String column, String value) throws FieldProblem {
        String lower = value.toLowerCase(Locale.ROOT);
        if (Set.of("week", "month", "quarter", "half_year", "year").contains(lower)) {
            return lower;
        }
        String iso = value.toUpperCase(Locale.ROOT);
        boolean weeks = ISO_WEEKS.matcher(iso).matches();
        var monthsYears = ISO_MONTHS_YEARS.matcher(iso);
        if ((weeks || (monthsYears.matches() && iso.length() > 1)) && periodMonths(iso).signum() > 0) {
            return iso;
        }
        throw new FieldProblem(column, value,
                "not a billing period: use week, month, quarter, half_year, year or an ISO 8601 period like P1M, P3M, P1Y, P2W");
    }

    private static String id(String column, String value) throws FieldProblem {
        if (value.length() > 255) {
            throw new FieldProblem(column, value, "identifiers are at most 255 characters");
        }
        if (value.indexOf('.') > 0 && FLOAT_INTEGER.matcher(value).matches()) {
            return value.substring(0, value.indexOf('.'));
        }
        return value;
    }

    /**
     * The canonical form, YYYY-MM-DDTHH:MM:SSZ, naming a real moment: it is already normalized. Checked without a
     * formatter, because most files have one such cell in every row.
     */
    private static boolean isValidUtcSeconds(String value) {
        if (value.length() != 20 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
                || value.charAt(13) != ':' || value.charAt(16) != ':' || value.charAt(19) != 'Z') {
            return false;
        }
        int[] numbers = new int[6];
        int[][] spans = {{0, 4}, {5, 7}, {8, 10}, {11, 13}, {14, 16}, {17, 19}};
        for (int i = 0; i < spans.length; i++) {
            for (int at = spans[i][0]; at < spans[i][1]; at++) {
                char c = value.charAt(at);
                if (c < '0' || c > '9') {
                    return false;
                }
                numbers[i] = numbers[i] * 10 + (c - '0');
            }
        }
        try {
            LocalDateTime.of(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static Instant instant(String column, String value, ZoneId zone) throws FieldProblem {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value, STRICT_DAY).atStartOfDay(zone).toInstant();
            }
            if (value.endsWith("Z") || OFFSET_AT_END.matcher(value).matches()) {
                return OffsetDateTime.parse(value.replace(' ', 'T')).toInstant();
            }
            return LocalDateTime.parse(value, LOCAL_TIME).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new FieldProblem(column, value,
                    "not a valid date or time: use YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or ISO 8601 with offset (2024-03-01T10:15:00Z)");
        }
    }

    private static LocalDate day(String column, String value) throws FieldProblem {
        try {
            return LocalDate.parse(value, STRICT_DAY);
        } catch (DateTimeParseException e) {
            throw new FieldProblem(column, value, "not a valid day: use YYYY-MM-DD (e.g. 2024-02-29)");
        }
    }

    private static YearMonth month(String column, String value) throws FieldProblem {
        try {
            return YearMonth.parse(value, STRICT_MONTH);
        } catch (DateTimeParseException e) {
            throw new FieldProblem(column, value, "not a valid month or day: use YYYY-MM or YYYY-MM-DD");
        }
    }

    private static BigDecimal money(String column, String value) throws FieldProblem {
        boolean comma = value.indexOf(',') >= 0;
        if (comma && THOUSANDS.matcher(value).matches()) {
            throw new FieldProblem(column, value, "write amounts without thousands separators, e.g. 1234.50");
        }
        if (comma && DECIMAL_COMMA.matcher(value).matches()) {
            throw new FieldProblem(column, value, "use . as the decimal separator, e.g. 12.50");
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw new FieldProblem(column, value, "not an amount: write a decimal number like 12.50");
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.scale() > 4 || amount.precision() - amount.scale() > 15) {
            throw new FieldProblem(column, value, "amounts have at most 15 digits before and 4 after the decimal point");
        }
        return amount;
    }

    private static BigDecimal notNegative(String column, String value, BigDecimal amount) throws FieldProblem {
        if (amount.signum() < 0) {
            throw new FieldProblem(column, value, "must not be negative here");
        }
        return amount;
    }

    private static String currency(String column, String value) throws FieldProblem {
        String code = value.toUpperCase(Locale.ROOT);
        if (!CURRENCIES.contains(code)) {
            throw new FieldProblem(column, value, "not an ISO 4217 currency code (like EUR, USD, VND)");
        }
        return code;
    }

    private static String bool(String column, String value) throws FieldProblem {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> "true";
            case "false", "no", "0" -> "false";
            default -> throw new FieldProblem(column, value, "not a yes/no value: use true/false, yes/no or 1/0");
        };
    }

    private static String count(String column, String value) throws FieldProblem {
        if (!INTEGER.matcher(value).matches() || value.length() > 18) {
            throw new FieldProblem(column, value, "not a whole number of 0 or more");
        }
        return value;
    }

    private static String rate(String column, String value) throws FieldProblem {
        if (!DECIMAL.matcher(value).matches() || new BigDecimal(value).signum() <= 0) {
            throw new FieldProblem(column, value, "not a positive decimal rate like 1.0850");
        }
        return new BigDecimal(value).toPlainString();
    }

    private static String country(String column, String value) throws FieldProblem {
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && COUNTRY_CODES.contains(upper)) {
            return upper;
        }
        String code = COUNTRY_NAMES.get(value.toLowerCase(Locale.ROOT));
        if (code == null) {
            throw new FieldProblem(column, value, "not a country: use an ISO 3166-1 code (DE) or an English name (Germany)");
        }
        return code;
    }

    private static String oneOf(String column, String value, Set<String> allowed) throws FieldProblem {
        if (!allowed.contains(value)) {
            throw new FieldProblem(column, value, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return value;
    }

    private static Map<String, String> countryNames() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            names.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        names.put("usa", "US");
        names.put("united states of america", "US");
        names.put("uk", "GB");
        names.put("eire", "IE");
        names.put("rsa", "ZA");
        names.put("hong kong", "HK");
        names.put("czech republic", "CZ");
        return Map.copyOf(names);
    }
}
