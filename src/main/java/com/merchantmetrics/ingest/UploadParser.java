package com.merchantmetrics.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.merchantmetrics.core.SpreadsheetSafe;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Streams a CSV file row by row (FastCSV), checks every cell against its dataset and hands each good row to a sink
 * in table-column order. Nothing but the current row and the first few preview rows is held in memory.
 */
public final class UploadParser {

    public static final int PREVIEW_ROWS = 10;
    private static final int MAX_FIELD_CHARS = 1 << 20;

    @FunctionalInterface
    public interface RowSink {
        void accept(Dataset dataset, long line, String[] tableRow) throws IOException;
    }

    public record Result(Dataset dataset, String encoding, char delimiter, List<String> header, long rows, long accepted,
            List<List<String>> preview, Problems problems) {

        public String delimiterName() {
            return switch (delimiter) {
                case '\t' -> "tab";
                case ';' -> "semicolon";
                default -> "comma";
            };
        }
    }

    private final ZoneId zone;
    private final long maxBytes;

    public UploadParser(ZoneId zone, long maxBytes) {
        this.zone = zone;
        this.maxBytes = maxBytes;
    }

    /** requested empty = detect the dataset from the header. Whole-file problems end as UploadRefused. */
    public Result parse(Path file, String fileName, Optional<Dataset> requested, String encoding, RowSink sink)
            throws IOException, UploadRefused {
        Problems problems = new Problems();
        try (CsvSource source = CsvSource.open(file, fileName, encoding, maxBytes)) {
            String name = source.csvName();
            CsvReader<CsvRecord> csv = CsvReader.builder()
                    .fieldSeparator(source.delimiter())
                    .quoteCharacter('"')
                    .commentStrategy(CommentStrategy.NONE)
                    .skipEmptyLines(true)
                    .allowExtraFields(true)
                    .allowMissingFields(true)
                    .maxBufferSize(MAX_FIELD_CHARS)
                    .ofCsvRecord(source.reader());
            var records = csv.iterator();
            long lastLine = 1;
            try {
                if (!records.hasNext()) {
                    throw new UploadRefused(name + " is empty: a file needs at least a header row");
                }
                List<String> header = records.next().getFields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
                Dataset dataset = dataset(name, header, requested);
                Map<String, Integer> positions = positions(name, header, dataset, problems);
                List<List<String>> preview = new ArrayList<>();
                long rows = 0;
                long accepted = 0;
                while (records.hasNext()) {
                    CsvRecord record = records.next();
                    lastLine = record.getStartingLineNumber();
                    rows++;
                    String[] tableRow = row(name, record, header.size(), dataset, positions, problems);
                    if (tableRow != null) {
                        accepted++;
                        sink.accept(dataset, record.getStartingLineNumber(), tableRow);
                        if (preview.size() < PREVIEW_ROWS) {
                            preview.add(Arrays.asList(tableRow));
                        }
                    }
                }
                if (rows == 0) {
                    problems.add(Problem.warning(name, 0, null, null, "the file has a header row but no data rows"));
                }
                return new Result(dataset, source.encoding(), source.delimiter(), header, rows, accepted, preview, problems);
            } catch (CsvParseException e) {
                throw new UploadRefused(name + ", after row " + lastLine + ": the CSV cannot be read ("
                        + rootMessage(e) + "), e.g. an unbalanced quote or a field longer than 1 million characters");
            } catch (UncheckedIOException e) {
                throw readFailure(name, lastLine, e.getCause());
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new UploadRefused(fileName + " cannot be unpacked (" + e.getMessage() + "): the archive is damaged or cut off");
        } catch (UploadRefused | IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static UploadRefused readFailure(String name, long lastLine, IOException cause) throws IOException {
        if (cause instanceof CharacterCodingException) {
            return new UploadRefused(name + ", after row " + lastLine + ": the text is not valid in the chosen encoding; "
                    + "choose Windows-1252 or ISO-8859-1 on upload, or save the file as UTF-8");
        }
        if (cause instanceof CsvSource.DecompressionBombException) {
            return new UploadRefused(cause.getMessage());
        }
        if (cause instanceof java.util.zip.ZipException || cause instanceof java.io.EOFException) {
            return new UploadRefused(name + " cannot be unpacked (" + cause.getMessage() + "): the archive is damaged or cut off");
        }
        throw cause;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static Dataset dataset(String name, List<String> header, Optional<Dataset> requested) throws UploadRefused {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Integer before = seen.put(header.get(i), i + 1);
            if (before != null) {
                throw new UploadRefused(name + ", row 1: column \"" + header.get(i) + "\" appears twice (columns "
                        + before + " and " + (i + 1) + "); each column may appear once");
            }
        }
        if (requested.isPresent()) {
            List<String> missing = requested.get().fields().stream().filter(Dataset.Field::required)
                    .map(Dataset.Field::name).filter(field -> !header.contains(field)).toList();
            if (!missing.isEmpty()) {
                throw new UploadRefused(name + ", row 1: required column" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing) + " missing for " + requested.get().fileName()
                        + " (the header has: " + String.join(", ", header) + ")");
            }
            return requested.get();
        }
        return Dataset.detect(header).orElseThrow(() -> new UploadRefused(name
                + ", row 1: the header (" + String.join(", ", header) + ") matches none of the upload formats; "
                + "choose the dataset, or see the required columns of each format"));
    }

    private static Map<String, Integer> positions(String name, List<String> header, Dataset dataset, Problems problems) {
        Map<String, Integer> positions = new HashMap<>();
        for (Dataset.Field field : dataset.fields()) {
            int index = header.indexOf(field.name());
            if (index >= 0) {
                positions.put(field.name(), index);
            }
        }
        for (String column : header) {
            if (dataset.fields().stream().noneMatch(field -> field.name().equals(column))) {
                problems.add(Problem.warning(name, 1, column, null,
                        "not a column of " + dataset.fileName() + "; ignored"));
            }
        }
        return positions;
    }

    private String[] row(String name, CsvRecord record, int headerSize, Dataset dataset, Map<String, Integer> positions,
            Problems problems) {
        long line = record.getStartingLineNumber();
        if (record.getFieldCount() != headerSize) {
            problems.add(Problem.error(name, line, null, null, "the row has " + record.getFieldCount()
                    + " fields but the header has " + headerSize + " (a missing delimiter, an extra one or a stray quote)"));
            return null;
        }
        Map<String, String> normalized = new HashMap<>();
        boolean ok = true;
        for (Dataset.Field field : dataset.fields()) {
            Integer position = positions.get(field.name());
            String raw = position == null ? null : record.getField(position);
            try {
                String value = field.kind().normalize(field.name(), raw, zone);
                if (field.kind() == FieldKind.TEXT && value != null && !value.equals(SpreadsheetSafe.cell(value))) {
                    problems.add(Problem.warning(name, line, field.name(), value,
                            "starts like a spreadsheet formula: kept as text, and neutralised in every export"));
                }
                if (value == null && field.required()) {
                    throw new FieldProblem(field.name(), raw, "required, but empty");
                }
                normalized.put(field.name(), value);
            } catch (FieldProblem problem) {
                problems.add(Problem.error(name, line, problem.column(), problem.value(), problem.getMessage()));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        try {
            return dataset.tableRow(normalized);
        } catch (FieldProblem problem) {
            problems.add(Problem.error(name, line, problem.column(), problem.value(), problem.getMessage()));
            return null;
        }
    }
}
