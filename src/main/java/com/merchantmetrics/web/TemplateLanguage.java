package com.merchantmetrics.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;

/** Every template rendered for a request speaks that request's language ({@link Languages}). */
@ApplicationScoped
public class TemplateLanguage {

    void configure(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(instance -> {
            if (Arc.container().requestContext().isActive()) {
                instance.setLocale(Arc.container().instance(Languages.class).get().locale());
            }
        });
    }
}
