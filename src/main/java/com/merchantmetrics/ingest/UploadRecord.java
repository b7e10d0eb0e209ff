package com.merchantmetrics.ingest;

import java.time.Instant;

/** One row of the upload history. */
public record UploadRecord(long id, String fileName, long sizeBytes, String dataset, String mode, String status,
        String uploadedBy, Instant createdAt, Instant finishedAt, String encoding, String delimiter, Long rowsTotal,
        Long rowsInserted, Long rowsUpdated, Long rowsSkipped, long errorCount, long warningCount) {

    public boolean canBeImported() {
        return status.equals("previewed") && errorCount == 0;
    }

    public boolean isFinal() {
        return !status.equals("received") && !status.equals("importing");
    }
}
