package com.merchantmetrics.digest;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.merchantmetrics.tenant.Tenant;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The unsubscribe link of every summary, without signing in: the signed token says whose summary it is. GET asks
 * for confirmation (link scanners must not unsubscribe anyone); POST unsubscribes — from the page's button, or as
 * the one-click request of a mail client (RFC 8058). The POST is a plain Vert.x route: a mail client's one-click
 * request carries no CSRF cookie, and the unguessable signed token in the URL is what authorises it.
 */
@Path("/unsubscribe/{token}")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    @CheckedTemplate(basePath = "Unsubscribe")
    static class Templates {
        static native TemplateInstance confirm(String token, String what);

        /** Without the page shell: the one-click POST is a plain Vert.x route, outside the request context the shell needs. */
        static native TemplateInstance done(String what);
    }

    private final UnsubscribeTokens tokens;
    private final DigestPreferences preferences;

    UnsubscribeResource(UnsubscribeTokens tokens, DigestPreferences preferences) {
        this.tokens = tokens;
        this.preferences = preferences;
    }

    @GET
    public Response confirm(@PathParam("token") String token) {
        return tokens.verify(token).map(subject -> Response.ok(Templates.confirm(token, what(subject))).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).entity("This unsubscribe link is not valid.")
                        .type(MediaType.TEXT_PLAIN).build());
    }

    void routes(@Observes Router router) {
        router.post("/unsubscribe/:token").blockingHandler(this::unsubscribe);
    }

    private void unsubscribe(RoutingContext context) {
        String token = context.pathParam("token");
        Optional<UnsubscribeTokens.Subject> subject = tokens.verify(token);
        if (subject.isEmpty()) {
            context.response().setStatusCode(404).putHeader("Content-Type", "text/plain").end("This unsubscribe link is not valid.");
            return;
        }
        preferences.unsubscribe(subject.get().userId(), subject.get().tenantId());
        context.response().putHeader("Content-Type", "text/html;charset=UTF-8")
                .end(Templates.done(what(subject.get())).render());
    }

    private static String what(UnsubscribeTokens.Subject subject) {
        if (subject.tenantId() == null) {
            return "the weekly portfolio summary of your clients";
        }
        String tenant = QuarkusTransaction.joiningExisting().call(() -> Tenant.<Tenant>findByIdOptional(subject.tenantId())
                .map(found -> found.name).orElse("this tenant"));
        return "the weekly summary of " + tenant;
    }
}
