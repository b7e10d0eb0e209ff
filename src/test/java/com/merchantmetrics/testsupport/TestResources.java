package com.merchantmetrics.testsupport;

import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest runs against the real Keycloak, a real SMTP server and the embedded PostgreSQL of the test profile. */
@QuarkusTestResource(KeycloakTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
public final class TestResources {
    private TestResources() {
    }
}
