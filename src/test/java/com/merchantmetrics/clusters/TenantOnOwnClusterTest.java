package com.merchantmetrics.clusters;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.tenant.MigrationsOnStartup;
import com.merchantmetrics.tenant.SchemaMigrations;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantCluster;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A tenant moved to a second PostgreSQL cluster keeps its data, imports, rollup, metrics and upload history there and
 * only there, while a tenant on the main database is unaffected.
 */
@QuarkusTest
@TestProfile(SecondClusterProfile.class)
class TenantOnOwnClusterTest {

    private static final String CUSTOMERS = """
            customer_id,name,email,company,country,segment,created_at,acquisition_channel,marketing_originated
            c1,Ann,ann@example.com,,Germany,b2c,2024-01-03,paid_search,yes
            c2,Bob's Shop,bob@example.com,Bob GmbH,DE,b2b,2024-01-04 10:00,sales_outbound,false
            """;
    private static final String ORDERS = """
            order_id,customer_id,ordered_at,amount,currency,one_time_amount,subscription_amount,type,channel,landing_page,status
            o1,c1,2024-01-05T10:15:00Z,12.50,USD,12.50,,,paid_search,/home,
            o2,c2,2024-02-06,100,USD,40,60,,,,completed
            o3,c1,2024-03-07 09:30,30.00,USD,,,,,,
            """;
    private static final String SUBSCRIPTIONS = """
            subscription_id,customer_id,plan,starts_at,ends_at,amount,currency,billing_period,trial_ends_at,cancel_reason,retention_offer
            s1,c1,Basic,2024-01-01,2024-02-01,10,USD,month,,,
            s1,c1,Plus,2024-02-01,,20,USD,P1M,,,
            s2,c2,Annual,2024-01-10,2024-03-20,1200,USD,year,,price,
            """;

    @Inject
    TestTenants tenants;

    @Inject
    TenantMove tenantMove;

    @Inject
    MigrationsOnStartup migrations;

    @Inject
    SchemaMigrations schemaMigrations;

    @Test
    void aTenantOnItsOwnClusterWorksThereAndOnlyThere() throws SQLException {
        Tenant onMain = tenants.create("on-main");
        Tenant big = tenants.create("big");
        Tenant neighbour = tenants.create("neighbour");
        tenants.grant(onMain, "alice", TenantRole.owner);
        tenants.grant(big, "alice", TenantRole.owner);
        for (Tenant tenant : List.of(onMain, big)) {
            Uploads.post(tenant, "customers", CUSTOMERS).then().statusCode(200).body("rows.inserted", equalTo(2));
        }

        TenantMove.Moved moved = tenantMove.move(big, SecondClusterProfile.CLUSTER, AuditLog.Actor.SYSTEM);
        tenantMove.move(neighbour, SecondClusterProfile.CLUSTER, AuditLog.Actor.SYSTEM);
        tenants.sql(neighbour, "INSERT INTO customers (customer_id, name) VALUES ('n1', 'Neighbour secret')");

        assertThat(moved.from()).isEqualTo(Clusters.MAIN);
        assertThat(moved.rows()).containsEntry("customers", 2L).containsEntry("uploads", 1L);
        assertThat(moved.rows().keySet()).containsSubsequence("uploads", "upload_chunks");
        assertThat(tenantMove.clusterOf(big)).isEqualTo(SecondClusterProfile.CLUSTER);

        for (Tenant tenant : List.of(onMain, big)) {
            Uploads.post(tenant, "orders", ORDERS).then().statusCode(200).body("rows.inserted", equalTo(3));
            Uploads.post(tenant, "subscriptions", SUBSCRIPTIONS).then().statusCode(200).body("rows.inserted", equalTo(3));
        }
        // A byte-identical file is recognised from the history that moved with the tenant.
        Uploads.post(big, "customers", CUSTOMERS).then().statusCode(200).body("status", equalTo("unchanged"));

        JsonPath bigMetrics = metrics(big);
        assertThat(bigMetrics.getList("months")).isEqualTo(metrics(onMain).getList("months"));
        assertThat(bigMetrics.getFloat("months.find { it.month == '2024-02' }.metrics.mrr.value")).isEqualTo(120f);
        given().auth().oauth2(Forms.token("alice")).get("/api/v1/tenants/" + big.slug).then().statusCode(200)
                .body("customers", equalTo(2));
        given().auth().oauth2(Forms.token("alice")).get("/api/v1/tenants/" + big.slug + "/uploads").then().statusCode(200)
                .body("size()", equalTo(4));

        migrations.migrateAll();

        String bigSchema = big.schema().schemaName();
        try (Connection main = connect("quarkus.datasource"); Connection second = connect("merchant-metrics.clusters.big")) {
            assertThat(count(second, bigSchema + ".orders")).isEqualTo(3);
            assertThat(count(second, bigSchema + ".customers")).isEqualTo(2);
            assertThat(count(second, bigSchema + ".rollup_metrics")).isPositive();
            assertThat(count(main, onMain.schema().schemaName() + ".orders")).isEqualTo(3);
            assertThat(schemaExists(main, bigSchema)).as("moved tenant's schema on the main database").isFalse();
            assertThat(schemaExists(main, neighbour.schema().schemaName())).isFalse();
            assertThat(schemaExists(second, onMain.schema().schemaName())).as("main tenant's schema on the second cluster").isFalse();
        }

        assertThatThrownBy(() -> tenants.value(big, "SELECT count(*) FROM " + neighbour.schema().schemaName() + ".customers"))
                .hasStackTraceContaining("permission denied");
        assertThat(tenants.value(neighbour, "SELECT name FROM customers")).isEqualTo("Neighbour secret");

        String adminPage = "/admin/tenants/" + big.slug;
        assertThat(Forms.page("admin", adminPage).asString()).contains("Database cluster", ">main</option>");
        assertThat(Forms.submit("admin", adminPage, adminPage + "/cluster", Map.of("cluster", "nowhere")).then().statusCode(400)
                .extract().asString()).contains("No database cluster &#39;nowhere&#39; is configured");
        Forms.submit("admin", adminPage, adminPage + "/cluster", Map.of("cluster", Clusters.MAIN)).then().statusCode(303);
        assertThat(tenantMove.clusterOf(big)).isEqualTo(Clusters.MAIN);
        assertThat(Forms.page("admin", adminPage).asString()).contains(">big</option>");
        assertThat(tenants.count(big, "orders")).isEqualTo(3);
        assertThat(metrics(big).getList("months")).isEqualTo(bigMetrics.getList("months"));
        try (Connection second = connect("merchant-metrics.clusters.big")) {
            assertThat(schemaExists(second, bigSchema)).isFalse();
        }
    }

