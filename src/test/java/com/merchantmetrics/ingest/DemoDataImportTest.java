package com.merchantmetrics.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.merchantmetrics.demo.DemoDataGenerator;
import com.merchantmetrics.demo.DemoProfile;
import com.merchantmetrics.demo.GeneratedFiles;
import com.merchantmetrics.demo.GeneratorSettings;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.tenant.TenantService;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The demo data (what dev mode seeds) imports without a single problem and gives every demo tenant its numbers. */
@QuarkusTest
class DemoDataImportTest {

    private static final List<String> ORDER = List.of("fx_rates", "customers", "orders", "subscriptions", "marketing_spend",
            "traffic", "leads");

    @Inject
    TenantService tenantService;

    @Inject
    TestTenants tenants;

    @ParameterizedTest
    @EnumSource(DemoProfile.class)
    void demoFilesImportCleanly(DemoProfile profile, @TempDir Path directory) throws Exception {
        LocalDate lastDay = LocalDate.of(2026, 10, 31);
        GeneratedFiles files = DemoDataGenerator.generate(GeneratorSettings.demo(profile, lastDay), directory);
        String slug = "demo-" + profile.name().toLowerCase().replace('_', '-') + "-" + ProcessHandle.current().pid() % 10000;
        Tenant tenant = tenantService.create(new TenantService.NewTenant(profile.companyName(), slug, profile.reportingCurrency(), "UTC"));
        tenants.grant(tenant, "alice", TenantRole.owner);

        for (String dataset : ORDER) {
            byte[] body = Files.readAllBytes(files.byDataset().get(dataset));
            Uploads.post("alice", tenant, dataset, null, false, body, dataset + ".csv").then().statusCode(200)
                    .body("status", equalTo("imported")).body("errors.size()", equalTo(0));
            assertThat(tenants.count(tenant, dataset)).as(dataset).isEqualTo(files.rowCounts().get(dataset));
        }

        JsonPath metrics = given().auth().oauth2(Forms.token("alice")).queryParam("from", "2026-01").queryParam("to", "2026-10")
                .get("/api/v1/tenants/" + slug + "/metrics").then().statusCode(200).extract().jsonPath();
        assertThat(metrics.getFloat("months[9].metrics.revenue.value")).isPositive();
        assertThat(metrics.getFloat("months[9].metrics.new_customers.value")).isPositive();
        assertThat(metrics.getFloat("months[9].metrics.cac.value")).isPositive();
        if (profile == DemoProfile.D2C_SUBSCRIPTION) {
            assertThat(metrics.getFloat("months[9].metrics.mrr.value")).isPositive();
        }
    }
}
