package com.merchantmetrics.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An upload written to a temporary file as it arrives, with its size and SHA-256; deleted on close. */
public record ReceivedFile(Path path, String fileName, long size, String sha256) implements AutoCloseable {

    /** Streams the body to disk; refuses (and deletes) it as soon as it passes maxBytes. */
    public static ReceivedFile receive(InputStream body, String fileName, long maxBytes) throws IOException, UploadRefused {
        Path path = Files.createTempFile("upload-", ".bin");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (InputStream in = new DigestInputStream(body, sha); OutputStream out = Files.newOutputStream(path)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new UploadRefused(fileName + " is larger than the limit of " + UploadLimits.describe(maxBytes)
                                + "; split it into smaller files");
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new ReceivedFile(path, fileName, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | UploadRefused | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }
}