    @Test
    void aFailedMoveIsToldInTheAdminsLanguageWithTheDatabasesWordsApart() throws SQLException {
        Tenant tenant = tenants.create("refused-move");
        tenants.grant(tenant, "alice", TenantRole.owner);
        Uploads.post(tenant, "customers", CUSTOMERS).then().statusCode(200);
        String schema = tenant.schema().schemaName();
        schemaMigrations.provision(tenant.schema(), SecondClusterProfile.CLUSTER);
        try (Connection second = connect("merchant-metrics.clusters.big"); Statement statement = second.createStatement()) {
            statement.execute("ALTER TABLE " + schema + ".customers ADD CONSTRAINT refuses_every_row CHECK (false)");
        }
        String adminPage = "/admin/tenants/" + tenant.slug;
        Forms.submit("admin", "/", "/language", Map.of("language", "vi", "return", "/")).then().statusCode(303);
        try {
            String page = Forms.submit("admin", adminPage, adminPage + "/cluster", Map.of("cluster", SecondClusterProfile.CLUSTER))
                    .then().statusCode(503).extract().asString();

            Matcher alert = Pattern.compile("(?s)<div class=\"alert alert-danger\" role=\"alert\">(.*?)<details").matcher(page);
            assertThat(alert.find()).as(page).isTrue();
            assertThat(alert.group(1)).isEqualTo("Chuyển " + tenant.name + " sang cụm cơ sở dữ liệu big không thành công; dữ liệu vẫn ở main.");
            assertThat(page).contains("<summary>Chi tiết kỹ thuật</summary>").containsPattern("lang=\"en\">[^<]*refuses_every_row");
            assertThat(tenantMove.clusterOf(tenant)).isEqualTo(Clusters.MAIN);
            assertThat(tenants.count(tenant, "customers")).isEqualTo(2);
        } finally {
            Forms.submit("admin", "/", "/language", Map.of("language", "", "return", "/")).then().statusCode(303);
            try (Connection second = connect("merchant-metrics.clusters.big"); Statement statement = second.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** The main database outlives this profile: no tenant may stay on a cluster the other tests do not configure. */
    @AfterEach
    void everyTenantBackOnTheMainDatabase() {
        List<Tenant> placed = QuarkusTransaction.requiringNew().call(() -> TenantCluster.<TenantCluster>listAll().stream()
                .map(entry -> Tenant.<Tenant>findById(entry.tenantId)).toList());
        placed.forEach(tenant -> tenantMove.move(tenant, Clusters.MAIN, AuditLog.Actor.SYSTEM));
    }

    private static JsonPath metrics(Tenant tenant) {
        return given().auth().oauth2(Forms.token("alice")).queryParam("from", "2024-01").queryParam("to", "2024-04")
                .get("/api/v1/tenants/" + tenant.slug + "/metrics").then().statusCode(200).extract().jsonPath();
    }

    private static Connection connect(String prefix) throws SQLException {
        var config = ConfigProvider.getConfig();
        String url = config.getValue(prefix + (prefix.startsWith("quarkus") ? ".jdbc.url" : ".jdbc-url"), String.class);
        return DriverManager.getConnection(url, config.getValue(prefix + ".username", String.class),
                config.getValue(prefix + ".password", String.class));
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean schemaExists(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1 FROM pg_namespace WHERE nspname = '" + schema + "'")) {
            return rows.next();
        }
    }
}
