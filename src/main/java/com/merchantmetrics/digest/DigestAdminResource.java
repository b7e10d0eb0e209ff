package com.merchantmetrics.digest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.merchantmetrics.security.CurrentUser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Platform admins see every summary that did not go out at the first attempt. */
@Path("/admin/email-summaries")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(CurrentUser.PLATFORM_ADMIN)
public class DigestAdminResource {

    @CheckedTemplate(basePath = "DigestAdmin")
    static class Templates {
        static native TemplateInstance index(List<DigestSendLog.Problem> problems);
    }

    private final DigestSendLog sendLog;

    DigestAdminResource(DigestSendLog sendLog) {
        this.sendLog = sendLog;
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(sendLog.problems(200));
    }
}
