package com.merchantmetrics.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import com.merchantmetrics.security.CurrentUser;
import com.merchantmetrics.tenant.CurrentTenant;
import com.merchantmetrics.tenant.RequiresTenantRole;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.logging.Log;

/**
 * Machine uploads: the file (CSV, .csv.gz or .zip) is the request body, answered with the import result as JSON.
 * (Multipart is for browsers: its CSRF check needs the page's cookie, which a machine does not have.)
 */
@Path("/api/v1/tenants/{slug}/uploads")
@Produces(MediaType.APPLICATION_JSON)
public class UploadsApiResource {

    private final CurrentTenant currentTenant;
    private final CurrentUser currentUser;
    private final ImportService imports;
    private final UploadStore store;

    UploadsApiResource(CurrentTenant currentTenant, CurrentUser currentUser, ImportService imports, UploadStore store) {
        this.currentTenant = currentTenant;
        this.currentUser = currentUser;
        this.imports = imports;
        this.store = store;
    }

    @POST
    @Consumes({"text/csv", "text/plain", MediaType.APPLICATION_OCTET_STREAM, "application/gzip", "application/zip"})
    @RequiresTenantRole({TenantRole.owner, TenantRole.analyst})
    @Operation(summary = "Upload a file as the request body", description = "Imports (or with dry_run=true previews) one "
            + "file of a dataset. Rows upsert by natural key; all rows or none are written.")
    public Response upload(InputStream body,
            @Parameter(description = "customers, orders, subscriptions, marketing_spend, traffic, leads or fx_rates; blank = detect") @RestQuery String dataset,
            @Parameter(description = "merge (default) or replace") @RestQuery String mode,
            @Parameter(description = "true = only check and preview") @RestQuery("dry_run") boolean dryRun,
            @Parameter(description = "auto (default), UTF-8, windows-1252 or ISO-8859-1") @RestQuery String encoding,
            @Parameter(description = "name shown in the history and in messages") @RestQuery("file_name") String fileName,
            @Parameter(description = "a column mapping, one field=column per parameter (e.g. map=amount=Total), with dataset; "
                    + "without it, a mapping saved for this header on the uploads page applies, else the canonical columns or a preset")
            @RestQuery("map") List<String> map) {
        String name = fileName == null || fileName.isBlank() ? (dataset == null ? "upload.csv" : dataset + ".csv") : fileName;
        try {
            return run(body, name, dataset, mode, encoding, mapping(dataset, map), dryRun);
        } catch (UploadRefused refused) {
            return refusal(refused);
        }
    }

    private static Optional<ColumnMapping> mapping(String dataset, List<String> map) throws UploadRefused {
        if (map == null || map.isEmpty()) {
            return Optional.empty();
        }
        Dataset target = Dataset.byName(dataset).orElseThrow(() -> new UploadRefused("A column mapping needs the dataset: add dataset=…"));
        Map<String, String> columns = new LinkedHashMap<>();
        for (String pair : map) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new UploadRefused("map=" + pair + ": write map=field=column, e.g. map=amount=Total");
            }
            columns.put(pair.substring(0, equals).strip(), pair.substring(equals + 1));
        }
        return Optional.of(new ColumnMapping(target, columns));
    }

    @GET
    @Operation(summary = "The latest uploads of this tenant")
    public List<UploadJson.Listed> list() {
        return store.list(currentTenant.access().schema(), 200).stream().map(UploadJson.Listed::of).toList();
    }

    private Response run(InputStream body, String fileName, String dataset, String mode, String encoding,
            Optional<ColumnMapping> mapping, boolean dryRun) {
        try {
            ImportService.Mode importMode = UploadsPage.mode(mode);
            try (ReceivedFile file = ReceivedFile.receive(body, fileName, imports.maxBytes())) {
                ImportService.Outcome outcome = imports.submit(currentTenant.access(), currentUser.actor(), file, dataset,
                        importMode, encoding, mapping, dryRun);
                return Response.status(outcome.hasErrors() ? 422 : 200).entity(UploadJson.Result.of(outcome, dryRun)).build();
            }
        } catch (UploadRefused refused) {
            return refusal(refused);
        } catch (IOException e) {
            return refusal(new UploadRefused(fileName + " could not be received: " + e.getMessage()));
        } catch (RuntimeException e) {
            Log.errorf(e, "Import of %s into %s failed", fileName, currentTenant.access().slug());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(new UploadJson.Refusal("import_failed",
                    "The import of " + fileName + " failed and nothing of it was written; upload it again.")).build();
        }
    }

    private static Response refusal(UploadRefused refused) {
        return Response.status(Response.Status.BAD_REQUEST).entity(new UploadJson.Refusal("upload_refused", refused.getMessage()))
                .build();
    }
}
