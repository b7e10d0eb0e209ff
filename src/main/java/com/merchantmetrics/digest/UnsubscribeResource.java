package com.merchantmetrics.digest;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.merchantmetrics.security.AppUser;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.web.Languages;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The unsubscribe link of every summary, without signing in: the signed token says whose summary it is. GET asks
 * for confirmation (link scanners must not unsubscribe anyone); POST unsubscribes — from the page's button, or as
 * the one-click request of a mail client (RFC 8058). The pages speak the recipient's saved language, else the browser's. The POST is a plain Vert.x route: a mail client's one-click
 * request carries no CSRF cookie, and the unguessable signed token in the URL is what authorises it.
 */
@Path("/unsubscribe/{token}")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    @CheckedTemplate(basePath = "Unsubscribe")
    static class Templates {
        static native TemplateInstance confirm(String token, String what);

        /** Without the page shell: the one-click POST is a plain Vert.x route, outside the request context the shell needs. */
        static native TemplateInstance done(String what, String language);
    }

    private final UnsubscribeTokens tokens;
    private final DigestPreferences preferences;
    private final Languages languages;

    UnsubscribeResource(UnsubscribeTokens tokens, DigestPreferences preferences, Languages languages) {
        this.tokens = tokens;
        this.preferences = preferences;
        this.languages = languages;
    }

    @GET
    public Response confirm(@PathParam("token") String token) {
        Optional<UnsubscribeTokens.Subject> subject = tokens.verify(token);
        subject.ifPresent(found -> languages.useSavedLanguage(savedLanguage(found)));
        DigestMessages msg = Languages.bundle(DigestMessages.class, languages.locale());
        return subject.map(found -> Response.ok(Templates.confirm(token, what(found, msg))).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).entity(msg.unsubscribeLinkNotValid())
                        .type(MediaType.TEXT_PLAIN).build());
    }

    void routes(@Observes Router router) {
        router.post("/unsubscribe/:token").blockingHandler(this::unsubscribe);
    }

    private void unsubscribe(RoutingContext context) {
        String token = context.pathParam("token");
        Optional<UnsubscribeTokens.Subject> subject = tokens.verify(token);
        String browser = context.request().getHeader("Accept-Language");
        if (subject.isEmpty()) {
            context.response().setStatusCode(404).putHeader("Content-Type", "text/plain;charset=UTF-8")
                    .end(Languages.bundle(DigestMessages.class, Languages.of(null, browser)).unsubscribeLinkNotValid());
            return;
        }
        preferences.unsubscribe(subject.get().userId(), subject.get().tenantId());
        Locale locale = Languages.of(savedLanguage(subject.get()), browser);
        context.response().putHeader("Content-Type", "text/html;charset=UTF-8")
                .end(Templates.done(what(subject.get(), Languages.bundle(DigestMessages.class, locale)), locale.getLanguage()).setLocale(locale)
                        .render());
    }

    private static String savedLanguage(UnsubscribeTokens.Subject subject) {
        return QuarkusTransaction.joiningExisting().call(() -> AppUser.<AppUser>findByIdOptional(subject.userId())
                .map(user -> user.language).orElse(null));
    }

    private static String what(UnsubscribeTokens.Subject subject, DigestMessages msg) {
        if (subject.tenantId() == null) {
            return msg.portfolioSummaryOfClients();
        }
        return QuarkusTransaction.joiningExisting().call(() -> Tenant.<Tenant>findByIdOptional(subject.tenantId())
                .map(found -> found.name).map(msg::weeklySummaryOf).orElse(msg.weeklySummaryOf(msg.thisTenant())));
    }
}
