package com.merchantmetrics.testsupport;

import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest runs against the real Keycloak (and the embedded PostgreSQL of the test profile). */
@QuarkusTestResource(KeycloakTestResource.class)
public final class TestResources {
    private TestResources() {
    }
}
