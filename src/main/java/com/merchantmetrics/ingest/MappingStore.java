package com.merchantmetrics.ingest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.merchantmetrics.tenant.TenantGate;
import com.merchantmetrics.tenant.TenantSchema;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** The column mappings a tenant chose, remembered per header line and applied to the next file with that header. */
@ApplicationScoped
public class MappingStore {

    private final TenantGate gate;
    private final ObjectMapper json;

    MappingStore(TenantGate gate, ObjectMapper json) {
        this.gate = gate;
        this.json = json;
    }

    public Optional<ColumnMapping> find(TenantSchema tenant, String headerKey) {
        String stored = QuarkusTransaction.requiringNew().call(() -> gate.inTenant(tenant, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT json_build_object('dataset', dataset, 'columns', mapping)::text FROM column_mappings WHERE header = ?")) {
                select.setString(1, headerKey);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }));
        try {
            return stored == null ? Optional.empty() : Optional.of(json.readValue(stored, ColumnMapping.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void remember(TenantSchema tenant, String headerKey, ColumnMapping mapping, String savedBy) {
        String columns;
        try {
            columns = json.writeValueAsString(mapping.columns());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> gate.inTenant(tenant, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO column_mappings (header, dataset, mapping, saved_by) VALUES (?, ?, ?::jsonb, ?)
                    ON CONFLICT (header) DO UPDATE SET dataset = EXCLUDED.dataset, mapping = EXCLUDED.mapping,
                           saved_by = EXCLUDED.saved_by, saved_at = now()""")) {
                upsert.setString(1, headerKey);
                upsert.setString(2, mapping.dataset().name());
                upsert.setString(3, columns);
                upsert.setString(4, savedBy);
                upsert.executeUpdate();
            }
            return null;
        }));
    }
}
