package com.merchantmetrics.ingest;

/** A value that cannot be accepted; the parser turns it into a {@link Problem} with file, row and column. */
public class FieldProblem extends Exception {

    private final String column;
    private final String value;

    public FieldProblem(String column, String value, String reason) {
        super(reason, null, false, false);
        this.column = column;
        this.value = value;
    }

    public String column() {
        return column;
    }

    public String value() {
        return value;
    }
}
