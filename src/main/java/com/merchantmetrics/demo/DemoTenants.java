package com.merchantmetrics.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.ingest.ImportService;
import com.merchantmetrics.ingest.ReceivedFile;
import com.merchantmetrics.ingest.UploadRefused;
import com.merchantmetrics.members.PeopleService;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.tenant.TenantService;
import com.merchantmetrics.tenant.TenantService.NewTenant;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode's first start creates the two demo tenants and their people — alice owns both, marco is their account
 * manager, admin is the platform administrator (a Keycloak/OIDC role, not a table row) — and fills them with
 * generated data through the same import path users upload through.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoTenants {

    private static final Logger LOG = Logger.getLogger(DemoTenants.class);

    static final NewTenant ACME = new NewTenant("Acme Wholesale", "acme-wholesale", "EUR", "Europe/Berlin");
    static final NewTenant BLOOM = new NewTenant("Bloom Box", "bloom-box", "USD", "America/New_York");

    /** Import order: rates before the amounts they convert. */
    private static final List<String> IMPORT_ORDER = List.of("fx_rates", "customers", "orders", "subscriptions",
            "marketing_spend", "traffic", "leads");

    void createOnFirstStart(@Observes StartupEvent event, TenantService tenants, PeopleService people, ImportService imports) {
        for (NewTenant demo : new NewTenant[] { ACME, BLOOM }) {
            if (QuarkusTransaction.requiringNew().call(() -> Tenant.findBySlug(demo.slug()).isPresent())) {
                continue;
            }
            Tenant tenant = tenants.create(demo);
            people.auditTenantCreated(tenant, AuditLog.Actor.SYSTEM);
            people.grant(tenant, "alice@example.com", TenantRole.owner.name(), AuditLog.Actor.SYSTEM);
            people.grant(tenant, "marco@example.com", TenantRole.account_manager.name(), AuditLog.Actor.SYSTEM);
            seed(tenant, demo == ACME ? DemoProfile.B2B_WHOLESALE : DemoProfile.D2C_SUBSCRIPTION, imports);
            LOG.infof("Demo tenant %s created", demo.name());
        }
    }

    private static void seed(Tenant tenant, DemoProfile profile, ImportService imports) {
        try {
            Path directory = Files.createTempDirectory("demo-" + tenant.slug);
            GeneratedFiles files = DemoDataGenerator.generate(
                    GeneratorSettings.demo(profile, LocalDate.now(ZoneId.of(tenant.timeZone))), directory);
            TenantAccess access = TenantAccess.of(tenant, TenantRole.owner);
            for (String dataset : IMPORT_ORDER) {
                Path file = files.byDataset().get(dataset);
                try (InputStream in = Files.newInputStream(file);
                        ReceivedFile received = ReceivedFile.receive(in, dataset + ".csv", imports.maxBytes())) {
                    ImportService.Outcome outcome = imports.submit(access, AuditLog.Actor.SYSTEM, received, dataset,
                            ImportService.Mode.merge, "UTF-8", java.util.Optional.empty(), false);
                    LOG.infof("Demo %s: %s", tenant.slug, outcome.message());
                }
                Files.delete(file);
            }
            Files.delete(directory);
        } catch (IOException | UploadRefused e) {
            throw new IllegalStateException("Seeding the demo tenant " + tenant.slug + " failed", e);
        }
    }
}
