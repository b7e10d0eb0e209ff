package com.merchantmetrics.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command line entry for benchmark scripts:
 * {@code --profile=b2b|d2c --last-day=YYYY-MM-DD --out=DIR [--scale=demo|benchmark] [--seed=N] [--orders=N]
 * [--customers=N] [--subscriptions=N]}. Prints every file with its row count.
 */
public final class GenerateDemoData {

    private static final String USAGE = "usage: GenerateDemoData --profile=b2b|d2c --last-day=YYYY-MM-DD --out=DIR"
            + " [--scale=demo|benchmark] [--seed=N] [--orders=N] [--customers=N] [--subscriptions=N]";
    private static final Set<String> OPTIONS = Set.of("profile", "last-day", "out", "scale", "seed", "orders",
            "customers", "subscriptions");

    private GenerateDemoData() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options;
        GeneratorSettings settings;
        try {
            options = parse(args);
            settings = settings(options);
        } catch (IllegalArgumentException | DateTimeException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        GeneratedFiles files = DemoDataGenerator.generate(settings, Path.of(required(options, "out")));
        long millis = (System.nanoTime() - started) / 1_000_000;
        files.byDataset().forEach((dataset, file) ->
                System.out.printf("%-16s %,12d rows  %s%n", dataset, files.rowCounts().get(dataset), file));
        System.out.printf("generated %s (%s, seed %d, %s to %s) in %,d ms%n", settings.profile().companyName(),
                settings.profile(), settings.seed(), settings.firstDay(), settings.lastDay(), millis);
    }

    static GeneratorSettings settings(Map<String, String> options) {
        DemoProfile profile = switch (required(options, "profile")) {
            case "b2b" -> DemoProfile.B2B_WHOLESALE;
            case "d2c" -> DemoProfile.D2C_SUBSCRIPTION;
            default -> throw new IllegalArgumentException("--profile must be b2b or d2c");
        };
        LocalDate lastDay = LocalDate.parse(required(options, "last-day"));
        GeneratorSettings settings = switch (options.getOrDefault("scale", "demo")) {
            case "demo" -> GeneratorSettings.demo(profile, lastDay);
            case "benchmark" -> GeneratorSettings.benchmark(profile, lastDay);
            default -> throw new IllegalArgumentException("--scale must be demo or benchmark");
        };
        if (options.containsKey("seed")) {
            settings = settings.withSeed(Long.parseLong(options.get("seed")));
        }
        if (options.containsKey("orders")) {
            settings = settings.withOrders(Integer.parseInt(options.get("orders")));
        }
        if (options.containsKey("customers")) {
            settings = settings.withCustomers(Integer.parseInt(options.get("customers")));
        }
        if (options.containsKey("subscriptions")) {
            settings = settings.withSubscriptions(Integer.parseInt(options.get("subscriptions")));
        }
        return settings;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(2, equals) : null;
            if (name == null || !OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            options.put(name, arg.substring(equals + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
