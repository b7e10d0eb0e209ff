package com.merchantmetrics.core;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import de.siegmar.fastcsv.writer.CsvWriter;

/** A CSV file to download: UTF-8, RFC 4180, every cell spreadsheet-safe. */
public final class CsvDownload {

    private CsvDownload() {
    }

    public static Response of(String fileName, List<List<String>> rows) {
        StreamingOutput csv = output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            CsvWriter out = CsvWriter.builder().build(writer);
            for (List<String> row : rows) {
                out.writeRecord(row.stream().map(SpreadsheetSafe::cell).toList());
            }
            out.close();
        };
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .build();
    }
}
