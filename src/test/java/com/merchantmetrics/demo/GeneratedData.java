package com.merchantmetrics.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/** One generator run, generated once per JVM and read back for the tests. */
final class GeneratedData {

    static final LocalDate LAST_DAY = LocalDate.of(2025, 6, 30);

    private static final Map<DemoProfile, GeneratedData> DEMOS = new HashMap<>();

    final GeneratorSettings settings;
    final GeneratedFiles files;
    private final Map<String, CsvTable> tables = new HashMap<>();

    private GeneratedData(GeneratorSettings settings, GeneratedFiles files) {
        this.settings = settings;
        this.files = files;
    }

    static synchronized GeneratedData demo(DemoProfile profile) {
        return DEMOS.computeIfAbsent(profile,
                key -> generate(GeneratorSettings.demo(key, LAST_DAY), "demo-" + key.name().toLowerCase()));
    }

    static GeneratedData generate(GeneratorSettings settings, String name) {
        try {
            Path directory = Files.createTempDirectory(name);
            directory.toFile().deleteOnExit();
            GeneratedFiles files = DemoDataGenerator.generate(settings, directory);
            files.byDataset().values().forEach(file -> file.toFile().deleteOnExit());
            return new GeneratedData(settings, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized CsvTable table(String dataset) {
        return tables.computeIfAbsent(dataset, key -> CsvTable.read(files.byDataset().get(key)));
    }

    /** Parses the canonical date forms the generator writes: a date (midnight) or a timestamp without offset. */
    static LocalDateTime instant(String text) {
        return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text.replace(' ', 'T'));
    }

    static BigDecimal money(String text) {
        return new BigDecimal(text);
    }
}
