package com.merchantmetrics.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import com.merchantmetrics.core.SpreadsheetSafe;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * Collects problems with counts. The first {@value #KEPT} are kept in detail (the upload page and the API show
 * them); past that, every problem goes on as a line of a gzip-compressed CSV, so a file with a million bad rows keeps
 * all of them for the problem list download while memory stays bounded.
 */
public final class Problems {

    public static final int KEPT = 10_000;
    public static final List<String> CSV_HEADER = List.of("severity", "file", "row", "column", "value", "reason");

    private final List<Problem> kept = new ArrayList<>();
    private long errors;
    private long warnings;
    private ByteArrayOutputStream overflow;
    private CsvWriter overflowCsv;

    public void add(Problem problem) {
        if (problem.isError()) {
            errors++;
        } else {
            warnings++;
        }
        if (kept.size() < KEPT) {
            kept.add(problem);
            return;
        }
        if (overflowCsv == null) {
            startOverflow();
        }
        writeOverflow(problem);
    }

    public long errors() {
        return errors;
    }

    public long warnings() {
        return warnings;
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public List<Problem> list() {
        return Collections.unmodifiableList(kept);
    }

    /** Every problem as a gzip-compressed CSV ({@link #CSV_HEADER}) when there were more than {@value #KEPT}, else empty. */
    public Optional<byte[]> allAsCompressedCsv() {
        if (overflowCsv == null) {
            return Optional.empty();
        }
        try {
            overflowCsv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(overflow.toByteArray());
    }

    /** A problem as a line of the problem list CSV ({@link #CSV_HEADER}). */
    public static List<String> csvRow(Problem problem) {
        return Arrays.asList(problem.severity().name(), problem.file(), Long.toString(problem.row()), problem.column(), problem.value(),
                problem.reason());
    }

    private void startOverflow() {
        try {
            overflow = new ByteArrayOutputStream();
            overflowCsv = CsvWriter.builder().build(new OutputStreamWriter(new GZIPOutputStream(overflow), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        overflowCsv.writeRecord(CSV_HEADER);
        kept.forEach(this::writeOverflow);
    }

    private void writeOverflow(Problem problem) {
        overflowCsv.writeRecord(csvRow(problem).stream().map(SpreadsheetSafe::cell).toList());
    }
}
