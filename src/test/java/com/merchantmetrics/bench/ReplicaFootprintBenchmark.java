package com.merchantmetrics.bench;

import static io.restassured.RestAssured.given;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.scaleout.AppInstance;
import com.merchantmetrics.scaleout.TestPostgres;
import com.merchantmetrics.testsupport.Forms;

/**
 * bench/replica-footprint.sh: what one replica of the packaged app uses — peak resident memory and CPU time — with the
 * heap of a pod limited to 1.5 GiB (-Xmx = 75 % of it, as the image's -XX:MaxRAMPercentage=75 gives), through start-up,
 * an import of an orders file (300,000 rows by default: a million rows take longer than the 60 s default transaction
 * timeout on a loaded 2-core machine) and the dashboard pages. The figures size the Deployment's requests and limits.
 * Prints them; asserts nothing about them.
 */
class ReplicaFootprintBenchmark {

    @Test
    void oneReplicaUnderAnImportAndPageLoads() throws Exception {
        String database = TestPostgres.newDatabase("footprint");
        try (AppInstance replica = AppInstance.launch("footprint", database, Map.of(), List.of("-Xmx1152m"))) {
            replica.awaitReady(Duration.ofMinutes(4));
            System.out.println("after start-up: " + replica.resourceUsage());
            replica.createTenant("footprint", "alice");
            Path file = Files.createTempFile("footprint-orders-", ".csv");
            ImportBenchmark.writeOrders(file, ImportBenchmark.ROWS);
            given().auth().oauth2(Forms.token("alice")).contentType("text/csv").body(file.toFile())
                    .queryParam("dataset", "orders").queryParam("file_name", "orders.csv")
                    .post(replica.url("/api/v1/tenants/footprint/uploads")).then().statusCode(200);
            System.out.printf("after importing %d rows (%.0f MB): %s%n", ImportBenchmark.ROWS, Files.size(file) / 1e6, replica.resourceUsage());
            Files.delete(file);
            for (int round = 0; round < 20; round++) {
                for (String page : List.of("", "/acquisition", "/retention", "/revenue")) {
                    given().auth().oauth2(Forms.token("alice")).get(replica.url("/t/footprint" + page)).then().statusCode(200);
                }
            }
            System.out.println("after 80 dashboard pages: " + replica.resourceUsage());
        }
    }
}
