package com.merchantmetrics.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.ingest.presets.Preset;
import com.merchantmetrics.merchantdata.MerchantDataChanged;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantGate;
import com.merchantmetrics.tenant.TenantSchema;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Imports an uploaded file into a tenant's data: every row checked, COPY into a staging table, set-based checks
 * (duplicate keys, FX rates, overlapping periods), then one upsert by natural key — all in one transaction, so a
 * file lands completely or not at all. Imports of one tenant wait for each other (an advisory lock, so across
 * replicas too); other tenants are not blocked.
 */
@ApplicationScoped
public class ImportService {

    public enum Mode {
        merge, replace
    }

    /** What became of an upload. status: previewed, imported, rejected, unchanged, failed. */
    public record Outcome(long uploadId, String status, Dataset dataset, UploadParser.Result parse, long inserted,
            long updated, long unchanged, String message, Problems problems) {

        public boolean hasErrors() {
            return problems.hasErrors();
        }
    }

    /** Advisory-lock namespace: held by the import of a tenant, so the tenant's imports queue. */
    public static final int TENANT_IMPORT_LOCK = 0x4d4d0002;
    private static final int SET_PROBLEM_LIMIT = 1000;
    /** Above this many changed customers the metrics refresh recomputes every customer's rows (a set-based pass). */
    private static final int MAX_LISTED_CUSTOMERS = 10_000;

    private final TenantGate gate;
    private final UploadStore store;
    private final AuditLog auditLog;
    private final Event<MerchantDataChanged> dataChanged;
    private final long maxBytes;
    private final MeterRegistry meters;
    private final MappingStore mappings;
    private final ImportProgress progress;
    /** A big file takes longer than the default transaction timeout (60 s) to import in its one transaction. */
    private final int transactionTimeout;

