package com.merchantmetrics.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.merchantmetrics.core.CsvDownload;
import com.merchantmetrics.security.CurrentUser;
import com.merchantmetrics.tenant.CurrentTenant;
import com.merchantmetrics.tenant.RequiresTenantRole;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.tenant.TenantSchema;
import com.merchantmetrics.web.Languages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The uploads page: choose a file (its transfer shows progress), see the preview with every problem, map columns
 * when the header needs it, confirm, and find every upload in the history with its original file and problem list.
 * Reading and importing run in the background ({@link UploadJobs}): the upload's page polls their progress, and
 * leaving the page does not stop them.
 */
@Path("/t/{slug}/uploads")
@Produces(MediaType.TEXT_HTML)
public class UploadsPage {

    /** A dataset field in the mapping form, with the file column currently chosen for it (or null). */
    public record MappingField(String name, boolean required, String kind, String column) {
    }

    @CheckedTemplate(basePath = "Uploads")
    static class Templates {
        static native TemplateInstance index(TenantAccess tenant, List<UploadRecord> uploads, List<Dataset> datasets,
                String maxSize, String error);

        static native TemplateInstance show(TenantAccess tenant, UploadRecord upload, UploadJson.Preview preview,
                List<Problem> problems, ColumnMapping mapping, List<String> header, List<Dataset> datasets,
                Dataset mappingDataset, List<MappingField> mappingFields, ImportProgress.Snapshot progress, String error);

        static native TemplateInstance show$progress(TenantAccess tenant, UploadRecord upload, ImportProgress.Snapshot progress);

        static native TemplateInstance show$mappingFields(List<String> header, List<MappingField> mappingFields);
    }

    private final CurrentTenant currentTenant;
    private final CurrentUser currentUser;
    private final ImportService imports;
    private final UploadStore store;
    private final UploadJobs jobs;
    private final ImportProgress progress;
    private final Languages languages;

    UploadsPage(CurrentTenant currentTenant, CurrentUser currentUser, ImportService imports, UploadStore store,
            UploadJobs jobs, ImportProgress progress, Languages languages) {
        this.languages = languages;
        this.currentTenant = currentTenant;
        this.currentUser = currentUser;
        this.imports = imports;
        this.store = store;
        this.jobs = jobs;
        this.progress = progress;
    }

    @GET
    public TemplateInstance index() {
        return page(null);
    }

    /** Keeps the file and starts reading it; the answer leads to the upload's page, which shows the progress. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresTenantRole({TenantRole.owner, TenantRole.analyst})
    public Response preview(@RestForm("file") FileUpload file, @RestForm String dataset, @RestForm String mode,
            @RestForm String encoding, @Context HttpHeaders headers) throws IOException {
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(msg().chooseAFile())).build();
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile());
                ReceivedFile received = ReceivedFile.receive(in, file.fileName(), imports.maxBytes())) {
            long id = imports.receive(tenant(), currentUser.actor(), received, dataset, mode(mode), encoding);
            jobs.preview(tenant(), currentUser.actor(), id, Optional.empty());
            return toUpload(id, headers);
        } catch (UploadRefused refused) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(ProblemReasons.in(msg(), refused.getMessage()))).build();
        }
    }

    @GET
    @Path("{uploadId}")
    public TemplateInstance show(@PathParam("uploadId") long uploadId, @QueryParam("dataset") String dataset) {
        return showPage(upload(uploadId), dataset, null);
    }

    /** The progress bar of an upload being read or imported; once it is done, the page reloads (htmx). */
    @GET
    @Path("{uploadId}/progress")
    public Response progress(@PathParam("uploadId") long uploadId) {
        UploadRecord upload = upload(uploadId);
        Optional<ImportProgress.Snapshot> running = progress.of(tenant().schema(), uploadId);
        if (upload.isFinal() && running.isEmpty()) {
            return Response.ok(Templates.show$progress(tenant(), upload, null)).header("HX-Refresh", "true").build();
        }
        return Response.ok(Templates.show$progress(tenant(), upload, running.orElse(null))).build();
    }

    /** The mapping form's fields for another dataset (htmx), prefilled with the columns of the same name. */
    @GET
    @Path("{uploadId}/mapping")
    @RequiresTenantRole({TenantRole.owner, TenantRole.analyst})
    public TemplateInstance mappingFields(@PathParam("uploadId") long uploadId, @QueryParam("dataset") String dataset) {
        List<String> header = store.header(tenant().schema(), upload(uploadId).id());
        Dataset chosen = Dataset.byName(dataset).orElse(Dataset.orders);
        return Templates.show$mappingFields(header, mappingFields(chosen, null, header));
    }

