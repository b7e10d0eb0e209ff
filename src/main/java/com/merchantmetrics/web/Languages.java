package com.merchantmetrics.web;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;

import com.merchantmetrics.security.CurrentUser;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.ext.web.RoutingContext;

/**
 * The language of this request's pages: the person's saved choice, else the best match of the browser's
 * Accept-Language among the languages the product speaks, else English.
 */
@RequestScoped
public class Languages {

    public static final List<String> SUPPORTED = List.of("en", "vi");
    private static final List<Locale> LOCALES = SUPPORTED.stream().map(Locale::forLanguageTag).toList();

    private final CurrentUser currentUser;
    private final RoutingContext routingContext;
    private Locale locale;

    Languages(CurrentUser currentUser, RoutingContext routingContext) {
        this.currentUser = currentUser;
        this.routingContext = routingContext;
    }

    public Locale locale() {
        if (locale == null) {
            locale = of(chosen(), routingContext.request().getHeader("Accept-Language"));
        }
        return locale;
    }

    /** For a page that a link of an e-mail opens without signing in: the recipient's saved language wins. */
    public void useSavedLanguage(String saved) {
        if (saved != null) {
            locale = Locale.forLanguageTag(saved);
        }
    }

    /** A saved language ("en", "vi" or null) if there is one, else the best match of the browser's. */
    public static Locale of(String saved, String acceptLanguage) {
        return saved != null ? Locale.forLanguageTag(saved) : fromBrowser(acceptLanguage);
    }

    /** The person's saved choice, or null when the browser decides. */
    public String chosen() {
        return currentUser.isSignedIn() ? currentUser.get().language : null;
    }

    public Messages messages() {
        return messages(locale());
    }

    static Locale fromBrowser(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return LOCALES.get(0);
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LOCALES);
            return match == null ? LOCALES.get(0) : match;
        } catch (IllegalArgumentException unreadable) {
            return LOCALES.get(0);
        }
    }

    /** The page bundle of a locale. */
    public static Messages messages(Locale locale) {
        return bundle(Messages.class, locale);
    }

    /** A message bundle in a locale; English is the default bundle, the others are localized files. */
    public static <T> T bundle(Class<T> type, Locale locale) {
        return locale.getLanguage().equals("en") ? MessageBundles.get(type)
                : MessageBundles.get(type, Localized.Literal.of(locale.getLanguage()));
    }
}
