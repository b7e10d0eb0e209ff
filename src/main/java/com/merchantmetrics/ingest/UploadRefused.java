package com.merchantmetrics.ingest;

/** The file as a whole cannot be read or imported; the message names the file and says why. */
public class UploadRefused extends Exception {
    public UploadRefused(String message) {
        super(message, null, false, false);
    }
}
