package com.merchantmetrics.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which column of a file holds each field of a dataset (columns lower-cased as the header is read). A canonical
 * file maps every field to the column of the same name.
 */
public record ColumnMapping(Dataset dataset, Map<String, String> columns) {

    public ColumnMapping {
        columns = columns.entrySet().stream().filter(entry -> entry.getValue() != null && !entry.getValue().isBlank())
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().strip().toLowerCase(Locale.ROOT),
                        (a, b) -> a, LinkedHashMap::new));
    }

    /** The identity mapping of the dataset's fields that the header has. */
    static ColumnMapping canonical(Dataset dataset, List<String> header) {
        Map<String, String> columns = new LinkedHashMap<>();
        dataset.fields().stream().map(Dataset.Field::name).filter(header::contains).forEach(name -> columns.put(name, name));
        return new ColumnMapping(dataset, columns);
    }

    /** The key a mapping is remembered under: the header line, columns lower-cased and joined by commas. */
    public static String headerKey(List<String> header) {
        return String.join(",", header);
    }

    public List<String> missingRequired() {
        return dataset.fields().stream().filter(Dataset.Field::required).map(Dataset.Field::name)
                .filter(name -> !columns.containsKey(name)).toList();
    }

    /** "amount ← Total" pairs for people. */
    public String describe() {
        return columns.entrySet().stream().map(entry -> entry.getKey() + " ← " + entry.getValue()).collect(Collectors.joining(", "));
    }
}
