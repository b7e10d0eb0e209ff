package com.merchantmetrics.testsupport;

import static io.restassured.RestAssured.given;

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
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Forms() {
    }

    /** A cached access token: Keycloak is asked once per user and test JVM. */
    public static String token(String user) {
        return TOKENS.computeIfAbsent(user, TestUsers::accessToken);
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
