package com.merchantmetrics.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Asked-for order counts are met exactly, and large runs stream instead of piling up orders. */
class GeneratorScaleTest {

    @ParameterizedTest
    @EnumSource(DemoProfile.class)
    void writesExactlyTheRequestedNumberOfOrders(DemoProfile profile, @TempDir Path directory) throws IOException {
        GeneratorSettings settings = GeneratorSettings.demo(profile, GeneratedData.LAST_DAY).withOrders(7_001);

        GeneratedFiles files = DemoDataGenerator.generate(settings, directory);

        assertEquals(7_001, files.rowCounts().get("orders"));
        assertEquals(7_001, dataLines(files.byDataset().get("orders")));
    }

    @Test
    void rejectsFewerOrdersThanTheCustomersAndSubscriptionsNeed(@TempDir Path directory) {
        GeneratorSettings settings = GeneratorSettings.demo(DemoProfile.D2C_SUBSCRIPTION, GeneratedData.LAST_DAY)
                .withOrders(100);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DemoDataGenerator.generate(settings, directory));
        assertTrue(error.getMessage().startsWith("orders=100 is fewer than"), error.getMessage());
    }

    /** Benchmark-shaped settings with a small customer base, so that nearly all the work is streaming orders. */
    @Test
    void benchmarkScaleStreamsOrders(@TempDir Path directory) throws IOException {
        GeneratorSettings settings = GeneratorSettings.benchmark(DemoProfile.D2C_SUBSCRIPTION, GeneratedData.LAST_DAY)
                .withCustomers(5_000).withSubscriptions(4_000).withOrders(200_000);
        long started = System.nanoTime();

        GeneratedFiles files = DemoDataGenerator.generate(settings, directory);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(200_000, dataLines(files.byDataset().get("orders")));
        assertTrue(took.toSeconds() < 20, "took " + took);
    }

    private static long dataLines(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count() - 1;
        }
    }
}
