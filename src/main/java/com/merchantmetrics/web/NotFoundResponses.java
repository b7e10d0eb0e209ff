package com.merchantmetrics.web;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** One 404 for "no such tenant" and "not yours": a page for browsers, JSON for the API. */
@ApplicationScoped
public class NotFoundResponses {

    @CheckedTemplate(basePath = "Errors")
    static class Templates {
        static native TemplateInstance notFound();
    }

    public Response forRequest(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/api/")) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", "not_found", "message", "No such tenant")).build();
        }
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.notFound().render()).build();
    }
}
