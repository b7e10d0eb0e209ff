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
import java.util.function.Function;
import java.util.function.LongConsumer;

import com.merchantmetrics.core.SpreadsheetSafe;
import com.merchantmetrics.ingest.presets.Preset;

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
    private static final int PROGRESS_EVERY = 5_000;

    @FunctionalInterface
    public interface RowSink {
        void accept(Target target, long line, String[] stagedRow) throws IOException;
    }

    /** What the rows become: the dataset, read through a preset or not. */
    public record Target(Dataset dataset, Preset preset) {
        /** The dataset's table columns, then the customer's country when the preset fills it. */
        public List<String> stagedColumns() {
            if (preset == null || preset.customerCountry() == null) {
                return dataset.tableColumns();
            }
            List<String> columns = new ArrayList<>(dataset.tableColumns());
            columns.add("customer_country");
            return columns;
        }
    }

    /**
     * How to read a file. requested empty = detect the dataset; mapping = the columns the user mapped;
     * savedMappings = the tenant's remembered mapping for a header key, if any.
     */
    public record Options(Optional<Dataset> requested, String encoding, Optional<ColumnMapping> mapping,
            Function<String, Optional<ColumnMapping>> savedMappings, String reportingCurrency, LongConsumer progress) {
    }

    /** mapping: the columns used unless the header is canonical (null then, or when a preset read the file). */
    public record Result(Target target, String encoding, char delimiter, List<String> header, long rows, long accepted,
            List<List<String>> preview, Problems problems, ColumnMapping mapping, boolean savedMapping) {

        public Dataset dataset() {
            return target.dataset();
        }

        public Preset preset() {
            return target.preset();
        }

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

    /** Whole-file problems end as UploadRefused (a header that nothing matches as MappingNeeded). */
    public Result parse(Path file, String fileName, Options options, RowSink sink) throws IOException, UploadRefused {
        Problems problems = new Problems();
        try (CsvSource source = CsvSource.open(file, fileName, options.encoding(), maxBytes)) {
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
                Shape shape = shape(name, header, options, problems);
                List<List<String>> preview = new ArrayList<>();
                long rows = 0;
                long accepted = 0;
                while (records.hasNext()) {
                    CsvRecord record = records.next();
                    lastLine = record.getStartingLineNumber();
                    rows++;
                    Row row = row(name, record, header.size(), shape, problems);
                    if (row != null) {
                        accepted++;
                        if (row.staged() != null) {
                            sink.accept(shape.target(), record.getStartingLineNumber(), row.staged());
                            if (preview.size() < PREVIEW_ROWS) {
                                preview.add(Arrays.asList(row.staged()));
                            }
                        }
                    }
                    if (rows % PROGRESS_EVERY == 0) {
                        options.progress().accept(rows);
                    }
                }
                options.progress().accept(rows);
                if (rows == 0) {
                    problems.add(Problem.warning(name, 0, null, null, "the file has a header row but no data rows"));
                }
                return new Result(shape.target(), source.encoding(), source.delimiter(), header, rows, accepted, preview,
                        problems, shape.mapping(), shape.savedMapping());
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

    /**
     * How the file's rows are read, in this order: the mapping the user just chose; the tenant's remembered mapping
     * for this header; the canonical columns (of the requested dataset, or the one the header fits best); a preset.
     */
    private Shape shape(String name, List<String> header, Options options, Problems problems) throws UploadRefused {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Integer before = positions.put(header.get(i), i);
            if (before != null) {
                throw new UploadRefused(name + ", row 1: column \"" + header.get(i) + "\" appears twice (columns "
                        + (before + 1) + " and " + (i + 1) + "); each column may appear once");
            }
        }
        Optional<Dataset> requested = options.requested();
        Optional<ColumnMapping> saved = options.mapping().isPresent() ? Optional.empty()
                : options.savedMappings().apply(ColumnMapping.headerKey(header))
                        .filter(mapping -> requested.isEmpty() || requested.get() == mapping.dataset());
        Optional<ColumnMapping> chosen = options.mapping().or(() -> saved);
        if (chosen.isPresent()) {
            return mapped(name, header, positions, chosen.get(), saved.isPresent(), problems);
        }
        Optional<Dataset> canonical = requested.isPresent()
                ? requested.filter(dataset -> ColumnMapping.canonical(dataset, header).missingRequired().isEmpty())
                : Dataset.detect(header);
        if (canonical.isPresent()) {
            return mapped(name, header, positions, ColumnMapping.canonical(canonical.get(), header), false, problems);
        }
        Optional<Preset> preset = com.merchantmetrics.ingest.presets.Presets.match(header, requested);
        if (preset.isPresent()) {
            return new PresetShape(preset.get(), positions, options.reportingCurrency());
        }
        if (requested.isPresent()) {
            List<String> missing = ColumnMapping.canonical(requested.get(), header).missingRequired();
            throw new MappingNeeded(header, requested, name + ", row 1: required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " missing for " + requested.get().fileName() + " (the header has: "
                    + String.join(", ", header) + "); map the file's columns to the fields of the dataset");
        }
        throw new MappingNeeded(header, requested, name + ", row 1: the header (" + String.join(", ", header)
                + ") matches none of the upload formats or presets; choose the dataset and map the file's columns to its fields");
    }

    private static Shape mapped(String name, List<String> header, Map<String, Integer> positions, ColumnMapping mapping,
            boolean saved, Problems problems) throws UploadRefused {
        for (Map.Entry<String, String> entry : mapping.columns().entrySet()) {
            if (mapping.dataset().fields().stream().noneMatch(field -> field.name().equals(entry.getKey()))) {
                throw new UploadRefused("The mapping names \"" + entry.getKey() + "\", which is not a field of "
                        + mapping.dataset().fileName());
            }
            if (!positions.containsKey(entry.getValue())) {
                throw new MappingNeeded(header, Optional.of(mapping.dataset()), name + ", row 1: the mapping takes "
                        + entry.getKey() + " from column \"" + entry.getValue() + "\", which the file does not have");
            }
        }
        List<String> missing = mapping.missingRequired();
        if (!missing.isEmpty()) {
            throw new MappingNeeded(header, Optional.of(mapping.dataset()), name + ": the mapping gives no column for the required field"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " of " + mapping.dataset().fileName());
        }
        boolean canonical = mapping.columns().entrySet().stream().allMatch(entry -> entry.getKey().equals(entry.getValue()));
        for (String column : header) {
            if (!mapping.columns().containsValue(column)) {
                problems.add(Problem.warning(name, 1, column, null, (canonical ? "not a column of " : "mapped to no field of ")
                        + mapping.dataset().fileName() + "; ignored"));
            }
        }
        return MappedShape.of(mapping, positions, canonical && !saved ? null : mapping, saved);
    }

    /** A file whose header fits no format, preset or mapping: the person must map its columns. */
    public static final class MappingNeeded extends UploadRefused {
        private final List<String> header;
        private final Optional<Dataset> dataset;

        MappingNeeded(List<String> header, Optional<Dataset> dataset, String message) {
            super(message);
            this.header = header;
            this.dataset = dataset;
        }

        public List<String> header() {
            return header;
        }

        public Optional<Dataset> dataset() {
            return dataset;
        }
    }

    /** A row read into staged table columns; staged null = it only continues an earlier row's record. */
    private record Row(String[] staged) {
    }

    private interface Shape {
        Target target();

        /** The raw values of the dataset's fields, in their order; null = the row continues an earlier row's record. */
        String[] fields(CsvRecord record) throws FieldProblem, Preset.SkippedRow;

        /** The file column a field's problem is reported under. */
        String fileColumn(String field);

        boolean requires(Dataset.Field field);

        default ColumnMapping mapping() {
            return null;
        }

        default boolean savedMapping() {
            return false;
        }
    }

    private record MappedShape(ColumnMapping columns, int[] fieldPositions, ColumnMapping mapping,
            boolean savedMapping) implements Shape {

        /** fieldPositions: where each field of the dataset is in a row of the file, -1 where no column gives it. */
        static MappedShape of(ColumnMapping columns, Map<String, Integer> positions, ColumnMapping mapping, boolean savedMapping) {
            int[] fieldPositions = columns.dataset().fields().stream()
                    .mapToInt(field -> columns.columns().containsKey(field.name()) ? positions.get(columns.columns().get(field.name())) : -1)
                    .toArray();
            return new MappedShape(columns, fieldPositions, mapping, savedMapping);
        }

        @Override
        public Target target() {
            return new Target(columns.dataset(), null);
        }

        @Override
        public String[] fields(CsvRecord record) {
            String[] fields = new String[fieldPositions.length];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = fieldPositions[i] < 0 ? null : record.getField(fieldPositions[i]);
            }
            return fields;
        }

        @Override
        public String fileColumn(String field) {
            return columns.columns().getOrDefault(field, field);
        }

        @Override
        public boolean requires(Dataset.Field field) {
            return field.required();
        }
    }

    private record PresetShape(Preset preset, Map<String, Integer> positions, String reportingCurrency) implements Shape {
        @Override
        public Target target() {
            return new Target(preset.dataset(), preset);
        }

        @Override
        public String[] fields(CsvRecord record) throws FieldProblem, Preset.SkippedRow {
            Map<String, String> fields = preset.transformation().fields(new Preset.Row() {
                @Override
                public String cell(String column) {
                    Integer position = positions.get(column);
                    String value = position == null ? null : record.getField(position).strip();
                    return value == null || value.isEmpty() ? null : value;
                }

                @Override
                public String reportingCurrency() {
                    return reportingCurrency;
                }
            });
            return fields == null ? null : preset.dataset().fields().stream().map(field -> fields.get(field.name())).toArray(String[]::new);
        }

        String country(CsvRecord record) {
            Integer position = positions.get(preset.customerCountry());
            return position == null ? null : record.getField(position);
        }

        @Override
        public String fileColumn(String field) {
            return preset.sourceOf(field);
        }

        @Override
        public boolean requires(Dataset.Field field) {
            return field.required() && (preset.fills().isEmpty() || preset.fills().contains(field.name()));
        }
    }

    private Row row(String name, CsvRecord record, int headerSize, Shape shape, Problems problems) {
        long line = record.getStartingLineNumber();
        if (record.getFieldCount() != headerSize) {
            problems.add(Problem.error(name, line, null, null, "the row has " + record.getFieldCount()
                    + " fields but the header has " + headerSize + " (a missing delimiter, an extra one or a stray quote)"));
            return null;
        }
        String[] raw;
        try {
            raw = shape.fields(record);
        } catch (Preset.SkippedRow skipped) {
            problems.add(Problem.warning(name, line, skipped.column(), null, skipped.getMessage()));
            return null;
        } catch (FieldProblem problem) {
            problems.add(Problem.error(name, line, problem.column(), problem.value(), problem.getMessage()));
            return null;
        }
        if (raw == null) {
            return new Row(null);
        }
        Dataset dataset = shape.target().dataset();
        Map<String, String> normalized = new HashMap<>(32);
        boolean ok = true;
        for (int i = 0; i < raw.length; i++) {
            Dataset.Field field = dataset.fields().get(i);
            String value = raw[i];
            String column = shape.fileColumn(field.name());
            try {
                String checked = field.kind().normalize(column, value, zone);
                if (field.kind() == FieldKind.TEXT && checked != null && !checked.equals(SpreadsheetSafe.cell(checked))) {
                    problems.add(Problem.warning(name, line, column, checked,
                            "starts like a spreadsheet formula: kept as text, and neutralised in every export"));
                }
                if (checked == null && shape.requires(field)) {
                    throw new FieldProblem(column, value, "required, but empty");
                }
                normalized.put(field.name(), checked);
            } catch (FieldProblem problem) {
                problems.add(Problem.error(name, line, problem.column(), problem.value(), problem.getMessage()));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        String[] tableRow;
        try {
            tableRow = dataset.tableRow(normalized);
        } catch (FieldProblem problem) {
            problems.add(Problem.error(name, line, shape.fileColumn(problem.column()), problem.value(), problem.getMessage()));
            return null;
        }
        if (shape instanceof PresetShape preset && preset.preset().customerCountry() != null) {
            String[] staged = Arrays.copyOf(tableRow, tableRow.length + 1);
            staged[tableRow.length] = customerCountry(name, line, preset, record, problems);
            return new Row(staged);
        }
        return new Row(tableRow);
    }

    private String customerCountry(String name, long line, PresetShape shape, CsvRecord record, Problems problems) {
        String column = shape.preset().customerCountry();
        try {
            return FieldKind.COUNTRY.normalize(column, shape.country(record), zone);
        } catch (FieldProblem problem) {
            problems.add(Problem.warning(name, line, column, problem.value(), problem.getMessage()
                    + "; the customer's country is left as it was"));
            return null;
        }
    }
}
