package com.merchantmetrics.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.merchantmetrics.tenant.TenantSchema;

/**
 * How far the uploads being read on this instance are: phase and rows read (of the total, when an earlier preview
 * counted it). Lives in memory: a page polling another replica sees the upload's status from the database instead.
 */
@ApplicationScoped
public class ImportProgress {

    /** Worded for people by {@code Messages.importPhase}. */
    public enum Phase {
        queued, checking, importing, validating, writing
    }

    /** total: null when unknown (first read of a file). */
    public record Snapshot(Phase phase, long rows, Long total) {
        /** Percent done of the rows, or null when the total is unknown. */
        public Integer percent() {
            if (total == null || total == 0) {
                return null;
            }
            return (int) Math.min(100, rows * 100 / total);
        }
    }

    private final Map<String, Snapshot> running = new ConcurrentHashMap<>();

    public void start(TenantSchema tenant, long uploadId, Phase phase, Long total) {
        running.put(key(tenant, uploadId), new Snapshot(phase, 0, total));
    }

    void rows(TenantSchema tenant, long uploadId, long rows) {
        running.computeIfPresent(key(tenant, uploadId), (key, now) -> new Snapshot(now.phase(), rows, now.total()));
    }

    void phase(TenantSchema tenant, long uploadId, Phase phase) {
        running.computeIfPresent(key(tenant, uploadId), (key, now) -> new Snapshot(phase, now.rows(), now.total()));
    }

    public void end(TenantSchema tenant, long uploadId) {
        running.remove(key(tenant, uploadId));
    }

    public Optional<Snapshot> of(TenantSchema tenant, long uploadId) {
        return Optional.ofNullable(running.get(key(tenant, uploadId)));
    }

    private static String key(TenantSchema tenant, long uploadId) {
        return tenant.schemaName() + "/" + uploadId;
    }
}
