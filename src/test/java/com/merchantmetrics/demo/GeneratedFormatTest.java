package com.merchantmetrics.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The files are canonical uploads: exact headers, formats and encoding, and the same bytes for the same settings. */
class GeneratedFormatTest {

    private static final Map<String, List<String>> CANONICAL_COLUMNS = Map.of(
            "customers", List.of("customer_id", "name", "email", "company", "country", "segment", "created_at",
                    "acquisition_channel", "marketing_originated"),
            "orders", List.of("order_id", "customer_id", "ordered_at", "amount", "currency", "one_time_amount",
                    "subscription_amount", "type", "channel", "landing_page", "status"),
            "subscriptions", List.of("subscription_id", "customer_id", "plan", "starts_at", "ends_at", "amount",
                    "currency", "billing_period", "trial_ends_at", "cancel_reason", "retention_offer"),
            "marketing_spend", List.of("date", "channel", "amount", "currency", "category", "cost_type"),
            "traffic", List.of("date", "visitors", "sessions", "channel", "page"),
            "leads", List.of("lead_id", "created_at", "channel", "converted_at", "customer_id"),
            "fx_rates", List.of("date", "currency", "rate"));

    private static final Pattern MONEY = Pattern.compile("-?\\d+\\.\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}:\\d{2})?");
    private static final Pattern MONTH_OR_DATE = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");

    @ParameterizedTest
    @EnumSource(DemoProfile.class)
    void sameSettingsGiveByteIdenticalFiles(DemoProfile profile, @TempDir Path again) throws IOException {
        GeneratedData demo = GeneratedData.demo(profile);

        GeneratedFiles repeated = DemoDataGenerator.generate(demo.settings, again);

        assertEquals(demo.files.rowCounts(), repeated.rowCounts());
        for (String dataset : demo.files.byDataset().keySet()) {
            assertEquals(-1, Files.mismatch(demo.files.byDataset().get(dataset), repeated.byDataset().get(dataset)),
                    dataset + " differs between two runs");
        }
    }

    @ParameterizedTest
    @EnumSource(DemoProfile.class)
    void anotherSeedGivesOtherData(DemoProfile profile, @TempDir Path otherDirectory) throws IOException {
        GeneratedData demo = GeneratedData.demo(profile);
        GeneratorSettings reseeded = demo.settings.withSeed(demo.settings.seed() + 1);

        GeneratedFiles other = DemoDataGenerator.generate(reseeded, otherDirectory);

        assertNotEquals(-1, Files.mismatch(demo.files.byDataset().get("orders"), other.byDataset().get("orders")));
    }

    @ParameterizedTest
    @EnumSource(DemoProfile.class)
    void writesAllSevenDatasetsWithCanonicalHeaders(DemoProfile profile) throws IOException {
        GeneratedData demo = GeneratedData.demo(profile);

        assertEquals(List.of("customers", "orders", "subscriptions", "marketing_spend", "traffic", "leads",
                "fx_rates"), List.copyOf(demo.files.byDataset().keySet()));
        for (Map.Entry<String, Path> file : demo.files.byDataset().entrySet()) {
            byte[] bytes = Files.readAllBytes(file.getValue());
            String text = new String(bytes, StandardCharsets.UTF_8);
            String expectedHeader = String.join(",", CANONICAL_COLUMNS.get(file.getKey())) + "\r\n";
            assertTrue(text.startsWith(expectedHeader), file.getKey() + " header: " + text.lines().findFirst());
            assertFalse(bytes[0] == (byte) 0xEF, file.getKey() + " starts with a byte-order mark");
            long rows = demo.table(file.getKey()).rows().size();
            assertEquals(demo.files.rowCounts().get(file.getKey()), rows, file.getKey() + " row count");
            assertTrue(rows > 0, file.getKey() + " is empty");
        }
    }

    @ParameterizedTest
    @EnumSource(DemoProfile.class)
    void valuesUseTheCanonicalForms(DemoProfile profile) {
        GeneratedData demo = GeneratedData.demo(profile);

        assertAll(demo.table("orders"), "amount", MONEY, false);
        assertAll(demo.table("orders"), "one_time_amount", MONEY, true);
        assertAll(demo.table("orders"), "subscription_amount", MONEY, true);
        assertAll(demo.table("orders"), "ordered_at", INSTANT, false);
        assertAll(demo.table("subscriptions"), "amount", MONEY, false);
        assertAll(demo.table("subscriptions"), "starts_at", INSTANT, false);
        assertAll(demo.table("subscriptions"), "ends_at", INSTANT, true);
        assertAll(demo.table("subscriptions"), "trial_ends_at", INSTANT, true);
        assertAll(demo.table("subscriptions"), "retention_offer", Pattern.compile("true"), true);
        assertAll(demo.table("marketing_spend"), "amount", MONEY, false);
        assertAll(demo.table("marketing_spend"), "date", MONTH_OR_DATE, false);
        assertAll(demo.table("traffic"), "date", DATE, false);
        assertAll(demo.table("traffic"), "visitors", Pattern.compile("[1-9]\\d*"), false);
        assertAll(demo.table("leads"), "created_at", INSTANT, false);
        assertAll(demo.table("leads"), "converted_at", INSTANT, true);
        assertAll(demo.table("customers"), "created_at", INSTANT, false);
        assertAll(demo.table("customers"), "marketing_originated", Pattern.compile("true|false"), true);
        assertAll(demo.table("customers"), "country", Pattern.compile("[A-Z]{2}"), false);
        assertAll(demo.table("fx_rates"), "rate", Pattern.compile("\\d+\\.\\d{6}"), false);
        assertAll(demo.table("fx_rates"), "date", DATE, false);
    }

    private static void assertAll(CsvTable table, String column, Pattern pattern, boolean blankAllowed) {
        for (String value : table.column(column)) {
            boolean valid = value.isEmpty() ? blankAllowed : pattern.matcher(value).matches();
            assertTrue(valid, column + " has value '" + value + "'");
        }
    }
}
