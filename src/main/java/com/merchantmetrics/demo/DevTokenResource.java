package com.merchantmetrics.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Dev mode only: an API bearer token for a dev user from the OIDC dev server, whose port changes at every start.
 * {@code curl 'http://localhost:8080/dev/token?user=alice'}
 */
@Path("/dev/token")
@IfBuildProfile("dev")
public class DevTokenResource {

    private static final Set<String> DEV_USERS = Set.of("alice", "marco", "admin");

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String token(@QueryParam("user") String user) throws IOException, InterruptedException {
        if (!DEV_USERS.contains(user)) {
            throw new BadRequestException("user must be one of " + DEV_USERS);
        }
        String form = "grant_type=password&scope=openid+email+profile&client_id=" + encode(clientId)
                + "&username=" + encode(user) + "&password=" + encode(user);
        HttpRequest request = HttpRequest.newBuilder(URI.create(authServerUrl + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
