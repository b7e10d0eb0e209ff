package com.merchantmetrics.ingest;

/**
 * One thing wrong with an uploaded file. Row is the line number in the file (the header is row 1; 0 = the whole
 * file); column is the header name as the file spells it, or null.
 */
public record Problem(Severity severity, String file, long row, String column, String value, String reason) {

    public enum Severity {
        error, warning
    }

    public static Problem error(String file, long row, String column, String value, String reason) {
        return new Problem(Severity.error, file, row, column, value, reason);
    }

    public static Problem warning(String file, long row, String column, String value, String reason) {
        return new Problem(Severity.warning, file, row, column, value, reason);
    }

    public boolean isError() {
        return severity == Severity.error;
    }

    /** "orders.csv, row 12, column amount: …" — the sentence a person reads. */
    public String message() {
        StringBuilder text = new StringBuilder(file);
        if (row > 0) {
            text.append(", row ").append(row);
        }
        if (column != null) {
            text.append(", column ").append(column);
        }
        text.append(": ").append(reason);
        if (value != null) {
            text.append(" (value \"").append(value.length() > 80 ? value.substring(0, 80) + "…" : value).append("\")");
        }
        return text.toString();
    }
}
