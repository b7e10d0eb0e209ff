package com.merchantmetrics.ingest;

final class UploadLimits {
    private UploadLimits() {
    }

    static String describe(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return bytes / (1L << 30) + " GiB";
        }
        if (bytes >= 1L << 20) {
            return bytes / (1L << 20) + " MiB";
        }
        return bytes + " bytes";
    }
}
