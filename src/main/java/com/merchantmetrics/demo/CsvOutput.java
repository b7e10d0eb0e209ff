package com.merchantmetrics.demo;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/** One canonical CSV file being written: UTF-8 without BOM, comma-delimited, RFC 4180 quoting and CRLF lines. */
final class CsvOutput implements Closeable {

    private final Dataset dataset;
    private final Path file;
    private final CsvWriter writer;
    private long rows;

    private CsvOutput(Dataset dataset, Path file, CsvWriter writer) {
        this.dataset = dataset;
        this.file = file;
        this.writer = writer;
    }

    static CsvOutput create(Path directory, Dataset dataset) throws IOException {
        Path file = directory.resolve(dataset.fileName());
        CsvWriter writer = CsvWriter.builder()
                .fieldSeparator(',')
                .lineDelimiter(LineDelimiter.CRLF)
                .build(file, StandardCharsets.UTF_8);
        writer.writeRecord(dataset.columns());
        return new CsvOutput(dataset, file, writer);
    }

    void write(String... values) {
        if (values.length != dataset.columns().size()) {
            throw new IllegalArgumentException(dataset.fileName() + " has " + dataset.columns().size()
                    + " columns, got " + values.length + " values");
        }
        writer.writeRecord(values);
        rows++;
    }

    Dataset dataset() {
        return dataset;
    }

    Path file() {
        return file;
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
