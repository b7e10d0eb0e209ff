package com.merchantmetrics.testsupport;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;

/**
 * Submits an HTML form as a signed-in user the way a browser does: load the page that holds the form, then post
 * with the CSRF cookie and the hidden CSRF field it carried.
 */
public final class Forms {

    private static final String CSRF = "csrf-token";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"" + CSRF + "\" value=\"([^\"]+)\"");
    /** Keycloak's access tokens live 15 minutes (the realm's accessTokenLifespan); a slow suite outlasts that. */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(10);
    private static final Map<String, IssuedToken> TOKENS = new ConcurrentHashMap<>();

    private record IssuedToken(String value, Instant issued) {
    }

    private Forms() {
    }

    /** A cached access token: Keycloak is asked once per user every ten minutes. */
    public static String token(String user) {
        return TOKENS.compute(user, (name, cached) -> cached != null && cached.issued().plus(TOKEN_REUSE).isAfter(Instant.now())
                ? cached : new IssuedToken(TestUsers.accessToken(name), Instant.now())).value();
    }

    public static Response page(String user, String path) {
        return given().auth().oauth2(token(user)).redirects().follow(false).get(path);
    }

    public static Response submit(String user, String pagePath, String actionPath, Map<String, String> fields) {
        Response page = page(user, pagePath);
        page.then().statusCode(200);
        Matcher field = CSRF_FIELD.matcher(page.asString());
        if (!field.find()) {
            throw new AssertionError("No CSRF field on " + pagePath);
        }
        return given().auth().oauth2(token(user))
                .redirects().follow(false)
                .cookie(CSRF, page.getCookie(CSRF))
                .contentType("application/x-www-form-urlencoded")
                .formParams(fields)
                .formParam(CSRF, field.group(1))
                .post(actionPath);
    }
}