    /** Reads the upload again with the columns the person mapped; the mapping is remembered for this header. */
    @POST
    @Path("{uploadId}/mapping")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresTenantRole({TenantRole.owner, TenantRole.analyst})
    public Response map(@PathParam("uploadId") long uploadId, MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        UploadRecord upload = upload(uploadId);
        Optional<Dataset> dataset = Dataset.byName(form.getFirst("dataset"));
        if (dataset.isEmpty() || !upload.canBePreviewed()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(showPage(upload, null, dataset.isEmpty()
                    ? msg().chooseMappingDataset() : msg().cannotReadAgain())).build();
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (Dataset.Field field : dataset.get().fields()) {
            String column = form.getFirst("field." + field.name());
            if (column != null && !column.isBlank()) {
                columns.put(field.name(), column);
            }
        }
        ColumnMapping mapping = new ColumnMapping(dataset.get(), columns);
        if (!mapping.missingRequired().isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(showPage(upload, dataset.get().name(),
                    msg().chooseRequiredColumns(mapping.missingRequired().size(), String.join(", ", mapping.missingRequired())))).build();
        }
        store.markReceived(tenant().schema(), uploadId);
        jobs.preview(tenant(), currentUser.actor(), uploadId, Optional.of(mapping));
        return toUpload(uploadId, headers);
    }

    @POST
    @Path("{uploadId}/import")
    @RequiresTenantRole({TenantRole.owner, TenantRole.analyst})
    public Response confirm(@PathParam("uploadId") long uploadId, @Context HttpHeaders headers) {
        UploadRecord upload = upload(uploadId);
        if (!upload.canBeImported()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(showPage(upload, null,
                    msg().cannotBeImported(uploadId, upload.fileName(), msg().uploadStatus(upload.status())))).build();
        }
        jobs.confirm(tenant(), currentUser.actor(), uploadId);
        return toUpload(uploadId, headers);
    }
    @GET
    @Path("{uploadId}/problems.csv")
    @Produces("text/csv")
    public Response problems(@PathParam("uploadId") long uploadId) {
        UploadRecord upload = store.find(tenant().schema(), uploadId).orElseThrow(NotFoundException::new);
        String fileName = "upload-" + upload.id() + "-problems.csv";
        Optional<byte[]> all = store.allProblemsCompressed(tenant().schema(), uploadId);
        if (all.isPresent()) {
            return CsvDownload.ofCompressed(fileName, all.get());
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(Problems.CSV_HEADER);
        store.problems(tenant().schema(), uploadId).forEach(problem -> rows.add(Problems.csvRow(problem)));
        return CsvDownload.of(fileName, rows);
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

    private TemplateInstance showPage(UploadRecord upload, String dataset, String error) {
        TenantSchema schema = tenant().schema();
        List<String> header = store.header(schema, upload.id());
        ColumnMapping mapping = store.mapping(schema, upload.id());
        Dataset mappingDataset = Dataset.byName(dataset).or(() -> Optional.ofNullable(mapping).map(ColumnMapping::dataset))
                .or(() -> Dataset.byName(upload.dataset())).orElse(Dataset.orders);
        List<Problem> problems = store.problems(schema, upload.id()).stream().map(problem -> ProblemReasons.shown(problem, msg())).toList();
        return Templates.show(tenant(), upload, store.preview(schema, upload.id()), problems, mapping,
                header, List.of(Dataset.values()), mappingDataset, mappingFields(mappingDataset, mapping, header),
                progress.of(schema, upload.id()).orElse(null), error);
    }

    private static List<MappingField> mappingFields(Dataset dataset, ColumnMapping mapping, List<String> header) {
        return dataset.fields().stream().map(field -> new MappingField(field.name(), field.required(),
                field.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                mapping != null && mapping.dataset() == dataset ? mapping.columns().get(field.name())
                        : header.contains(field.name()) ? field.name() : null)).toList();
    }

    /** To the upload's page: a redirect for a plain form, HX-Redirect for htmx (which follows it as a page load). */
    private Response toUpload(long uploadId, HttpHeaders headers) {
        java.net.URI location = UriBuilder.fromPath("/t/{slug}/uploads/{id}").build(tenant().slug(), uploadId);
        if ("true".equals(headers.getHeaderString("HX-Request"))) {
            return Response.noContent().header("HX-Redirect", location.toString()).build();
        }
        return Response.seeOther(location).build();
    }

    private UploadRecord upload(long uploadId) {
        return store.find(tenant().schema(), uploadId).orElseThrow(NotFoundException::new);
    }

    private TemplateInstance page(String error) {
        return Templates.index(tenant(), store.list(tenant().schema(), 100), List.of(Dataset.values()),
                UploadLimits.describe(imports.maxBytes()), error);
    }

    private UploadMessages msg() {
        return Languages.bundle(UploadMessages.class, languages.locale());
    }

    private TenantAccess tenant() {
        return currentTenant.access();
    }
}
