package com.merchantmetrics.web;

import java.net.URI;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.merchantmetrics.security.AppUser;
import com.merchantmetrics.security.CurrentUser;

/** The language switcher of the account menu: saves the person's choice ("" = as the browser says) and goes back. */
@Path("/language")
public class LanguageResource {

    private final CurrentUser currentUser;

    LanguageResource(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response choose(@FormParam("language") String language, @FormParam("return") String returnTo) {
        String chosen = language == null || language.isBlank() ? null : language;
        if (chosen != null && !Languages.SUPPORTED.contains(chosen)) {
            throw new BadRequestException("Unknown language " + language);
        }
        AppUser.update("language = ?1 where id = ?2", chosen, currentUser.get().id);
        return Response.seeOther(URI.create(localPath(returnTo))).build();
    }

    /** Only a path of this site: "//evil.example" or "https://…" would make the switcher an open redirect. */
    static String localPath(String returnTo) {
        return returnTo != null && returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.contains("\\") ? returnTo : "/";
    }
}
