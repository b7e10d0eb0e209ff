package com.merchantmetrics.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2025, 6, 30);

    @Test
    void demoCoversTwoYearsOfASmallMerchant() {
        GeneratorSettings demo = GeneratorSettings.demo(DemoProfile.D2C_SUBSCRIPTION, LAST_DAY);

        assertEquals(LocalDate.of(2023, 7, 1), demo.firstDay());
        assertEquals(LAST_DAY, demo.lastDay());
        assertEquals(0, demo.orders());
        assertEquals("USD", demo.reportingCurrency());
        assertEquals("EUR", GeneratorSettings.demo(DemoProfile.B2B_WHOLESALE, LAST_DAY).reportingCurrency());
    }

    @Test
    void benchmarkCoversThreeYearsAtScale() {
        GeneratorSettings benchmark = GeneratorSettings.benchmark(DemoProfile.D2C_SUBSCRIPTION, LAST_DAY);

        assertEquals(LocalDate.of(2022, 7, 1), benchmark.firstDay());
        assertEquals(100_000, benchmark.customers());
        assertEquals(1_000_000, benchmark.orders());
        assertEquals(100_000, benchmark.subscriptions());
        assertEquals(2_000, benchmark.leadsPerMonth());
    }

    @Test
    void rejectsSettingsThatCannotBeGenerated() {
        GeneratorSettings demo = GeneratorSettings.demo(DemoProfile.B2B_WHOLESALE, LAST_DAY);

        assertThrows(IllegalArgumentException.class, () -> demo.withCustomers(0));
        assertThrows(IllegalArgumentException.class, () -> demo.withOrders(-1));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(DemoProfile.B2B_WHOLESALE, 1,
                LAST_DAY.plusDays(1), LAST_DAY, 10, 0, 0, 0, "EUR"));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(DemoProfile.B2B_WHOLESALE, 1,
                LAST_DAY, LAST_DAY, 10, 0, 0, 0, "XYZ"));
    }

    @Test
    void commandLineOptionsOverrideTheChosenScale() {
        Map<String, String> options = GenerateDemoData.parse(new String[] { "--profile=b2b", "--seed=7",
            "--last-day=2025-06-30", "--scale=benchmark", "--orders=250000", "--out=/tmp/demo" });

        GeneratorSettings settings = GenerateDemoData.settings(options);

        assertEquals(GeneratorSettings.benchmark(DemoProfile.B2B_WHOLESALE, LAST_DAY).withSeed(7).withOrders(250_000),
                settings);
    }

    @Test
    void commandLineRejectsUnknownOptions() {
        assertThrows(IllegalArgumentException.class, () -> GenerateDemoData.parse(new String[] { "--order=5" }));
        assertThrows(IllegalArgumentException.class, () -> GenerateDemoData.parse(new String[] { "d2c" }));
        assertThrows(IllegalArgumentException.class,
                () -> GenerateDemoData.settings(GenerateDemoData.parse(new String[] { "--profile=x" })));
    }
}
