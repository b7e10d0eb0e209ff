package com.merchantmetrics.ingest.presets;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.merchantmetrics.ingest.Dataset;
import com.merchantmetrics.ingest.FieldProblem;

/**
 * A known export of another system: recognised by its header (every signature column present), each row turned
 * into the raw field values of a canonical dataset, which are then checked and imported like a canonical file.
 *
 * @param sources         for each dataset field it fills, where the value comes from (shown in the preview)
 * @param fills           the table columns its rows set; on merge, the other columns of an existing row are kept
 *                        (empty = all columns, as a canonical file)
 * @param sumsAmounts     rows with the same key are lines of one record: their amounts add up
 * @param customerCountry the file column whose country fills the customer's country, or null
 */
public record Preset(String id, Dataset dataset, List<String> signature, Map<String, String> sources,
        Set<String> fills, boolean sumsAmounts, String customerCountry, Transformation transformation) {

    /** One row of the file, its cells by lower-cased header name. */
    public interface Row {
        /** The stripped cell, or null when blank or when the file has no such column. */
        String cell(String column);

        String reportingCurrency();
    }

    @FunctionalInterface
    public interface Transformation {
        /**
         * The raw values of the dataset's fields; null when the row only continues the record of an earlier row
         * (nothing to add). Throws SkippedRow for a row that cannot become a record (reported as a warning).
         */
        Map<String, String> fields(Row row) throws FieldProblem, SkippedRow;
    }

    /** A row left out of the import on purpose; the reason is reported as a warning with its row and column. */
    public static final class SkippedRow extends Exception {
        private final String column;

        public SkippedRow(String column, String reason) {
            super(reason, null, false, false);
            this.column = column;
        }

        public String column() {
            return column;
        }
    }

    public boolean matches(List<String> header) {
        return signature.stream().map(column -> column.toLowerCase(Locale.ROOT)).allMatch(header::contains);
    }

    /** The file column a field's problem is reported under. */
    public String sourceOf(String field) {
        return sources.getOrDefault(field, field);
    }
}
