package com.merchantmetrics.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.merchantmetrics.web.Messages;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Reading the audit log of a tenant: its own entries plus the sign-ins of the people who have access to it. Entries
 * older than the retention period are deleted every night.
 */
@ApplicationScoped
@Transactional
public class AuditTrail {

    public static final int PAGE_SIZE = 500;

    /** Blank fields do not filter; dates are whole days in the tenant's time zone. */
    public record Filter(String action, String person, LocalDate from, LocalDate to) {
        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    private final Duration retention;

    AuditTrail(@ConfigProperty(name = "merchant-metrics.audit.retention") Duration retention) {
        this.retention = retention;
    }

    /** The page model for raw query parameters, in a language; a date that does not parse is reported, not guessed. */
    public AuditResource.AuditView view(long tenantId, String tenantName, ZoneId zone, String formAction, String action,
            String person, String from, String to, Locale locale) {
        AuditDetails.Words words = AuditDetails.Words.in(locale);
        Messages msg = words.msg();
        try {
            Filter filter = new Filter(action, person, parseDay(from, msg.from(), msg), parseDay(to, msg.to(), msg));
            return new AuditResource.AuditView(tenantName, formAction, zone.getId(), entries(tenantId, zone, filter), filter,
                    retention.toDays(), PAGE_SIZE, null, words);
        } catch (IllegalArgumentException e) {
            return new AuditResource.AuditView(tenantName, formAction, zone.getId(), List.of(),
                    new Filter(action, person, null, null), retention.toDays(), PAGE_SIZE, e.getMessage(), words);
        }
    }

    private static LocalDate parseDay(String value, String field, Messages msg) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(msg.notADate(field, value));
        }
    }

    public List<AuditEntry> entries(long tenantId, ZoneId zone, Filter filter) {
        StringBuilder query = new StringBuilder("""
                (tenantId = :tenant or (action = :signIn and (
                    actorId in (select m.userId from Membership m where m.tenantId = :tenant)
                    or actorId in (select a.userId from AccountManagerAssignment a where a.tenantId = :tenant))))""");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tenant", tenantId);
        parameters.put("signIn", AuditLog.SIGNED_IN);
        if (filter.action() != null && !filter.action().isBlank()) {
            query.append(" and action like :action");
            parameters.put("action", filter.action().strip() + "%");
        }
        if (filter.person() != null && !filter.person().isBlank()) {
            query.append(" and lower(actorEmail) like :person");
            parameters.put("person", "%" + filter.person().strip().toLowerCase() + "%");
        }
        if (filter.from() != null) {
            query.append(" and occurredAt >= :from");
            parameters.put("from", filter.from().atStartOfDay(zone).toInstant());
        }
        if (filter.to() != null) {
            query.append(" and occurredAt < :to");
            parameters.put("to", filter.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
        query.append(" order by occurredAt desc, id desc");
        return AuditEntry.find(query.toString(), parameters).page(0, PAGE_SIZE).list();
    }

    @Scheduled(cron = "{merchant-metrics.audit.purge-cron:0 30 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        long deleted = AuditEntry.delete("occurredAt < ?1", Instant.now().minus(retention));
        if (deleted > 0) {
            Log.infof("Deleted %d audit entries older than %s", deleted, retention);
        }
    }
}
