package com.merchantmetrics.settings;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.metrics.RollupRefresh;
import com.merchantmetrics.tenant.Tenant;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Saves a tenant's metric settings, records old and new values, and recomputes the tenant's whole history. */
@ApplicationScoped
public class MetricSettingsService {

    private final AuditLog auditLog;
    private final RollupRefresh rollup;

    MetricSettingsService(AuditLog auditLog, RollupRefresh rollup) {
        this.auditLog = auditLog;
        this.rollup = rollup;
    }

    /** The changes made ("name: old → new"); nothing is written or recomputed when nothing changed. */
    public Map<String, String> save(long tenantId, MetricSettings next, AuditLog.Actor actor) {
        Saved saved = QuarkusTransaction.requiringNew().call(() -> {
            Tenant tenant = Tenant.<Tenant>findByIdOptional(tenantId).orElseThrow();
            Map<String, String> changes = MetricSettings.of(tenant).changesTo(next);
            if (changes.isEmpty()) {
                return new Saved(tenant, changes);
            }
            tenant.reportingCurrency = next.reportingCurrency();
            tenant.timeZone = next.timeZone();
            tenant.inactivityDays = next.inactivityDays();
            tenant.cacWindowMonths = next.cacWindowMonths();
            tenant.ltvWindowMonths = next.ltvWindowMonths();
            tenant.grossMargin = next.grossMargin();
            auditLog.record(actor, tenantId, "settings.changed", changes.entrySet().stream()
                    .map(change -> change.getKey() + ": " + change.getValue()).collect(Collectors.joining("; ")));
            return new Saved(tenant, changes);
        });
        if (!saved.changes().isEmpty()) {
            rollup.refresh(saved.tenant(), null);
        }
        return saved.changes();
    }

    private record Saved(Tenant tenant, Map<String, String> changes) {
    }
}
