package com.merchantmetrics.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the application's OIDC configuration at the test suite's real Keycloak. */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url", KeycloakServer.realmUrl(),
                "quarkus.oidc.client-id", KeycloakServer.CLIENT_ID,
                "quarkus.oidc.credentials.secret", KeycloakServer.CLIENT_SECRET);
    }

    @Override
    public void stop() {
        // Keycloak lives for the whole test JVM; a shutdown hook stops it.
    }
}
