package com.merchantmetrics.clusters;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

import com.merchantmetrics.admin.AdminMessages;
import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.ingest.ImportService;
import com.merchantmetrics.metrics.RollupRefresh;
import com.merchantmetrics.tenant.SchemaMigrations;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantCluster;
import com.merchantmetrics.tenant.TenantGate;
import com.merchantmetrics.tenant.TenantSchema;
import com.merchantmetrics.web.Refusal;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Moves a tenant's schema to another database cluster while the tenant's import and rollup-refresh locks are held on
 * the cluster it leaves, so no import or refresh writes during the move: the schema is created and migrated on the
 * target, every table is copied with COPY (row counts checked) and the sequences carried over; then the target
 * commits, the directory entry flips, and the old schema is dropped in the transaction that held the locks. Imports
 * that waited for those locks fail cleanly (their schema is gone) and succeed when sent again. A move cut short at
 * any point leaves the tenant where it was.
 */
@ApplicationScoped
public class TenantMove {

    private static final Logger LOG = Logger.getLogger(TenantMove.class);

    public record Moved(String from, String to, Map<String, Long> rows) {
    }

    private final Clusters clusters;
    private final SchemaMigrations migrations;
    private final AuditLog auditLog;

    TenantMove(Clusters clusters, SchemaMigrations migrations, AuditLog auditLog) {
        this.clusters = clusters;
        this.migrations = migrations;
        this.auditLog = auditLog;
    }

    public String clusterOf(Tenant tenant) {
        return QuarkusTransaction.joiningExisting().call(() -> TenantCluster.findByTenant(tenant.id))
                .map(entry -> entry.cluster).orElse(Clusters.MAIN);
    }

    @Transactional(TxType.NEVER)
    public Moved move(Tenant tenant, String target, AuditLog.Actor actor) {
        if (!clusters.names().contains(target)) {
            throw new Refusal(AdminMessages.class, words -> words.noSuchCluster(target, String.join(", ", clusters.names())));
        }
        String source = clusterOf(tenant);
        if (source.equals(target)) {
            throw new Refusal(AdminMessages.class, words -> words.alreadyOnCluster(tenant.name, target));
        }
        TenantSchema schema = tenant.schema();
        migrations.provision(schema, target);
        try (Connection from = clusters.coordinates(source).open(); Connection to = clusters.coordinates(target).open()) {
            from.setAutoCommit(false);
            to.setAutoCommit(false);
            TenantGate.enter(from, schema);
            TenantGate.enter(to, schema);
            try (Statement statement = from.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + ImportService.TENANT_IMPORT_LOCK + ", hashtext(current_schema()))");
                statement.execute(RollupRefresh.TENANT_REFRESH_LOCK);
            }
            List<String> tables = tablesInCopyOrder(from);
            try (Statement statement = to.createStatement()) {
                // A move cut short after the target committed leaves a copy the directory does not point to.
                statement.execute("TRUNCATE " + String.join(", ", tables.stream().map(TenantMove::quote).toList()));
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : tables) {
                rows.put(table, copy(from, to, table));
            }
            copySequences(from, to);
            try (Statement statement = from.createStatement()) {
                statement.execute("DROP SCHEMA " + quote(schema.schemaName()) + " CASCADE");
            }
            to.commit();
            QuarkusTransaction.requiringNew().run(() -> {
                place(tenant.id, target);
                auditLog.record(actor, tenant.id, "tenant.moved", "Data moved from database cluster " + source + " to "
                        + target + " (" + rows.values().stream().mapToLong(Long::longValue).sum() + " rows)");
            });
            from.commit();
            LOG.infof("Tenant %s moved from database cluster %s to %s: %s", tenant.slug, source, target, rows);
            return new Moved(source, target, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Moving " + tenant.slug + " to database cluster " + target + " failed; its data stays on "
                    + source, e);
        }
    }

    private static void place(long tenantId, String cluster) {
        Optional<TenantCluster> entry = TenantCluster.findByTenant(tenantId);
        if (cluster.equals(Clusters.MAIN)) {
            entry.ifPresent(TenantCluster::delete);
            return;
        }
        TenantCluster placed = entry.orElseGet(TenantCluster::new);
        placed.tenantId = tenantId;
        placed.cluster = cluster;
        placed.movedAt = Instant.now();
        placed.persist();
    }

    /** The tables of the connection's schema, each after the tables its foreign keys reference. */
    private static List<String> tablesInCopyOrder(Connection connection) throws SQLException {
        Map<String, Set<String>> references = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT c.relname, ARRAY(SELECT f.relname FROM pg_constraint k JOIN pg_class f ON f.oid = k.confrelid
                                        WHERE k.conrelid = c.oid AND k.contype = 'f' AND k.confrelid <> c.oid)
                FROM pg_class c
                WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
                  AND c.relname <> 'flyway_schema_history'
                ORDER BY c.relname""")) {
            while (rows.next()) {
                Array referenced = rows.getArray(2);
                references.put(rows.getString(1), Set.copyOf(Arrays.asList((String[]) referenced.getArray())));
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < references.size()) {
            references.forEach((table, referenced) -> {
                if (!ordered.contains(table) && ordered.containsAll(referenced)) {
                    ordered.add(table);
                }
            });
        }
        return ordered;
    }

    private static long copy(Connection from, Connection to, String table) throws SQLException {
        CopyOut out = from.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + quote(table) + " TO STDOUT (FORMAT binary)");
        CopyIn in = to.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + quote(table) + " FROM STDIN (FORMAT binary)");
        byte[] chunk;
        while ((chunk = out.readFromCopy()) != null) {
            in.writeToCopy(chunk, 0, chunk.length);
        }
        long written = in.endCopy();
        if (written != out.getHandledRowCount()) {
            throw new SQLException("Table " + table + ": " + out.getHandledRowCount() + " rows read but " + written + " written");
        }
        return written;
    }

    private static void copySequences(Connection from, Connection to) throws SQLException {
        try (Statement statement = from.createStatement(); ResultSet sequences = statement.executeQuery(
                "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema() AND last_value IS NOT NULL");
                PreparedStatement setValue = to.prepareStatement("SELECT setval(?::regclass, ?)")) {
            while (sequences.next()) {
                setValue.setString(1, quote(sequences.getString(1)));
                setValue.setLong(2, sequences.getLong(2));
                setValue.execute();
            }
        }
    }

    private static String quote(String identifier) {
        return TenantGate.quoteIdentifier(identifier);
    }
}
