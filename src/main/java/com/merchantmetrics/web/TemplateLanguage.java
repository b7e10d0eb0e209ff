package com.merchantmetrics.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Every template rendered for an HTTP request speaks that request's language ({@link Languages}); others (mails,
 * jobs, tests) set their locale themselves.
 */
@ApplicationScoped
public class TemplateLanguage {

    void configure(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(instance -> {
            if (Arc.container().requestContext().isActive()
                    && Arc.container().instance(CurrentVertxRequest.class).get().getCurrent() != null) {
                instance.setLocale(Arc.container().instance(Languages.class).get().locale());
            }
        });
    }
}
