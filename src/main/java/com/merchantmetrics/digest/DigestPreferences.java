package com.merchantmetrics.digest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.time.DayOfWeek;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** People's digest preferences per tenant (control schema); a missing row means the defaults of the role. */
@ApplicationScoped
public class DigestPreferences {

    private final DataSource dataSource;

    DigestPreferences(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DigestPreference of(long tenantId, long userId, TenantRole role) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                    "SELECT enabled, day_of_week, hour FROM control.digest_preference WHERE tenant_id = ? AND user_id = ?")) {
                select.setLong(1, tenantId);
                select.setLong(2, userId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new DigestPreference(row.getBoolean(1), DayOfWeek.of(row.getInt(2)), row.getInt(3))
                            : DigestPreference.defaultFor(role);
                }
            }
        });
    }

    public void save(long tenantId, long userId, DigestPreference preference) {
        QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return upsert(connection, tenantId, userId, preference);
            }
        });
    }

    /**
     * Turns a person's summaries off: of one tenant, or (tenantId null) of every client of an account manager. The
     * day and hour they chose stay.
     */
    public void unsubscribe(long userId, Long tenantId) {
        String accesses = tenantId == null ? "SELECT tenant_id, user_id FROM control.account_manager_assignment WHERE user_id = ?"
                : "SELECT ?::bigint, ?::bigint";
        QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                    "INSERT INTO control.digest_preference (tenant_id, user_id, enabled, day_of_week, hour) SELECT *, false, 1, 8 FROM ("
                            + accesses + ") access ON CONFLICT (tenant_id, user_id) DO UPDATE SET enabled = false, updated_at = now()")) {
                if (tenantId == null) {
                    update.setLong(1, userId);
                } else {
                    update.setLong(1, tenantId);
                    update.setLong(2, userId);
                }
                return update.executeUpdate();
            }
        });
    }

    private static int upsert(Connection connection, long tenantId, long userId, DigestPreference preference) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO control.digest_preference (tenant_id, user_id, enabled, day_of_week, hour) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, user_id) DO UPDATE
                SET enabled = excluded.enabled, day_of_week = excluded.day_of_week, hour = excluded.hour, updated_at = now()""")) {
            upsert.setLong(1, tenantId);
            upsert.setLong(2, userId);
            upsert.setBoolean(3, preference.enabled());
            upsert.setInt(4, preference.day().getValue());
            upsert.setInt(5, preference.hour());
            return upsert.executeUpdate();
        }
    }

    /** The clients an account manager keeps the summary on for (on unless they turned it off). */
    public Set<Long> enabledClients(long userId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                    SELECT a.tenant_id FROM control.account_manager_assignment a
                    LEFT JOIN control.digest_preference p ON p.tenant_id = a.tenant_id AND p.user_id = a.user_id
                    WHERE a.user_id = ? AND coalesce(p.enabled, true)""")) {
                select.setLong(1, userId);
                Set<Long> clients = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        clients.add(rows.getLong(1));
                    }
                }
                return clients;
            }
        });
    }

    /** Every person with access to an active tenant, with the preference in force (their own or the role's default). */
    public record Subscriber(long tenantId, String timeZone, long userId, TenantRole role, DigestPreference preference) {
    }

    public List<Subscriber> all() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                    SELECT t.id, t.time_zone, a.user_id, a.role, p.enabled, p.day_of_week, p.hour
                    FROM control.tenant t
                    JOIN (SELECT tenant_id, user_id, role FROM control.membership
                          UNION ALL SELECT tenant_id, user_id, 'account_manager' FROM control.account_manager_assignment) a
                      ON a.tenant_id = t.id
                    LEFT JOIN control.digest_preference p ON p.tenant_id = t.id AND p.user_id = a.user_id
                    WHERE t.status = 'active'""");
                    ResultSet rows = select.executeQuery()) {
                List<Subscriber> subscribers = new ArrayList<>();
                while (rows.next()) {
                    TenantRole role = TenantRole.valueOf(rows.getString(4));
                    rows.getBoolean(5);
                    DigestPreference preference = rows.wasNull() ? DigestPreference.defaultFor(role)
                            : new DigestPreference(rows.getBoolean(5), DayOfWeek.of(rows.getInt(6)), rows.getInt(7));
                    subscribers.add(new Subscriber(rows.getLong(1), rows.getString(2), rows.getLong(3), role, preference));
                }
                return subscribers;
            }
        });
    }
}
