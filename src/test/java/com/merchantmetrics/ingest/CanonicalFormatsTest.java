package com.merchantmetrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;

/** Every canonical format of data-formats.md imports exactly as written there, through the API. */
@QuarkusTest
class CanonicalFormatsTest {

    @Inject
    TestTenants tenants;

    private Tenant tenant;

    @BeforeEach
    void tenantOfAlice() {
        tenant = tenants.create("ingest");
        tenants.grant(tenant, "alice", TenantRole.owner);
    }

    @Test
    void everyCanonicalFileImports() {
        Uploads.post(tenant, "customers", """
                customer_id,name,email,company,country,segment,created_at,acquisition_channel,marketing_originated
                c1,Ann,ann@example.com,,Germany,b2c,2024-01-03,paid_search,yes
                c2,Bob's Shop,bob@example.com,Bob GmbH,DE,b2b,2024-01-04 10:00,sales_outbound,false
                """).then().statusCode(200).body("status", equalTo("imported")).body("rows.inserted", equalTo(2));
        Uploads.post(tenant, "fx_rates", """
                date,currency,rate
                2024-01-01,EUR,1.0850
                """).then().statusCode(200).body("rows.inserted", equalTo(1));
        Uploads.post(tenant, "orders", """
                order_id,customer_id,ordered_at,amount,currency,one_time_amount,subscription_amount,type,channel,landing_page,status
                o1,c1,2024-01-05T10:15:00Z,12.50,USD,12.50,,,paid_search,/home,
                o2,c2,2024-01-06,100,EUR,40,60,,,,completed
                o3,c3,2024-01-07 09:30,-5.00,USD,,,,,,
                o4,c1,2024-01-08,20,USD,,,one_time,,,cancelled
                """).then().statusCode(200).body("rows.inserted", equalTo(4));
        Uploads.post(tenant, "subscriptions", """
                subscription_id,customer_id,plan,starts_at,ends_at,amount,currency,billing_period,trial_ends_at,cancel_reason,retention_offer
                s1,c1,Basic,2024-01-01,2024-02-01,10,USD,month,,,
                s1,c1,Plus,2024-02-01,,20,USD,P1M,2024-01-15,,no
                s2,c2,Annual,2024-01-10,,1200,EUR,year,,price,true
                s3,c4,Weekly,2024-01-10,,7,USD,P2W,,,
                """).then().statusCode(200).body("rows.inserted", equalTo(4));
        Uploads.post(tenant, "marketing_spend", """
                date,channel,amount,currency,category,cost_type
                2024-01,paid_search,1000,USD,,ads
                2024-01-15,sales_outbound,500.25,USD,sales,salaries
                """).then().statusCode(200).body("rows.inserted", equalTo(2));
        Uploads.post(tenant, "traffic", """
                date,visitors,sessions,channel,page
                2024-01-05,100,120,paid_search,/home
                2024-01-05,50,,,
                """).then().statusCode(200).body("rows.inserted", equalTo(2));
        Uploads.post(tenant, "leads", """
                lead_id,created_at,channel,converted_at,customer_id
                l1,2024-01-02,,2024-01-20,c2
                l2,2024-01-03,unknown,,
                """).then().statusCode(200).body("rows.inserted", equalTo(2));

        assertThat(tenants.value(tenant, "SELECT string_agg(customer_id, ',' ORDER BY customer_id) FROM customers"))
                .as("orders and subscriptions create the customers they name").isEqualTo("c1,c2,c3,c4");
        assertThat(tenants.value(tenant, "SELECT country || segment || marketing_originated FROM customers WHERE customer_id = 'c1'"))
                .isEqualTo("DEb2ctrue");
        assertThat(tenants.value(tenant, "SELECT type || ':' || status FROM orders WHERE order_id = 'o2'")).isEqualTo("mixed:completed");
        assertThat(tenants.value(tenant, "SELECT type FROM orders WHERE order_id = 'o1'")).isEqualTo("one_time");
        assertThat(tenants.value(tenant, "SELECT amount FROM orders WHERE order_id = 'o3'")).isEqualTo("-5.0000");
        assertThat(tenants.value(tenant, "SELECT ordered_at AT TIME ZONE 'UTC' FROM orders WHERE order_id = 'o3'"))
                .as("a time without offset is in the tenant's time zone (UTC)").isEqualTo("2024-01-07 09:30:00");
        assertThat(tenants.value(tenant, "SELECT period_months FROM subscriptions WHERE subscription_id = 's2'")).isEqualTo("12.00000000");
        assertThat(tenants.value(tenant, "SELECT period_months FROM subscriptions WHERE subscription_id = 's3'")).isEqualTo("0.46153846");
        assertThat(tenants.value(tenant, "SELECT period_start || '/' || period_end FROM marketing_spend WHERE channel = 'paid_search'"))
                .isEqualTo("2024-01-01/2024-02-01");
        assertThat(tenants.value(tenant, "SELECT category || cost_type FROM marketing_spend WHERE channel = 'paid_search'"))
                .isEqualTo("marketingads");
        assertThat(tenants.value(tenant, "SELECT count(*) FROM leads WHERE channel IS NULL")).isEqualTo("1");
        assertThat(tenants.value(tenant, "SELECT visitors FROM traffic WHERE channel = '' AND page = ''")).isEqualTo("50");
        // Imports into an empty table build its indexes after the rows: all of them are back, the key's constraint too.
        assertThat(tenants.value(tenant, "SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes "
                + "WHERE schemaname = current_schema() AND tablename = 'orders'")).isEqualTo("orders_customer,orders_pkey,orders_time");
        assertThat(tenants.value(tenant, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'orders_pkey'"))
                .isEqualTo("PRIMARY KEY (order_id)");
    }

    @Test
    void reUploadingUpdatesInsteadOfDuplicatingAndAnIdenticalFileChangesNothing() {
        String first = "order_id,customer_id,ordered_at,amount,currency\no1,c1,2024-01-05,10,USD\no2,c1,2024-01-06,20,USD\n";
        Uploads.post(tenant, "orders", first).then().statusCode(200).body("rows.inserted", equalTo(2));
        Uploads.post(tenant, "orders", first).then().statusCode(200).body("status", equalTo("unchanged"))
                .body("message", org.hamcrest.Matchers.containsString("byte-identical"));
        Uploads.post(tenant, "orders", "order_id,customer_id,ordered_at,amount,currency\no2,c1,2024-01-06,25,USD\no3,c1,2024-01-07,30,USD\n")
                .then().statusCode(200).body("rows.inserted", equalTo(1)).body("rows.updated", equalTo(1));
        assertThat(tenants.count(tenant, "orders")).isEqualTo(3);
        assertThat(tenants.value(tenant, "SELECT amount FROM orders WHERE order_id = 'o2'")).isEqualTo("25.0000");

        Uploads.post("alice", tenant, "orders", "replace", false,
                "order_id,customer_id,ordered_at,amount,currency\no9,c1,2024-02-01,5,USD\n".getBytes(StandardCharsets.UTF_8), "orders.csv")
                .then().statusCode(200).body("status", equalTo("imported"));
        assertThat(tenants.value(tenant, "SELECT string_agg(order_id, ',') FROM orders")).isEqualTo("o9");
    }

    @Test
    void aDryRunPreviewsAndWritesNothing() {
        Uploads.post("alice", tenant, null, null, true,
                "order_id,customer_id,ordered_at,amount,currency,coupon\no1,c1,2024-01-05,10,USD,X\n".getBytes(StandardCharsets.UTF_8),
                "my-orders.csv")
                .then().statusCode(200).body("status", equalTo("previewed")).body("dataset", equalTo("orders"))
                .body("preview.rows[0][0]", equalTo("o1"))
                .body("warnings[0].column", equalTo("coupon"));
        assertThat(tenants.count(tenant, "orders")).isZero();
        assertThat(tenants.count(tenant, "customers")).isZero();
    }

    @Test
    void encodingsDelimitersAndArchivesAreRead() throws IOException {
        byte[] windows1252 = "customer_id;name\nc1;Müller & Söhne\n".getBytes(Charset.forName("windows-1252"));
        Uploads.post("alice", tenant, "customers", null, false, windows1252, "kunden.csv").then().statusCode(200)
                .body("encoding", equalTo("windows-1252")).body("delimiter", equalTo("semicolon"));
        assertThat(tenants.value(tenant, "SELECT name FROM customers WHERE customer_id = 'c1'")).isEqualTo("Müller & Söhne");

        byte[] bomTab = ("\uFEFFcustomer_id\tname\nc2\t\"Quoted\tName\nOn two lines\"\n").getBytes(StandardCharsets.UTF_8);
        Uploads.post("alice", tenant, "customers", null, false, bomTab, "bom.csv").then().statusCode(200)
                .body("encoding", equalTo("UTF-8")).body("delimiter", equalTo("tab"));
        assertThat(tenants.value(tenant, "SELECT name FROM customers WHERE customer_id = 'c2'")).isEqualTo("Quoted\tName\nOn two lines");

        byte[] latin1 = "customer_id,name\nc3,Café\n".getBytes(StandardCharsets.ISO_8859_1);
        io.restassured.RestAssured.given().auth().oauth2(Forms.token("alice")).contentType("text/csv").body(latin1)
                .queryParam("dataset", "customers").queryParam("encoding", "ISO-8859-1")
                .post("/api/v1/tenants/" + tenant.slug + "/uploads").then().statusCode(200).body("encoding", equalTo("ISO-8859-1"));
        assertThat(tenants.value(tenant, "SELECT name FROM customers WHERE customer_id = 'c3'")).isEqualTo("Café");

        Uploads.post("alice", tenant, "customers", null, false, gzip("customer_id,name\nc4,Gzipped\n"), "c.csv.gz")
                .then().statusCode(200).body("rows.inserted", equalTo(1));
        Uploads.post("alice", tenant, "customers", null, false, zip("customers.csv", "customer_id,name\nc5,Zipped\n"), "c.zip")
                .then().statusCode(200).body("rows.inserted", equalTo(1));
        assertThat(tenants.count(tenant, "customers")).isEqualTo(5);
    }

    @Test
    void viewersAndAccountManagersCannotUpload() {
        tenants.grant(tenant, "bob", TenantRole.viewer);
        tenants.grant(tenant, "marco", TenantRole.account_manager);
        for (String user : new String[] {"bob", "marco"}) {
            Uploads.post(user, tenant, "customers", null, false, "customer_id\nc1\n".getBytes(StandardCharsets.UTF_8), "c.csv")
                    .then().statusCode(403);
        }
        assertThat(tenants.count(tenant, "customers")).isZero();
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static byte[] zip(String entry, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
