package com.merchantmetrics.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.merchantmetrics.core.CsvDownload;
import com.merchantmetrics.security.CurrentUser;
import com.merchantmetrics.tenant.CurrentTenant;
import com.merchantmetrics.tenant.RequiresTenantRole;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The uploads page: choose a file, see the preview with every problem, confirm, and find every upload in the
 * history with its original file and problem list.
 */
@Path("/t/{slug}/uploads")
@Produces(MediaType.TEXT_HTML)
public class UploadsPage {

    @CheckedTemplate(basePath = "Uploads")
    static class Templates {
        static native TemplateInstance index(TenantAccess tenant, List<UploadRecord> uploads, List<Dataset> datasets,
                String maxSize, String error);

        static native TemplateInstance show(TenantAccess tenant, UploadRecord upload, ImportService.Outcome outcome,
                List<Problem> problems, String error);
    }

    private final CurrentTenant currentTenant;
    private final CurrentUser currentUser;
    private final ImportService imports;
    private final UploadStore store;

    UploadsPage(CurrentTenant currentTenant, CurrentUser currentUser, ImportService imports, UploadStore store) {
        this.currentTenant = currentTenant;
        this.currentUser = currentUser;
        this.imports = imports;
        this.store = store;
    }

    @GET
    public TemplateInstance index() {
        return page(null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresTenantRole({TenantRole.owner, TenantRole.analyst})
    public Response preview(@RestForm("file") FileUpload file, @RestForm String dataset, @RestForm String mode,
            @RestForm String encoding) throws IOException {
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page("Choose a file to upload")).build();
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile());
                ReceivedFile received = ReceivedFile.receive(in, file.fileName(), imports.maxBytes())) {
            ImportService.Outcome outcome = imports.submit(tenant(), currentUser.actor(), received, dataset, mode(mode),
                    encoding, true);
            UploadRecord upload = store.find(tenant().schema(), outcome.uploadId()).orElseThrow();
            return Response.ok(Templates.show(tenant(), upload, outcome, outcome.problems().list(), null)).build();
        } catch (UploadRefused refused) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(refused.getMessage())).build();
        }
    }

    @GET
    @Path("{uploadId}")
    public TemplateInstance show(@PathParam("uploadId") long uploadId) {
        UploadRecord upload = store.find(tenant().schema(), uploadId).orElseThrow(NotFoundException::new);
        return Templates.show(tenant(), upload, null, store.problems(tenant().schema(), uploadId), null);
    }

    @POST
    @Path("{uploadId}/import")
    @RequiresTenantRole({TenantRole.owner, TenantRole.analyst})
    public Response confirm(@PathParam("uploadId") long uploadId) {
        try {
            ImportService.Outcome outcome = imports.confirm(tenant(), currentUser.actor(), uploadId, null);
            UploadRecord upload = store.find(tenant().schema(), uploadId).orElseThrow();
            return Response.ok(Templates.show(tenant(), upload, outcome, outcome.problems().list(), null)).build();
        } catch (UploadRefused refused) {
            UploadRecord upload = store.find(tenant().schema(), uploadId).orElseThrow(NotFoundException::new);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.show(tenant(), upload, null, store.problems(tenant().schema(), uploadId), refused.getMessage()))
                    .build();
        }
    }

    @GET
    @Path("{uploadId}/problems.csv")
    @Produces("text/csv")
    public Response problems(@PathParam("uploadId") long uploadId) {
        UploadRecord upload = store.find(tenant().schema(), uploadId).orElseThrow(NotFoundException::new);
        List<Problem> problems = store.problems(tenant().schema(), uploadId);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("severity", "file", "row", "column", "value", "reason"));
        for (Problem problem : problems) {
            rows.add(Arrays.asList(problem.severity().name(), problem.file(), Long.toString(problem.row()), problem.column(),
                    problem.value(), problem.reason()));
        }
        return CsvDownload.of("upload-" + upload.id() + "-problems.csv", rows);
    }

    @GET
    @Path("{uploadId}/file")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RequiresTenantRole({TenantRole.owner, TenantRole.analyst})
    public Response original(@PathParam("uploadId") long uploadId) {
        UploadRecord upload = store.find(tenant().schema(), uploadId).orElseThrow(NotFoundException::new);
        StreamingOutput file = output -> store.writeOriginal(tenant().schema(), uploadId, output);
        return Response.ok(file).header("Content-Disposition",
                "attachment; filename=\"" + upload.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"").build();
    }

    static ImportService.Mode mode(String mode) throws UploadRefused {
        if (mode == null || mode.isBlank() || mode.equals("merge")) {
            return ImportService.Mode.merge;
        }
        if (mode.equals("replace")) {
            return ImportService.Mode.replace;
        }
        throw new UploadRefused("Unknown mode \"" + mode + "\": choose merge or replace");
    }

    private TemplateInstance page(String error) {
        return Templates.index(tenant(), store.list(tenant().schema(), 100), List.of(Dataset.values()),
                UploadLimits.describe(imports.maxBytes()), error);
    }

    private TenantAccess tenant() {
        return currentTenant.access();
    }
}
