package com.merchantmetrics.core;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import de.siegmar.fastcsv.writer.CsvWriter;

/** A CSV file to download: UTF-8, RFC 4180, every cell spreadsheet-safe. */
public final class CsvDownload {

    private CsvDownload() {
    }

    public static Response of(String fileName, List<List<String>> rows) {
        return attachment(fileName, output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            CsvWriter out = CsvWriter.builder().build(writer);
            for (List<String> row : rows) {
                out.writeRecord(row.stream().map(SpreadsheetSafe::cell).toList());
            }
            out.close();
        });
    }

    /** A CSV file kept gzip-compressed, written spreadsheet-safe when it was made, sent uncompressed. */
    public static Response ofCompressed(String fileName, byte[] gzippedCsv) {
        return attachment(fileName, output -> {
            try (InputStream csv = new GZIPInputStream(new ByteArrayInputStream(gzippedCsv))) {
                csv.transferTo(output);
            }
        });
    }

    private static Response attachment(String fileName, StreamingOutput csv) {
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .build();
    }
}
