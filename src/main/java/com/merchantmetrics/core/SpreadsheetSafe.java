package com.merchantmetrics.core;

/**
 * Cells of exported CSV files: a cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
 * return) gets a leading apostrophe, so it is shown as text and never executed. Plain numbers stay numbers.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formulaLike = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        if (formulaLike && !value.matches("[+-]?\\d+(\\.\\d+)?")) {
            return "'" + value;
        }
        return value;
    }
}
