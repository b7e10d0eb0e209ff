package com.merchantmetrics.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Opens an uploaded file as text: unpacks .gz and .zip (one CSV inside; never more than the size limit once
 * unpacked, against decompression bombs), finds the encoding (BOM, valid UTF-8, else Windows-1252 unless the user
 * chose) and the delimiter of the header row.
 */
public final class CsvSource implements AutoCloseable {

    private static final int PEEK = 64 * 1024;

    private final Reader reader;
    private final String encoding;
    private final char delimiter;
    private final String csvName;
    private final AutoCloseable resource;

    private CsvSource(Reader reader, String encoding, char delimiter, String csvName, AutoCloseable resource) {
        this.reader = reader;
        this.encoding = encoding;
        this.delimiter = delimiter;
        this.csvName = csvName;
        this.resource = resource;
    }

    /** encoding: "auto", "UTF-8", "windows-1252" or "ISO-8859-1". */
    public static CsvSource open(Path file, String fileName, String encoding, long maxBytes) throws IOException, UploadRefused {
        byte[] magic = new byte[4];
        int magicLength;
        try (InputStream head = Files.newInputStream(file)) {
            magicLength = head.readNBytes(magic, 0, 4);
        }
        if (magicLength == 0) {
            throw new UploadRefused(fileName + " is empty: a file needs at least a header row");
        }
        if (magicLength >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            InputStream gzip = new GZIPInputStream(Files.newInputStream(file), 64 * 1024);
            return open(limited(gzip, fileName, maxBytes), stripSuffix(fileName, ".gz"), encoding, gzip);
        }
        if (magicLength == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            ZipFile zip = new ZipFile(file.toFile());
            List<? extends ZipEntry> csvs = zip.stream()
                    .filter(entry -> !entry.isDirectory() && !entry.getName().startsWith("__MACOSX/"))
                    .toList();
            if (csvs.size() != 1) {
                zip.close();
                throw new UploadRefused(fileName + " must contain exactly one CSV file; it contains " + csvs.size() + " files");
            }
            ZipEntry entry = csvs.get(0);
            return open(limited(zip.getInputStream(entry), fileName, maxBytes), entry.getName(), encoding, zip);
        }
        InputStream plain = Files.newInputStream(file);
        return open(plain, fileName, encoding, plain);
    }

    private static CsvSource open(InputStream raw, String csvName, String encoding, AutoCloseable resource)
            throws IOException, UploadRefused {
        BufferedInputStream in = new BufferedInputStream(raw, PEEK);
        in.mark(PEEK);
        byte[] peek = in.readNBytes(PEEK);
        in.reset();
        boolean bom = peek.length >= 3 && (peek[0] & 0xff) == 0xef && (peek[1] & 0xff) == 0xbb && (peek[2] & 0xff) == 0xbf;
        if (bom) {
            in.skipNBytes(3);
        }
        if (looksBinary(peek)) {
            throw new UploadRefused(csvName + " is not a text file (it contains binary data); upload a CSV file");
        }
        Charset charset = charset(encoding, bom, peek);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String headerLine = headerLine(new String(peek, bom ? 3 : 0, peek.length - (bom ? 3 : 0), charset));
        return new CsvSource(new InputStreamReader(in, decoder), charset.name(), delimiter(headerLine), csvName, resource);
    }

    public Reader reader() {
        return reader;
    }

    public String encoding() {
        return encoding;
    }

    public char delimiter() {
        return delimiter;
    }

    /** The name of the CSV itself (inside an archive, its entry name). */
    public String csvName() {
        return csvName;
    }

    @Override
    public void close() throws Exception {
        reader.close();
        resource.close();
    }

    private static Charset charset(String requested, boolean bom, byte[] peek) throws UploadRefused {
        if (requested != null && !requested.isBlank() && !"auto".equalsIgnoreCase(requested)) {
            return switch (requested.toLowerCase(Locale.ROOT)) {
                case "utf-8" -> StandardCharsets.UTF_8;
                case "windows-1252", "cp1252" -> Charset.forName("windows-1252");
                case "iso-8859-1", "latin-1", "latin1" -> StandardCharsets.ISO_8859_1;
                default -> throw new UploadRefused("Unknown encoding \"" + requested + "\": choose UTF-8, Windows-1252 or ISO-8859-1");
            };
        }
        if (bom || isUtf8(peek)) {
            return StandardCharsets.UTF_8;
        }
        return Charset.forName("windows-1252");
    }

    private static boolean isUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        // Not the end of input: a character cut at the end of the peek is not an error.
        return !decoder.decode(ByteBuffer.wrap(bytes), out, false).isError();
    }

    private static boolean looksBinary(byte[] peek) {
        int controls = 0;
        for (byte b : peek) {
            if (b == 0) {
                return true;
            }
            if ((b & 0xff) < 0x09 || ((b & 0xff) > 0x0d && (b & 0xff) < 0x20)) {
                controls++;
            }
        }
        return peek.length > 0 && controls * 20 > peek.length;
    }

    private static String headerLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** The most frequent of comma, semicolon and tab outside quotes in the header row; comma when none. */
    static char delimiter(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static String stripSuffix(String name, String suffix) {
        return name.toLowerCase(Locale.ROOT).endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }

    private static InputStream limited(InputStream in, String fileName, long maxBytes) {
        return new InputStream() {
            private long read;

            @Override
            public int read() throws IOException {
                int b = in.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) throws IOException {
                read += n;
                if (read > maxBytes) {
                    throw new DecompressionBombException(fileName + " unpacks to more than " + UploadLimits.describe(maxBytes)
                            + "; upload a smaller file");
                }
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** Thrown from inside the reader when unpacked data passes the size limit. */
    public static class DecompressionBombException extends IOException {
        DecompressionBombException(String message) {
            super(message);
        }
    }
}
