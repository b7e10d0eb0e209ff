package com.merchantmetrics.scaleout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The Flyway versions of a migration folder of src/main/resources, in the order Flyway applies them. */
final class MigrationFiles {

    private MigrationFiles() {
    }

    static List<String> versions(String folder) {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", folder))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V[0-9.]+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(Comparator.comparing(MigrationFiles::numeric))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Long numeric(String version) {
        return Long.parseLong(version.split("\\.")[0]);
    }
}
