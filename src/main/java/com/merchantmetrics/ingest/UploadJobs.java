package com.merchantmetrics.ingest;

import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.tenant.TenantAccess;

import io.quarkus.logging.Log;

/**
 * Reads and imports uploads of the page off the request thread, so they go on when the person leaves the page;
 * the outcome lands in the upload history (the API stays synchronous).
 */
@ApplicationScoped
public class UploadJobs {

    private final ImportService imports;
    private final ImportProgress progress;
    private final ManagedExecutor executor = ManagedExecutor.builder().maxAsync(2).propagated(ThreadContext.NONE)
            .cleared(ThreadContext.ALL_REMAINING).build();

    UploadJobs(ImportService imports, ImportProgress progress) {
        this.imports = imports;
        this.progress = progress;
    }

    public void preview(TenantAccess tenant, AuditLog.Actor actor, long uploadId, Optional<ColumnMapping> mapping) {
        run(tenant, uploadId, () -> imports.preview(tenant, actor, uploadId, mapping));
    }

    public void confirm(TenantAccess tenant, AuditLog.Actor actor, long uploadId) {
        run(tenant, uploadId, () -> imports.confirm(tenant, actor, uploadId));
    }

    @FunctionalInterface
    private interface Job {
        void run() throws UploadRefused;
    }

    private void run(TenantAccess tenant, long uploadId, Job job) {
        progress.start(tenant.schema(), uploadId, ImportProgress.Phase.queued, null);
        executor.runAsync(() -> {
            try {
                job.run();
            } catch (UploadRefused refused) {
                Log.debugf("Upload #%d of %s refused: %s", uploadId, tenant.slug(), refused.getMessage());
            } catch (RuntimeException e) {
                Log.errorf(e, "Upload #%d of %s failed", uploadId, tenant.slug());
            } finally {
                progress.end(tenant.schema(), uploadId);
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
