package com.merchantmetrics.scaleout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.KeycloakServer;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Two replicas of the packaged app on their own ports, one PostgreSQL, one Keycloak: any replica serves any request. */
class TwoInstancesIT {

    /** ImportService's advisory-lock namespace for "an import of this tenant is running". */
    private static final int TENANT_IMPORT_LOCK = 0x4d4d0002;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static String database;
    private static AppCluster cluster;
    private static AppInstance first;
    private static AppInstance second;

    @BeforeAll
    static void startTwoInstances() {
        database = TestPostgres.newDatabase("two_instances");
        cluster = AppCluster.start("pair", 2, database);
        first = cluster.get(0);
        second = cluster.get(1);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aSessionSignedInOnOneInstanceWorksOnTheOther() throws Exception {
        String slug = tenantOwnedByAlice("session", second);

        try (WebClient browser = browser()) {
            HtmlPage login = browser.getPage(first.url("/"));
            assertThat(login.getUrl().toString()).startsWith(KeycloakServer.realmUrl());
            HtmlForm form = (HtmlForm) login.getElementById("kc-form-login");
            form.getInputByName("username").setValue("alice");
            form.getInputByName("password").setValue("alice");
            HtmlPage home = ((HtmlElement) login.getElementById("kc-login")).click();
            assertThat(home.getUrl().toString()).isEqualTo(first.url("/"));
            assertThat(home.asNormalizedText()).contains("Your tenants", "Shop " + slug);

            // No redirects from here on: a replica that could not read the session cookie would send the browser
            // to Keycloak (302), which would sign it in again silently.
            browser.getOptions().setRedirectEnabled(false);
            HtmlPage overviewOnSecond = browser.getPage(new URL(second.url("/t/" + slug)));
            assertThat(overviewOnSecond.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(overviewOnSecond.asNormalizedText()).contains("Overview", "Alice Merchant");
            HtmlPage uploadsOnFirst = browser.getPage(new URL(first.url("/t/" + slug + "/uploads")));
            assertThat(uploadsOnFirst.getWebResponse().getStatusCode()).isEqualTo(200);
        }
    }

    @Test
    void anImportThroughOneInstanceIsVisibleThroughTheOther() {
        String slug = tenantOwnedByAlice("visible", first);
        String csv = """
                order_id,customer_id,ordered_at,amount,currency
                o1,c1,2024-01-05,10.00,USD
                o2,c2,2024-01-06,20.00,USD
                o3,c1,2024-01-20,30.50,USD
                """;
        upload(first, slug, csv.getBytes(StandardCharsets.UTF_8), "january.csv").then().statusCode(200);

        JsonPath uploads = api(second, "/api/v1/tenants/" + slug + "/uploads").jsonPath();
        assertThat(uploads.getList("fileName")).containsExactly("january.csv");
        assertThat(uploads.getList("status")).containsExactly("imported");
        assertThat(api(second, "/api/v1/tenants/" + slug).jsonPath().getLong("customers")).isEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                api(second, "/api/v1/tenants/" + slug + "/metrics?from=2024-01&to=2024-01&group=revenue").jsonPath()
                        .getDouble("months[0].metrics.revenue.value")).isEqualTo(60.50));
    }

    @Test
    void concurrentImportsOfOneTenantOnTwoInstancesTakeTurns() throws Exception {
        String slug = tenantOwnedByAlice("turns", first);
        byte[] orders = orders(2_000);

        Response[] responses;
        try (Connection holder = TestPostgres.connect(database); Statement statement = holder.createStatement()) {
            // The test takes the tenant's import lock itself, so both imports are certainly running at once.
            holder.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock(" + TENANT_IMPORT_LOCK + ", hashtext('" + schema(slug) + "'))");
            CompletableFuture<Response> viaFirst = CompletableFuture.supplyAsync(() -> upload(first, slug, orders, "orders.csv"));
            CompletableFuture<Response> viaSecond = CompletableFuture.supplyAsync(() -> upload(second, slug, orders, "orders.csv"));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(waitingForImportLock())
                    .as("both instances' imports wait for the tenant's import lock").containsExactly(first.name(), second.name()));
            holder.commit();
            responses = new Response[] {viaFirst.get(), viaSecond.get()};
        }

        for (Response response : responses) {
            response.then().statusCode(200);
        }
        List<String> statuses = List.of(responses[0].jsonPath().getString("status"), responses[1].jsonPath().getString("status"));
        assertThat(statuses).as("one import wrote the rows; the other ran after it had committed and found the same file "
                + "already imported").containsExactlyInAnyOrder("imported", "unchanged");
        Response imported = responses[statuses.indexOf("imported")];
        assertThat(imported.jsonPath().getLong("rows.inserted")).isEqualTo(2_000);

        JsonPath history = api(second, "/api/v1/tenants/" + slug + "/uploads").jsonPath();
        assertThat(history.getList("status")).containsExactlyInAnyOrder("imported", "unchanged");
        assertThat(api(first, "/api/v1/tenants/" + slug).jsonPath().getLong("customers")).isEqualTo(100);
    }

    /** application_name of the instances whose import waits for a tenant import lock, sorted. */
    private static List<String> waitingForImportLock() throws Exception {
        try (Connection connection = TestPostgres.connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT a.application_name FROM pg_locks l "
                        + "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND NOT l.granted "
                        + "AND l.classid = " + TENANT_IMPORT_LOCK + " ORDER BY 1")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private static String tenantOwnedByAlice(String prefix, AppInstance instance) {
        String slug = prefix + "-" + SEQUENCE.incrementAndGet();
        instance.createTenant(slug, "alice");
        return slug;
    }

    private static String schema(String slug) {
        return "t_" + slug.replace('-', '_');
    }

    private static Response upload(AppInstance instance, String slug, byte[] csv, String fileName) {
        return given().auth().oauth2(Forms.token("alice")).contentType("text/csv").body(csv)
                .queryParam("dataset", "orders").queryParam("file_name", fileName)
                .post(instance.url("/api/v1/tenants/" + slug + "/uploads"));
    }

    private static Response api(AppInstance instance, String path) {
        Response response = given().auth().oauth2(Forms.token("alice")).get(instance.url(path));
        response.then().statusCode(200);
        return response;
    }

    private static byte[] orders(int count) {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,amount,currency\n");
        for (int i = 0; i < count; i++) {
            csv.append('o').append(i).append(",c").append(i % 100).append(",2024-02-").append(10 + i % 15).append(',')
                    .append(i % 97).append(".25,USD\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static WebClient browser() {
        WebClient browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        return browser;
    }
}
