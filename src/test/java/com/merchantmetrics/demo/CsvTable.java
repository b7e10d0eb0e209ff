package com.merchantmetrics.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/** A generated CSV file read back into memory, for checking small files. */
record CsvTable(List<String> header, List<Map<String, String>> rows) {

    static CsvTable read(Path file) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            List<String> header = null;
            List<Map<String, String>> rows = new ArrayList<>();
            for (CsvRecord record : reader) {
                if (header == null) {
                    header = record.getFields();
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int column = 0; column < header.size(); column++) {
                    row.put(header.get(column), record.getField(column));
                }
                rows.add(row);
            }
            return new CsvTable(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> column(String name) {
        return rows.stream().map(row -> row.get(name)).toList();
    }
}
