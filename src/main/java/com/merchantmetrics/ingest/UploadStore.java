package com.merchantmetrics.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.merchantmetrics.tenant.TenantGate;
import com.merchantmetrics.tenant.TenantSchema;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The upload history of a tenant (its own schema): every file kept gzip-compressed in 1 MiB chunks, so storing and
 * restoring it streams, with status, counts and problems.
 */
@ApplicationScoped
public class UploadStore {

    /** Advisory-lock namespace: held by the transaction importing an upload, so a crash is recognisable. */
    static final int IMPORTING_LOCK = 0x4d4d0001;
    private static final int CHUNK = 1 << 20;
    private static final String COLUMNS = "id, file_name, size_bytes, dataset, mode, status, uploaded_by, created_at, "
            + "finished_at, encoding, delimiter, rows_total, rows_inserted, rows_updated, rows_skipped, error_count, warning_count, "
            + "preset, mapping IS NOT NULL";

    private final TenantGate gate;
    private final ObjectMapper json;

    UploadStore(TenantGate gate, ObjectMapper json) {
        this.gate = gate;
        this.json = json;
    }

    /** encoding: the one the person chose, or null for detection. */
    public long create(TenantSchema tenant, ReceivedFile file, String dataset, String mode, String uploadedBy, String encoding) {
        return QuarkusTransaction.requiringNew().call(() -> gate.inTenant(tenant, connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO uploads (file_name, sha256, size_bytes, dataset, mode, status, uploaded_by, encoding)
                    VALUES (?, ?, ?, ?, ?, 'received', ?, ?) RETURNING id""")) {
                insert.setString(1, file.fileName());
                insert.setString(2, file.sha256());
                insert.setLong(3, file.size());
                insert.setString(4, dataset);
                insert.setString(5, mode);
                insert.setString(6, uploadedBy);
                insert.setString(7, encoding);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            storeChunks(connection, id, file.path());
            return id;
        }));
    }

    private static void storeChunks(Connection connection, long id, Path path) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO upload_chunks (upload_id, seq, data) VALUES (?, ?, ?)");
                ChunkingOutputStream chunks = new ChunkingOutputStream(insert, id);
                OutputStream gzip = fastGzip(chunks)) {
            Files.copy(path, gzip);
        } catch (IOException e) {
            throw new SQLException("Could not store the uploaded file", e);
        }
    }

    /** Gzip at its fastest level: a CSV still shrinks about fourfold, about four times as fast as the default level. */
    private static OutputStream fastGzip(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    /** Writes the original file back to a temporary file. */
    public ReceivedFile restore(TenantSchema tenant, long id) throws IOException {
        Path path = Files.createTempFile("upload-", ".bin");
        try (OutputStream out = Files.newOutputStream(path)) {
            writeOriginal(tenant, id, out);
        }
        UploadRecord record = find(tenant, id).orElseThrow();
        return new ReceivedFile(path, record.fileName(), record.sizeBytes(), sha256(tenant, id));
    }

    /** Streams the original bytes of an upload, chunk by chunk. */
    public void writeOriginal(TenantSchema tenant, long id, OutputStream out) throws IOException {
        InputStream chunks = new InputStream() {
            private int seq;
            private byte[] current = new byte[0];
            private int position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position == current.length) {
                    current = chunk(tenant, id, seq++);
                    position = 0;
                    if (current == null) {
                        return -1;
                    }
                }
                int n = Math.min(length, current.length - position);
                System.arraycopy(current, position, buffer, offset, n);
                position += n;
                return n;
            }
        };
        try (InputStream original = new GZIPInputStream(chunks, 64 * 1024)) {
            original.transferTo(out);
        }
    }

    private byte[] chunk(TenantSchema tenant, long id, int seq) {
        return QuarkusTransaction.requiringNew().call(() -> gate.inTenant(tenant, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT data FROM upload_chunks WHERE upload_id = ? AND seq = ?")) {
                select.setLong(1, id);
                select.setInt(2, seq);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        }));
    }

    private String sha256(TenantSchema tenant, long id) {
        return QuarkusTransaction.requiringNew().call(() -> gate.inTenant(tenant, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT sha256 FROM uploads WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }));
    }

    /** An earlier upload of the same bytes into the same dataset that was imported, if any. */
    public Optional<UploadRecord> importedTwin(TenantSchema tenant, long id, String dataset) {
        return QuarkusTransaction.requiringNew().call(() -> gate.inTenant(tenant, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " " + """
                     FROM uploads WHERE dataset = ? AND status = 'imported' AND id <> ?
                       AND sha256 = (SELECT sha256 FROM uploads WHERE id = ?)
                     ORDER BY id DESC LIMIT 1""")) {
                select.setString(1, dataset);
                select.setLong(2, id);
                select.setLong(3, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(record(rs)) : Optional.<UploadRecord>empty();
                }
            }
        }));
    }

    /** Being read again (with a new mapping). */
    public void markReceived(TenantSchema tenant, long id) {
        update(tenant, id, "UPDATE uploads SET status = 'received' WHERE id = ?");
    }

    public void markImporting(TenantSchema tenant, long id) {
        update(tenant, id, "UPDATE uploads SET status = 'importing' WHERE id = ?");
    }

    public void finish(TenantSchema tenant, long id, String status, String dataset, UploadParser.Result parse,
            long inserted, long updated, Problems problems) {
        String problemsJson = toJson(problems.list());
        byte[] allProblems = problems.allAsCompressedCsv().orElse(null);
        String mappingJson = parse == null || parse.mapping() == null ? null : toJson(parse.mapping());
        String headerJson = parse == null ? null : toJson(parse.header());
        String previewJson = parse == null ? null : toJson(new UploadJson.Preview(parse.target().stagedColumns(), parse.preview()));
        QuarkusTransaction.requiringNew().run(() -> gate.inTenant(tenant, connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE uploads SET status = ?, dataset = ?, finished_at = now(), encoding = coalesce(?, encoding),
                           delimiter = ?, rows_total = ?, rows_inserted = ?, rows_updated = ?, rows_skipped = ?,
                           error_count = ?, warning_count = ?, problems = ?::jsonb, preset = ?, mapping = ?::jsonb,
                           header = coalesce(?::jsonb, header), preview = ?::jsonb, all_problems_csv_gz = ?
                    WHERE id = ?""")) {
                update.setString(1, status);
                update.setString(2, dataset);
                update.setString(3, parse == null ? null : parse.encoding());
                update.setString(4, parse == null ? null : parse.delimiterName());
                setLong(update, 5, parse == null ? null : parse.rows());
                update.setLong(6, inserted);
                update.setLong(7, updated);
                setLong(update, 8, parse == null ? null : parse.rows() - parse.accepted());
                update.setLong(9, problems.errors());
                update.setLong(10, problems.warnings());
                update.setString(11, problemsJson);
                update.setString(12, parse == null || parse.preset() == null ? null : parse.preset().id());
                update.setString(13, mappingJson);
                update.setString(14, headerJson);
                update.setString(15, previewJson);
                update.setBytes(16, allProblems);
                update.setLong(17, id);
                update.executeUpdate();
            }
            return null;
        }));
    }

    /** Keeps the header of a file nothing could read, so the person can map its columns. */
    public void keepHeader(TenantSchema tenant, long id, List<String> header) {
        String headerJson = toJson(header);
        QuarkusTransaction.requiringNew().run(() -> gate.inTenant(tenant, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE uploads SET header = ?::jsonb WHERE id = ?")) {
                update.setString(1, headerJson);
                update.setLong(2, id);
                update.executeUpdate();
            }
            return null;
        }));
    }

    /** The header columns of the file (lower-cased), once it was read; empty before. */
    public List<String> header(TenantSchema tenant, long id) {
        String stored = jsonColumn(tenant, id, "header");
        return stored == null ? List.of() : fromJson(stored, new TypeReference<List<String>>() {
        });
    }

    /** The column mapping the upload was read with, or null (canonical columns or a preset). */
    public ColumnMapping mapping(TenantSchema tenant, long id) {
        String stored = jsonColumn(tenant, id, "mapping");
        return stored == null ? null : fromJson(stored, new TypeReference<ColumnMapping>() {
        });
    }

    /** The first rows as read at the last preview, or null. */
    public UploadJson.Preview preview(TenantSchema tenant, long id) {
        String stored = jsonColumn(tenant, id, "preview");
        return stored == null ? null : fromJson(stored, new TypeReference<UploadJson.Preview>() {
        });
    }

    private String jsonColumn(TenantSchema tenant, long id, String column) {
        return QuarkusTransaction.requiringNew().call(() -> gate.inTenant(tenant, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + column + "::text FROM uploads WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T fromJson(String stored, TypeReference<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<UploadRecord> find(TenantSchema tenant, long id) {
        return QuarkusTransaction.requiringNew().call(() -> gate.inTenant(tenant, connection -> {
            failAbandonedImports(connection);
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM uploads WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(record(rs)) : Optional.<UploadRecord>empty();
                }
            }
        }));
    }

    public List<UploadRecord> list(TenantSchema tenant, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> gate.inTenant(tenant, connection -> {
            failAbandonedImports(connection);
            List<UploadRecord> records = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM uploads ORDER BY id DESC LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        records.add(record(rs));
                    }
                }
            }
            return records;
        }));
    }

    public List<Problem> problems(TenantSchema tenant, long id) {
        String stored = jsonColumn(tenant, id, "problems");
        return stored == null ? List.of() : fromJson(stored, new TypeReference<List<Problem>>() {
        });
    }

    /** Every problem of the upload as a gzip-compressed CSV, kept when there were more than {@value Problems#KEPT}. */
    public Optional<byte[]> allProblemsCompressed(TenantSchema tenant, long id) {
        return QuarkusTransaction.requiringNew().call(() -> gate.inTenant(tenant, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT all_problems_csv_gz FROM uploads WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
                }
            }
        }));
    }

    /**
     * An upload still "importing" whose importing transaction is gone (the app or the database died) failed:
     * nothing of it was committed, and it can be imported again.
     */
    private static void failAbandonedImports(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE uploads SET status = 'failed', finished_at = now()
                WHERE status = 'importing' AND pg_try_advisory_xact_lock(?, id::int)""")) {
            update.setInt(1, IMPORTING_LOCK);
            update.executeUpdate();
        }
    }

    private void update(TenantSchema tenant, long id, String sql) {
        QuarkusTransaction.requiringNew().run(() -> gate.inTenant(tenant, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setLong(1, id);
                update.executeUpdate();
            }
            return null;
        }));
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static UploadRecord record(ResultSet rs) throws SQLException {
        return new UploadRecord(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), rs.getString(10),
                rs.getString(11), (Long) rs.getObject(12), (Long) rs.getObject(13), (Long) rs.getObject(14),
                (Long) rs.getObject(15), rs.getLong(16), rs.getLong(17), rs.getString(18), rs.getBoolean(19));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Cuts a byte stream into rows of upload_chunks. */
    private static final class ChunkingOutputStream extends OutputStream {
        private final PreparedStatement insert;
        private final long uploadId;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private int seq;

        ChunkingOutputStream(PreparedStatement insert, long uploadId) {
            this.insert = insert;
            this.uploadId = uploadId;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int n = Math.min(length, CHUNK - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == CHUNK) {
                    flushChunk();
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (filled > 0) {
                flushChunk();
            }
        }

        private void flushChunk() throws IOException {
            try {
                insert.setLong(1, uploadId);
                insert.setInt(2, seq++);
                insert.setBytes(3, java.util.Arrays.copyOf(buffer, filled));
                insert.executeUpdate();
                filled = 0;
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
    }
}
