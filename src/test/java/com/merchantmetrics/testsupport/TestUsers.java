package com.merchantmetrics.testsupport;

import static io.restassured.RestAssured.given;

/**
 * The people of the test realm (password = user name): alice, marco, admin (platform-admin), bob.
 * Tokens come from Keycloak's token endpoint, as a script or an integration would get them.
 */
public final class TestUsers {

    private TestUsers() {
    }

    public static String accessToken(String user) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", KeycloakServer.CLIENT_ID)
                .formParam("client_secret", KeycloakServer.CLIENT_SECRET)
                .formParam("username", user)
                .formParam("password", user)
                .formParam("scope", "openid email profile")
                .post(KeycloakServer.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    public static String email(String user) {
        return user + "@example.com";
    }
}
