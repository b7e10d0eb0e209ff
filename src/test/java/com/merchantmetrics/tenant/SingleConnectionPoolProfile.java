package com.merchantmetrics.tenant;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** One pooled connection: every request and job of every tenant borrows the very same connection. */
public class SingleConnectionPoolProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.max-size", "1", "quarkus.datasource.jdbc.min-size", "1");
    }
}
