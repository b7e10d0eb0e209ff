package com.merchantmetrics.ingest;

import java.time.Instant;

/** One row of the upload history. preset: the id of the preset the file was read with, or null; mapped: read through a column mapping. */
public record UploadRecord(long id, String fileName, long sizeBytes, String dataset, String mode, String status,
        String uploadedBy, Instant createdAt, Instant finishedAt, String encoding, String delimiter, Long rowsTotal,
        Long rowsInserted, Long rowsUpdated, Long rowsSkipped, long errorCount, long warningCount, String preset,
        boolean mapped) {

    public boolean canBeImported() {
        return status.equals("previewed") && errorCount == 0;
    }

    /** Not imported (nor being read): it can be checked again, e.g. with a column mapping. */
    public boolean canBePreviewed() {
        return status.equals("received") || status.equals("previewed") || status.equals("rejected") || status.equals("failed");
    }

    public boolean isFinal() {
        return !status.equals("received") && !status.equals("importing");
    }

    /** How the file was read: the preset's id, "mapping" or "canonical" (worded for people by the bundle's readAsName). */
    public String readAs() {
        return preset != null ? preset : mapped ? "mapping" : "canonical";
    }
}