    ImportService(TenantGate gate, UploadStore store, AuditLog auditLog, Event<MerchantDataChanged> dataChanged,
            @ConfigProperty(name = "merchant-metrics.uploads.max-bytes") long maxBytes, MeterRegistry meters,
            MappingStore mappings, ImportProgress progress,
            @ConfigProperty(name = "merchant-metrics.batch-transaction-timeout") Duration transactionTimeout) {
        this.gate = gate;
        this.store = store;
        this.auditLog = auditLog;
        this.dataChanged = dataChanged;
        this.maxBytes = maxBytes;
        this.meters = meters;
        this.mappings = mappings;
        this.progress = progress;
        this.transactionTimeout = (int) transactionTimeout.toSeconds();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Keeps the file, then previews (dryRun) or imports it. datasetName blank = detect from the header; mapping
     * empty = the canonical columns, the tenant's remembered mapping for this header, or a preset.
     */
    public Outcome submit(TenantAccess tenant, AuditLog.Actor actor, ReceivedFile file, String datasetName, Mode mode,
            String encoding, Optional<ColumnMapping> mapping, boolean dryRun) throws UploadRefused {
        long id = receive(tenant, actor, file, datasetName, mode, encoding);
        return process(tenant, actor, id, file, requestedDataset(datasetName), mode, encoding, mapping, dryRun);
    }

    /** Keeps the file as an upload to preview later ({@link #preview}). */
    public long receive(TenantAccess tenant, AuditLog.Actor actor, ReceivedFile file, String datasetName, Mode mode,
            String encoding) throws UploadRefused {
        Optional<Dataset> requested = requestedDataset(datasetName);
        long started = System.nanoTime();
        long id = store.create(tenant.schema(), file, requested.map(Dataset::name).orElse("auto"), mode.name(), actor.email(),
                encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("auto") ? null : encoding);
        Log.infof("Upload #%d of %s: %s (%,d bytes) kept compressed in %.2f s", id, tenant.slug(), file.fileName(), file.size(),
                (System.nanoTime() - started) / 1e9);
        return id;
    }

    /**
     * Previews a kept upload again (after receive, or with a mapping the person chose; the dataset is then the
     * mapping's). A chosen mapping is remembered for files with the same header.
     */
    public Outcome preview(TenantAccess tenant, AuditLog.Actor actor, long uploadId, Optional<ColumnMapping> mapping)
            throws UploadRefused {
        UploadRecord upload = store.find(tenant.schema(), uploadId)
                .orElseThrow(() -> new UploadRefused("There is no upload #" + uploadId));
        if (!upload.canBePreviewed()) {
            throw new UploadRefused("Upload #" + uploadId + " (" + upload.fileName() + ") is " + upload.status()
                    + " and cannot be checked again; upload the file again");
        }
        Optional<Dataset> requested = mapping.map(ColumnMapping::dataset).or(() -> Dataset.byName(upload.dataset()));
        try (ReceivedFile file = store.restore(tenant.schema(), uploadId)) {
            return process(tenant, actor, uploadId, file, requested, Mode.valueOf(upload.mode()), upload.encoding(), mapping, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports an upload that was previewed earlier, from the kept copy of the file, read as in its preview. */
    public Outcome confirm(TenantAccess tenant, AuditLog.Actor actor, long uploadId) throws UploadRefused {
        UploadRecord upload = store.find(tenant.schema(), uploadId)
                .orElseThrow(() -> new UploadRefused("There is no upload #" + uploadId));
        if (!upload.canBeImported()) {
            throw new UploadRefused("Upload #" + uploadId + " (" + upload.fileName() + ") is " + upload.status()
                    + (upload.errorCount() > 0 ? " with errors" : "") + " and cannot be imported; upload the file again");
        }
        try (ReceivedFile file = store.restore(tenant.schema(), uploadId)) {
            return process(tenant, actor, uploadId, file, Dataset.byName(upload.dataset()), Mode.valueOf(upload.mode()),
                    upload.encoding(), Optional.ofNullable(store.mapping(tenant.schema(), uploadId)), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Outcome process(TenantAccess tenant, AuditLog.Actor actor, long id, ReceivedFile file, Optional<Dataset> requested,
            Mode mode, String encoding, Optional<ColumnMapping> mapping, boolean dryRun) throws UploadRefused {
        try {
            progress.start(tenant.schema(), id, ImportProgress.Phase.queued, store.find(tenant.schema(), id).map(UploadRecord::rowsTotal).orElse(null));
            return attemptAndFinish(tenant, actor, id, file, requested, mode, encoding, mapping, dryRun);
        } finally {
            progress.end(tenant.schema(), id);
        }
    }

    private Outcome attemptAndFinish(TenantAccess tenant, AuditLog.Actor actor, long id, ReceivedFile file,
            Optional<Dataset> requested, Mode mode, String encoding, Optional<ColumnMapping> mapping, boolean dryRun)
            throws UploadRefused {
        TenantSchema schema = tenant.schema();
        long started = System.nanoTime();
        UploadParser.Options options = new UploadParser.Options(requested, encoding, mapping,
                header -> mappings.find(schema, header), tenant.reportingCurrency(), rows -> progress.rows(schema, id, rows));
        Attempt attempt;
        try {
            attempt = QuarkusTransaction.requiringNew().timeout(transactionTimeout).call(() -> {
                Attempt result = gate.inTenant(schema, connection -> attempt(connection, tenant, id, file, options, mode,
                        dryRun));
                if (dryRun || result.problems().hasErrors() || result.unchangedTwin() != null) {
                    throw new RollBack(result);
                }
                return result;
            });
        } catch (RuntimeException e) {
            Throwable cause = e instanceof RollBack || e instanceof UploadRefusedSignal || e.getCause() == null ? e : e.getCause();
            if (cause instanceof RollBack rollBack) {
                attempt = rollBack.attempt;
            } else if (cause instanceof UploadRefusedSignal refused) {
                Problems problems = new Problems();
                problems.add(Problem.error(file.fileName(), 0, null, null, refused.refusal.getMessage()));
                store.finish(schema, id, "rejected", requested.map(Dataset::name).orElse("auto"), null, 0, 0, problems);
                if (refused.refusal instanceof UploadParser.MappingNeeded needed) {
                    store.keepHeader(schema, id, needed.header());
                }
                auditLog.record(actor, tenant.tenantId(), "upload.rejected", file.fileName() + ": " + refused.refusal.getMessage());
                throw refused.refusal;
            } else {
                meters.counter("merchant_metrics.import.failures").increment();
                store.finish(schema, id, "failed", requested.map(Dataset::name).orElse("auto"), null, 0, 0, new Problems());
                auditLog.record(actor, tenant.tenantId(), "upload.failed", file.fileName() + " #" + id);
                throw e;
            }
        }
        Outcome outcome = finish(tenant, actor, id, file, mode, dryRun, attempt);
        if (mapping.isPresent()) {
            mappings.remember(schema, ColumnMapping.headerKey(outcome.parse().header()), mapping.get(), actor.email());
        }
        String dataset = outcome.dataset().name();
        meters.timer("merchant_metrics.import.duration", "dataset", dataset, "status", outcome.status())
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        if (outcome.status().equals("imported")) {
            meters.counter("merchant_metrics.import.rows", "dataset", dataset).increment(outcome.parse().accepted());
        }
        return outcome;
    }

    private Outcome finish(TenantAccess tenant, AuditLog.Actor actor, long id, ReceivedFile file, Mode mode, boolean dryRun,
            Attempt attempt) {
        UploadParser.Result parse = attempt.parse();
        Dataset dataset = parse.dataset();
        String status;
        String message;
        if (attempt.problems().hasErrors()) {
            status = dryRun ? "previewed" : "rejected";
            message = attempt.problems().errors() + " error(s) in " + file.fileName() + ": nothing was imported";
        } else if (attempt.unchangedTwin() != null) {
            status = "unchanged";
            message = file.fileName() + " is byte-identical to upload #" + attempt.unchangedTwin().id() + " of "
                    + attempt.unchangedTwin().createdAt() + ", which was imported: nothing changed";
        } else if (dryRun) {
            status = "previewed";
            message = parse.accepted() + " rows of " + dataset.fileName() + " ready to import (" + mode + ")";
        } else {
            status = "imported";
            message = "Imported " + file.fileName() + " into " + dataset.fileName() + ": " + attempt.inserted() + " new, "
                    + attempt.updated() + " updated, " + (parse.accepted() - attempt.inserted() - attempt.updated()) + " unchanged";
        }
        store.finish(tenant.schema(), id, status, dataset.name(), parse, attempt.inserted(), attempt.updated(), attempt.problems());
        auditLog.record(actor, tenant.tenantId(), "upload." + status, file.fileName() + " → " + dataset.fileName() + " ("
                + mode + ", " + parse.rows() + " rows, " + attempt.inserted() + " new, " + attempt.updated() + " updated, "
                + attempt.problems().errors() + " errors) #" + id);
        if (status.equals("imported")) {
            try {
                dataChanged.fire(new MerchantDataChanged(tenant.slug(),
                        parse.preset() != null && parse.preset().customerCountry() != null ? Set.of(dataset.name(), "customers")
                                : Set.of(dataset.name()),
                        mode == Mode.replace ? null : attempt.earliestChange(), attempt.changedCustomers()));
            } catch (RuntimeException e) {
                // The rows are committed: a failed metrics refresh must not report the import as failed.
                Log.errorf(e, "Upload #%d of %s was imported but the metrics refresh after it failed", id, tenant.slug());
                message += "; the metrics could not be refreshed after it (" + e.getMessage() + ")";
            }
        }
        return new Outcome(id, status, dataset, parse, attempt.inserted(), attempt.updated(),
                status.equals("imported") ? parse.accepted() - attempt.inserted() - attempt.updated() : 0, message,
                attempt.problems());
    }

    private record Attempt(UploadParser.Result parse, Problems problems, long inserted, long updated, Instant earliestChange,
            Set<String> changedCustomers, UploadRecord unchangedTwin) {
    }

    /** Ends the import transaction without writing anything (a preview, or a file with errors), carrying its result. */
    private static final class RollBack extends RuntimeException {
        private final transient Attempt attempt;

        RollBack(Attempt attempt) {
            super(null, null, false, false);
            this.attempt = attempt;
        }
    }

    /** Carries a whole-file refusal out of the transaction, which then rolls back. */
    private static final class UploadRefusedSignal extends RuntimeException {
        private final UploadRefused refusal;

        UploadRefusedSignal(UploadRefused refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    private Attempt attempt(Connection connection, TenantAccess tenant, long id, ReceivedFile file,
            UploadParser.Options options, Mode mode, boolean dryRun) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + UploadStore.IMPORTING_LOCK + ", " + (int) id + ")");
            if (!dryRun) {
                // Only now, with the lock held, may the history say "importing" (a lock-less "importing" upload failed).
                store.markImporting(tenant.schema(), id);
            }
            statement.execute("SELECT pg_advisory_xact_lock(" + TENANT_IMPORT_LOCK + ", hashtext(current_schema()))");
        }
        progress.phase(tenant.schema(), id, dryRun ? ImportProgress.Phase.checking : ImportProgress.Phase.importing);
        PhaseClock clock = new PhaseClock();
        ZoneId zone = ZoneId.of(tenant.timeZone());
        UploadParser parser = new UploadParser(zone, maxBytes);
        UploadParser.Result parse;
        Dataset dataset;
        try {
            parse = stage(connection, parser, file, options);
            dataset = parse.dataset();
        } catch (UploadRefused refused) {
            throw new UploadRefusedSignal(refused);
        } catch (IOException e) {
            throw new SQLException("Reading " + file.fileName() + " failed", e);
        }
        Problems problems = parse.problems();
        clock.lap("read, checked and copied " + parse.rows() + " rows");
        progress.phase(tenant.schema(), id, ImportProgress.Phase.validating);
        setChecks(connection, dataset, file.fileName(), tenant.reportingCurrency(), zone, mode, problems);
        clock.lap("checked keys" + (dataset.fxDateColumn() == null ? "" : ", FX rates") + (dataset == Dataset.subscriptions ? ", periods" : ""));
        if (problems.hasErrors() || dryRun) {
            Log.infof("Upload #%d of %s %s: %s", id, tenant.slug(), dryRun ? "previewed" : "rejected", clock);
            return new Attempt(parse, problems, 0, 0, null, null, null);
        }
        Optional<UploadRecord> twin = store.importedTwin(tenant.schema(), id, dataset.name());
        if (twin.isPresent()) {
            return new Attempt(parse, problems, 0, 0, null, null, twin.get());
        }
        progress.phase(tenant.schema(), id, ImportProgress.Phase.writing);
        Instant earliest = earliest(connection, dataset, mode);
        Set<String> changedCustomers = mode == Mode.replace ? null : changedCustomers(connection, dataset);
        if (mode == Mode.replace) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM " + dataset.name());
            }
        }
        if (dataset.namesCustomers()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO customers (customer_id) SELECT DISTINCT customer_id FROM stage "
                        + "WHERE customer_id IS NOT NULL ON CONFLICT DO NOTHING");
            }
        }
        clock.lap("customers named");
        long[] counts = upsert(connection, dataset, parse.preset());
        clock.lap("written (" + counts[0] + " new, " + counts[1] + " updated)");
        if (parse.preset() != null && parse.preset().customerCountry() != null) {
            fillCustomerCountries(connection);
        }
        Log.infof("Upload #%d of %s imported: %s", id, tenant.slug(), clock);
        return new Attempt(parse, problems, counts[0], counts[1], earliest, changedCustomers, null);
    }

    private static UploadParser.Result stage(Connection connection, UploadParser parser, ReceivedFile file,
            UploadParser.Options options) throws SQLException, IOException, UploadRefused {
        StagingCopy copy = new StagingCopy(connection);
        try {
            UploadParser.Result result = parser.parse(file.path(), file.fileName(), options, copy::write);
            copy.finish(result.target());
            if (result.preset() != null && result.preset().sumsAmounts()) {
                sumLines(connection, result.target());
            }
            return result;
        } finally {
            copy.abortIfOpen();
        }
    }

    /** COPY of the checked rows into a temporary table shaped like the dataset's table, streamed as CSV. */
    private static final class StagingCopy {
        private final Connection connection;
        private PGCopyOutputStream out;
        private CsvWriter csv;

        StagingCopy(Connection connection) {
            this.connection = connection;
        }

        /** The staging table is created with the first row, once the header has told the dataset. */
        void write(UploadParser.Target target, long line, String[] row) throws IOException {
            try {
                if (out == null) {
                    open(target);
                }
                String[] fields = new String[row.length + 1];
                fields[0] = Long.toString(line);
                System.arraycopy(row, 0, fields, 1, row.length);
                csv.writeRecord(fields);
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }

        void finish(UploadParser.Target parsed) throws SQLException, IOException {
            if (out == null) {
                open(parsed);
            }
            csv.close();
            out = null;
        }

        void abortIfOpen() {
            if (out != null && out.isActive()) {
                try {
                    out.cancelCopy();
                } catch (SQLException ignored) {
                    // the transaction rolls back anyway
                }
            }
        }

        private void open(UploadParser.Target target) throws SQLException {
            boolean country = target.stagedColumns().contains("customer_country");
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMP TABLE stage (line bigint, LIKE " + target.dataset().name()
                        + (country ? ", customer_country text" : "") + ") ON COMMIT DROP");
            }
            out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), "COPY stage (line, "
                    + String.join(", ", target.stagedColumns()) + ") FROM STDIN WITH (FORMAT csv)", 1 << 16);
            csv = CsvWriter.builder().quoteStrategy(QuoteStrategies.EMPTY)
                    .build(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
        }
    }

    private static void setChecks(Connection connection, Dataset dataset, String fileName, String reportingCurrency, ZoneId zone,
            Mode mode, Problems problems) throws SQLException {
        String key = String.join(", ", dataset.keyColumns());
        try (Statement statement = connection.createStatement();
                ResultSet duplicates = statement.executeQuery("SELECT array_agg(line ORDER BY line), min(" + dataset.keyColumns().get(0)
                        + "::text) FROM stage GROUP BY " + key + " HAVING count(*) > 1 ORDER BY min(line) LIMIT " + SET_PROBLEM_LIMIT)) {
            while (duplicates.next()) {
                Long[] lines = (Long[]) duplicates.getArray(1).getArray();
                for (int i = 1; i < lines.length; i++) {
                    problems.add(Problem.error(fileName, lines[i], fileColumn(dataset.keyColumns().get(0)), duplicates.getString(2),
                            "duplicate key (" + key + ") in this file: also on row " + lines[0]));
                }
            }
        }
        if (dataset.fxDateColumn() != null) {
            String day = dataset.fxDateColumn().equals("period_start") ? "s.period_start"
                    : "(s." + dataset.fxDateColumn() + " AT TIME ZONE ?)::date";
            try (PreparedStatement select = connection.prepareStatement("SELECT s.line, s.currency, " + day + " FROM stage s "
                    + "WHERE s.currency <> ? AND NOT EXISTS (SELECT 1 FROM fx_rates f WHERE f.currency = s.currency AND f.day <= "
                    + day + ") ORDER BY s.line LIMIT " + SET_PROBLEM_LIMIT)) {
                int index = 1;
                if (!day.equals("s.period_start")) {
                    select.setString(index++, zone.getId());
                }
                select.setString(index++, reportingCurrency);
                if (!day.equals("s.period_start")) {
                    select.setString(index, zone.getId());
                }
                try (ResultSet missing = select.executeQuery()) {
                    while (missing.next()) {
                        problems.add(Problem.error(fileName, missing.getLong(1), "currency", missing.getString(2),
                                "no FX rate for " + missing.getString(2) + " on or before " + missing.getDate(3)
                                        + " to convert to " + reportingCurrency + ": upload fx_rates.csv with that currency first"));
                    }
                }
            }
        }
        if (dataset == Dataset.subscriptions) {
            overlaps(connection, fileName, problems, """
                    SELECT b.line, b.subscription_id, a.line FROM stage a JOIN stage b
                      ON a.subscription_id = b.subscription_id AND a.line < b.line
                     AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
                    ORDER BY b.line LIMIT""" + " " + SET_PROBLEM_LIMIT, "overlaps the period on row %d of this file");
            if (mode == Mode.merge) {
                overlaps(connection, fileName, problems, """
                        SELECT s.line, s.subscription_id, 0 FROM stage s JOIN subscriptions e
                          ON e.subscription_id = s.subscription_id AND e.starts_at <> s.starts_at
                         AND tstzrange(e.starts_at, e.ends_at) && tstzrange(s.starts_at, s.ends_at)
                         AND NOT EXISTS (SELECT 1 FROM stage r WHERE r.subscription_id = e.subscription_id AND r.starts_at = e.starts_at)
                        ORDER BY s.line LIMIT""" + " " + SET_PROBLEM_LIMIT, "overlaps a period of this subscription imported earlier");
            }
        }
    }

    private static void overlaps(Connection connection, String fileName, Problems problems, String sql, String reason)
            throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                problems.add(Problem.error(fileName, rows.getLong(1), "starts_at", rows.getString(2),
                        "periods of one subscription must not overlap: this one " + reason.formatted(rows.getLong(3))));
            }
        }
    }

    private static String fileColumn(String tableColumn) {
        return switch (tableColumn) {
            case "day", "period_start" -> "date";
            default -> tableColumn;
        };
    }

    /**
     * The earliest moment the import changes: its own rows, and the rows it replaces — all of the dataset in replace
     * mode, the rows with the same keys in merge mode (an order moved to a later date changes its old month too).
     */
    private static Instant earliest(Connection connection, Dataset dataset, Mode mode) throws SQLException {
        String time = dataset.timeColumn();
        String replaced = mode == Mode.replace ? "SELECT min(" + time + ")::timestamptz FROM " + dataset.name()
                : "SELECT min(t." + time + ")::timestamptz FROM " + dataset.name() + " t JOIN stage s USING ("
                        + String.join(", ", dataset.keyColumns()) + ")";
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT least((SELECT min(" + time + ")::timestamptz FROM stage), ("
                        + replaced + "))")) {
            rs.next();
            return rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant();
        }
    }

    /**
     * The customers a merge changes the rows of: those its rows name and those the rows with the same keys named
     * before (an order moved to another customer changes both). Null when the rows name no customers (FX rates
     * change everyone's amounts) or when there are more than the metrics refresh would look up one by one.
     */
    private static Set<String> changedCustomers(Connection connection, Dataset dataset) throws SQLException {
        // The stage has every table column (UploadParser.Target#stagedColumns).
        if (!dataset.tableColumns().contains("customer_id")) {
            return null;
        }
        Set<String> customers = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT customer_id FROM stage WHERE customer_id IS NOT NULL UNION "
                        + "SELECT t.customer_id FROM " + dataset.name() + " t JOIN stage s USING (" + String.join(", ", dataset.keyColumns())
                        + ") WHERE t.customer_id IS NOT NULL LIMIT " + (MAX_LISTED_CUSTOMERS + 1))) {
            while (rs.next()) {
                customers.add(rs.getString(1));
            }
        }
        return customers.size() > MAX_LISTED_CUSTOMERS ? null : customers;
    }

    /**
     * Lines of one record (a preset that sums amounts) become one staged row: amounts added up, the other columns
     * taken from the first line (its row number is the record's).
     */
    private static void sumLines(Connection connection, UploadParser.Target target) throws SQLException {
        Dataset dataset = target.dataset();
        String key = String.join(", ", dataset.keyColumns());
        String firstOfOthers = target.stagedColumns().stream()
                .filter(column -> !dataset.keyColumns().contains(column) && !column.equals("amount"))
                .map(column -> ", (array_agg(" + column + " ORDER BY line))[1] AS " + column).collect(Collectors.joining());
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE stage RENAME TO stage_lines");
            statement.execute("CREATE TEMP TABLE stage ON COMMIT DROP AS SELECT min(line) AS line, " + key
                    + ", sum(amount) AS amount" + firstOfOthers + " FROM stage_lines GROUP BY " + key);
            statement.execute("DROP TABLE stage_lines");
        }
    }

    /** The country a preset read fills the customer's country (the last one the file names). */
    private static void fillCustomerCountries(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    UPDATE customers c SET country = s.customer_country
                    FROM (SELECT DISTINCT ON (customer_id) customer_id, customer_country FROM stage
                          WHERE customer_country IS NOT NULL ORDER BY customer_id, line DESC) s
                    WHERE c.customer_id = s.customer_id AND c.country IS DISTINCT FROM s.customer_country""");
        }
    }

    /**
     * One set-based upsert; rows equal to what is stored are left alone. A preset that fills only some columns
     * leaves the others of an existing row as they are. Into an empty table (a first import, or replace mode), a
     * plain INSERT: nothing can conflict, and PostgreSQL skips the speculative insertion. Returns {inserted, updated}.
     */
    private static long[] upsert(Connection connection, Dataset dataset, Preset preset) throws SQLException {
        String table = dataset.name();
        List<String> written = preset == null || preset.fills().isEmpty() ? dataset.tableColumns()
                : dataset.tableColumns().stream().filter(preset.fills()::contains).toList();
        String columns = String.join(", ", written);
        if (isEmpty(connection, table)) {
            // Into an empty table: its indexes are built once after the rows are in, not row by row (the file's keys
            // are already checked unique).
            List<Index> indexes = indexes(connection, table);
            try (Statement statement = connection.createStatement()) {
                for (Index index : indexes) {
                    statement.execute(index.drop());
                }
                long inserted = statement.executeUpdate("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM stage");
                // Enough to sort a million keys in memory (the server's default 64 MB sorts a million-row key on disk).
                statement.execute("SET LOCAL maintenance_work_mem = '256MB'");
                for (Index index : indexes) {
                    statement.execute(index.create());
                }
                return new long[] {inserted, 0};
            }
        }
        List<String> values = written.stream().filter(column -> !dataset.keyColumns().contains(column)).toList();
        String set = values.stream().map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));
        String changed = "(" + values.stream().map(column -> table + "." + column).collect(Collectors.joining(", "))
                + ") IS DISTINCT FROM (" + values.stream().map(column -> "EXCLUDED." + column).collect(Collectors.joining(", ")) + ")";
        String conflict = "DO UPDATE SET " + set + " WHERE " + changed;
        String sql = "WITH upserted AS (INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM stage "
                + "ON CONFLICT (" + String.join(", ", dataset.keyColumns()) + ") " + conflict + " RETURNING (xmax = 0) AS inserted) "
                + "SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM upserted";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** An index of a table (or the key constraint it backs) as the statements that drop and build it. */
    private record Index(String drop, String create) {
    }

    /** Every index of the table, constraints' included, so that rows inserted into it all at once go in unindexed. */
    private static List<Index> indexes(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                WITH t AS (SELECT CAST(? AS text) AS name)
                SELECT 'DROP INDEX ' || quote_ident(i.indexname), i.indexdef FROM pg_indexes i, t
                WHERE i.schemaname = current_schema() AND i.tablename = t.name
                  AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = to_regclass(quote_ident(i.indexname)))
                UNION ALL
                SELECT format('ALTER TABLE %I DROP CONSTRAINT %I', t.name, c.conname),
                       format('ALTER TABLE %I ADD CONSTRAINT %I ', t.name, c.conname) || pg_get_constraintdef(c.oid)
                FROM pg_constraint c, t WHERE c.conrelid = to_regclass(quote_ident(t.name)) AND c.conindid <> 0""")) {
            query.setString(1, table);
            List<Index> indexes = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new Index(rs.getString(1), rs.getString(2)));
                }
            }
            return indexes;
        }
    }

    private static boolean isEmpty(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT NOT EXISTS (SELECT FROM " + table + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static Optional<Dataset> requestedDataset(String name) throws UploadRefused {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("auto")) {
            return Optional.empty();
        }
        return Optional.of(Dataset.byName(name).orElseThrow(() -> new UploadRefused("Unknown dataset \"" + name
                + "\": choose one of customers, orders, subscriptions, marketing_spend, traffic, leads, fx_rates")));
    }
}
