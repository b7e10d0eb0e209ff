package com.merchantmetrics.digest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The send log (control.digest_send): one row per (recipient, scope, week), so a digest is claimed once whatever
 * the number of replicas, retries or restarts; delivery state and back-off live in the row.
 */
@ApplicationScoped
public class DigestSendLog {

    static final String PORTFOLIO = "portfolio";

    /** A digest that is due: scope "tenant:<id>" (tenantId set) or "portfolio". */
    public record Due(long recipientId, String scope, LocalDate week, Long tenantId) {
        static Due merchant(long recipientId, long tenantId, LocalDate week) {
            return new Due(recipientId, "tenant:" + tenantId, week, tenantId);
        }

        static Due portfolio(long recipientId, LocalDate week) {
            return new Due(recipientId, PORTFOLIO, week, null);
        }
    }

    /** A claimed row, "sending" until its outcome is written or its lease runs out. */
    public record Claim(long id, Due due, int attempts) {
    }

    /** A row platform admins see: not sent yet after an attempt, or given up; why the last attempt failed, and its raw error. */
    public record Problem(long id, String recipient, String scope, LocalDate week, String tenantName, String status,
            int attempts, Instant nextAttemptAt, DeliveryFailure lastErrorKind, String lastError) {
    }

    private final DataSource dataSource;

    DigestSendLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the due digests that are not in the log yet; returns how many were new. */
    int record(Collection<Due> dues, Instant now) {
        if (dues.isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO control.digest_send (recipient_id, scope, week, tenant_id, status, next_attempt_at)
                    VALUES (?, ?, ?, ?, 'pending', ?) ON CONFLICT (recipient_id, scope, week) DO NOTHING""")) {
                for (Due due : dues) {
                    insert.setLong(1, due.recipientId());
                    insert.setString(2, due.scope());
                    insert.setObject(3, due.week());
                    insert.setObject(4, due.tenantId());
                    insert.setTimestamp(5, Timestamp.from(now));
                    insert.addBatch();
                }
                int created = 0;
                for (int count : insert.executeBatch()) {
                    created += Math.max(count, 0);
                }
                return created;
            }
        });
    }

    /**
     * Claims up to {@code limit} digests whose time has come, in a short transaction of its own: they become
     * "sending" until {@code leaseEnd}, so no other worker or replica takes them (rows another one is claiming
     * are skipped) unless the claimant dies and the lease runs out. Rows of one tenant come together, so its
     * figures are read once for all its recipients.
     */
    List<Claim> claim(Instant now, int limit, Instant leaseEnd) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection(); PreparedStatement claim = connection.prepareStatement("""
                    UPDATE control.digest_send s SET status = 'sending', next_attempt_at = ?
                    FROM (SELECT id FROM control.digest_send
                          WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?
                          ORDER BY next_attempt_at, tenant_id, id LIMIT ? FOR UPDATE SKIP LOCKED) due
                    WHERE s.id = due.id
                    RETURNING s.id, s.recipient_id, s.scope, s.week, s.tenant_id, s.attempts""")) {
                claim.setTimestamp(1, Timestamp.from(leaseEnd));
                claim.setTimestamp(2, Timestamp.from(now));
                claim.setInt(3, limit);
                List<Claim> claims = new ArrayList<>();
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) {
                        long tenantId = row.getLong(5);
                        Long tenant = row.wasNull() ? null : tenantId;
                        claims.add(new Claim(row.getLong(1),
                                new Due(row.getLong(2), row.getString(3), row.getObject(4, LocalDate.class), tenant), row.getInt(6)));
                    }
                }
                claims.sort(Comparator.comparing((Claim c) -> c.due().tenantId(),
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparingLong(Claim::id));
                return claims;
            }
        });
    }

    /** The claimed digest went out ("sent") or was not needed any more ("cancelled"). */
    void finish(Claim claim, String status, Instant now) {
        update(claim, """
                UPDATE control.digest_send SET status = ?, attempts = attempts + 1, sent_at = ?, last_error = NULL,
                    last_error_kind = NULL
                WHERE id = ? AND status = 'sending'""", status, Timestamp.from(now));
    }

    /** The attempt failed: pending again from {@code retryAt}, or given up ("failed"). */
    void failed(Claim claim, DeliveryFailure kind, String error, Instant retryAt, boolean giveUp) {
        update(claim, """
                UPDATE control.digest_send SET status = ?, last_error_kind = ?, last_error = ?, next_attempt_at = ?,
                    attempts = attempts + 1
                WHERE id = ? AND status = 'sending'""", giveUp ? "failed" : "pending", kind.name(), error, Timestamp.from(retryAt));
    }

    private void update(Claim claim, String sql, Object... values) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    update.setObject(i + 1, values[i]);
                }
                update.setLong(values.length + 1, claim.id());
                update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not record the outcome of weekly summary " + claim.id(), e);
            }
        });
    }

    /** Digests not delivered at the first attempt (still retrying, or given up), newest first. */
    public List<Problem> problems(int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                    SELECT s.id, u.email, s.scope, s.week, t.name, s.status, s.attempts, s.next_attempt_at, s.last_error_kind,
                        s.last_error
                    FROM control.digest_send s JOIN control.app_user u ON u.id = s.recipient_id
                    LEFT JOIN control.tenant t ON t.id = s.tenant_id
                    WHERE s.status = 'failed' OR (s.status IN ('pending', 'sending') AND s.attempts > 0)
                    ORDER BY s.created_at DESC, s.id DESC LIMIT ?""")) {
                select.setInt(1, limit);
                List<Problem> problems = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        problems.add(new Problem(rows.getLong(1), rows.getString(2), rows.getString(3),
                                rows.getObject(4, LocalDate.class), rows.getString(5), rows.getString(6), rows.getInt(7),
                                rows.getTimestamp(8).toInstant(), DeliveryFailure.valueOf(rows.getString(9)), rows.getString(10)));
                    }
                }
                return problems;
            }
        });
    }
}
