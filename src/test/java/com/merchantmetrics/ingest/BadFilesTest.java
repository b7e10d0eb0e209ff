package com.merchantmetrics.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A corpus of broken files: each one gets a clear answer that names what is wrong (row and column where there are
 * such), never a server error, and the tenant's data stays exactly as it was.
 */
@QuarkusTest
class BadFilesTest {

    private static final String ORDERS = "order_id,customer_id,ordered_at,amount,currency\n";
    private static final String INVOICE_LINES = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
    private static final String SUBSCRIPTIONS = "subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period\n";
    private static Tenant tenant;

    @Inject
    TestTenants tenants;

    record BadFile(String name, String dataset, byte[] body, String encoding, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadFile> corpus() throws IOException {
        List<BadFile> files = new ArrayList<>(List.of(
                bad("truncated row", "orders", ORDERS + "o1,c1,2024-01-05\n", "row 2", "has 3 fields but the header has 5"),
                bad("unbalanced quote", "orders", ORDERS + "o1,\"c1,2024-01-05,10,USD\no2,c1,2024-01-05,10,USD\n", "row 2"),
                bad("extra field", "orders", ORDERS + "o1,c1,2024-01-05,10,USD,surprise\n", "row 2", "has 6 fields"),
                bad("amount not a number", "orders", ORDERS + "o1,c1,2024-01-05,ten,USD\n", "row 2", "column amount", "not an amount"),
                bad("amount with thousands separator", "orders", ORDERS + "o1,c1,2024-01-05,\"1,234.50\",USD\n", "row 2",
                        "column amount", "thousands separators"),
                bad("amount with decimal comma", "orders", ORDERS + "o1,c1,2024-01-05,\"12,50\",USD\n", "row 2", "decimal separator"),
                bad("amount with too many decimals", "orders", ORDERS + "o1,c1,2024-01-05,1.123456,USD\n", "row 2", "column amount"),
                bad("day that does not exist", "orders", ORDERS + "o1,c1,2024-02-31,10,USD\n", "row 2", "column ordered_at"),
                bad("day in European order", "orders", ORDERS + "o1,c1,31/02/2024,10,USD\n", "row 2", "column ordered_at", "YYYY-MM-DD"),
                bad("impossible offset", "orders", ORDERS + "o1,c1,2024-03-01T10:15:00+25:00,10,USD\n", "row 2", "column ordered_at"),
                bad("unknown currency", "orders", ORDERS + "o1,c1,2024-01-05,10,XYZ\n", "row 2", "column currency", "ISO 4217"),
                bad("currency without rates", "orders", ORDERS + "o1,c1,2024-01-05,10,EUR\n", "row 2", "column currency",
                        "no FX rate for EUR"),
                bad("unknown order status", "orders", ORDERS.strip() + ",status\no1,c1,2024-01-05,10,USD,shipped\n", "row 2",
                        "column status", "must be one of"),
                bad("unknown order type", "orders", ORDERS.strip() + ",type\no1,c1,2024-01-05,10,USD,gift\n", "row 2", "column type"),
                bad("required value empty", "orders", ORDERS + "o1,,2024-01-05,10,USD\n", "row 2", "column customer_id", "required"),
                bad("identifier too long", "orders", ORDERS + "x".repeat(300) + ",c1,2024-01-05,10,USD\n", "row 2", "column order_id",
                        "255"),
                bad("duplicate key in the file", "orders", ORDERS + "o1,c1,2024-01-05,10,USD\no1,c1,2024-01-06,11,USD\n", "row 3",
                        "column order_id", "also on row 2"),
                bad("missing required column", "orders", "order_id,customer_id,ordered_at,currency\no1,c1,2024-01-05,USD\n", "row 1",
                        "amount missing"),
                bad("duplicate header", "orders", "order_id,order_id,customer_id,ordered_at,amount,currency\n", "row 1", "appears twice"),
                bad("header of no known format", null, "foo,bar\n1,2\n", "row 1", "matches none"),
                bad("empty file", "orders", "", "is empty"),
                bad("only blank lines", "orders", "\n\n\n", "is empty"),
                bad("BOM and semicolons with a bad date", "orders",
                        "\uFEFForder_id;customer_id;ordered_at;amount;currency\no1;c1;2024-13-01;10;USD\n", "row 2", "column ordered_at"),
                bad("negative subscription amount", "subscriptions", SUBSCRIPTIONS + "s1,c1,2024-01-01,,-10,USD,month\n", "row 2",
                        "column amount", "must not be negative"),
                bad("period ends before it starts", "subscriptions", SUBSCRIPTIONS + "s1,c1,2024-02-01,2024-01-01,10,USD,month\n",
                        "row 2", "column ends_at"),
                bad("unknown billing period", "subscriptions", SUBSCRIPTIONS + "s1,c1,2024-01-01,,10,USD,monthly\n", "row 2",
                        "column billing_period"),
                bad("overlapping subscription periods", "subscriptions",
                        SUBSCRIPTIONS + "s1,c1,2024-01-01,2024-03-01,10,USD,month\ns1,c1,2024-02-01,,20,USD,month\n", "row 3",
                        "column starts_at", "must not overlap"),
                bad("yes-no value that is neither", "customers", "customer_id,marketing_originated\nc1,maybe\n", "row 2",
                        "column marketing_originated"),
                bad("unknown country", "customers", "customer_id,country\nc1,Atlantis\n", "row 2", "column country"),
                bad("unknown segment", "customers", "customer_id,segment\nc1,enterprise\n", "row 2", "column segment"),
                bad("negative visitors", "traffic", "date,visitors\n2024-01-01,-5\n", "row 2", "column visitors"),
                bad("fractional visitors", "traffic", "date,visitors\n2024-01-01,12.5\n", "row 2", "column visitors"),
                bad("timestamp where a day is required", "traffic", "date,visitors\n2024-01-01 10:00,5\n", "row 2", "column date"),
                bad("zero FX rate", "fx_rates", "date,currency,rate\n2024-01-01,EUR,0\n", "row 2", "column rate", "positive"),
                bad("FX rate not a number", "fx_rates", "date,currency,rate\n2024-01-01,EUR,high\n", "row 2", "column rate"),
                bad("month that does not exist", "marketing_spend", "date,channel,amount,currency\n2024-13,ads,10,USD\n", "row 2",
                        "column date"),
                bad("unknown spend category", "marketing_spend", "date,channel,amount,currency,category\n2024-01,ads,10,USD,brand\n",
                        "row 2", "column category"),
                bad("unknown cost type", "marketing_spend", "date,channel,amount,currency,cost_type\n2024-01,ads,10,USD,misc\n",
                        "row 2", "column cost_type"),
                bad("lead without creation time", "leads", "lead_id,created_at\nl1,\n", "row 2", "column created_at"),
                bad("formula-looking amount", "orders", ORDERS + "o1,c1,2024-01-05,=cmd|' /C calc'!A0,USD\n", "row 2",
                        "column amount"),
                bad("invoice lines with a quantity in words", null, INVOICE_LINES
                        + "536365,85123A,LANTERN,six,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n", "row 2", "column quantity",
                        "not a number"),
                bad("invoice lines with a European date", null, INVOICE_LINES
                        + "536365,85123A,LANTERN,6,01/12/2010 08:26,2.55,17850.0,United Kingdom\n", "row 2", "column invoicedate"),
                bad("invoice lines with a thousands separator", null, INVOICE_LINES
                        + "536365,85123A,LANTERN,6,2010-12-01 08:26:00,\"1,234.50\",17850.0,United Kingdom\n", "row 2",
                        "column unitprice"),
                bad("unknown dataset", "invoices", ORDERS + "o1,c1,2024-01-05,10,USD\n", "Unknown dataset"),
                new BadFile("binary junk", "orders", junk(), null, List.of("not a text file")),
                new BadFile("not UTF-8 although UTF-8 was chosen", "customers",
                        "customer_id,name\nc1,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), "UTF-8",
                        List.of("after row", "not valid in the chosen encoding")),
                new BadFile("huge field", "customers", ("customer_id,name\nc1," + "x".repeat(2_000_000) + "\n")
                        .getBytes(StandardCharsets.UTF_8), null, List.of("cannot be read")),
                new BadFile("zip with two files", "orders", zip("a.csv", "b.csv"), null, List.of("exactly one CSV")),
                new BadFile("gzip cut off", "orders", Arrays.copyOf(gzip(ORDERS + "o1,c1,2024-01-05,10,USD\n".repeat(50)), 40), null,
                        List.of("cannot be unpacked")),
                new BadFile("decompression bomb", "orders", gzipBomb(), null, List.of("unpacks to more than 1 GiB")),
                new BadFile("a million rows with the same key", "orders", sameKeyMillionTimes(), null,
                        List.of("row 3", "column order_id", "also on row 2"))));
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aBadFileGetsAClearAnswerAndChangesNothing(BadFile file) {
        Tenant target = tenantWithData();
        String before = fingerprint(target);

        var request = given().auth().oauth2(Forms.token("alice")).contentType("text/csv").body(file.body())
                .queryParam("file_name", file.name().replace(' ', '-') + ".csv");
        if (file.dataset() != null) {
            request.queryParam("dataset", file.dataset());
        }
        if (file.encoding() != null) {
            request.queryParam("encoding", file.encoding());
        }
        Response response = request.post("/api/v1/tenants/" + target.slug + "/uploads");

        assertThat(response.statusCode()).as(file.name() + ": " + response.asString()).isIn(400, 422);
        String answer = response.asString().length() > 20_000 ? response.asString().substring(0, 20_000) : response.asString();
        assertThat(answer).as(file.name()).contains(file.expected());
        assertThat(fingerprint(target)).as(file.name() + " leaves the data unchanged").isEqualTo(before);
    }

    private Tenant tenantWithData() {
        if (tenant == null) {
            tenant = tenants.create("badfiles");
            tenants.grant(tenant, "alice", TenantRole.owner);
            Uploads.post(tenant, "orders", ORDERS + "o1,c1,2024-01-05,10,USD\no2,c2,2024-01-06,20,USD\n").then().statusCode(200);
            Uploads.post(tenant, "subscriptions", SUBSCRIPTIONS + "s1,c1,2024-01-01,,10,USD,month\n").then().statusCode(200);
        }
        return tenant;
    }

    private String fingerprint(Tenant target) {
        return tenants.value(target, """
                SELECT md5(concat((SELECT string_agg(o::text, '|' ORDER BY order_id) FROM orders o),
                                  (SELECT string_agg(c::text, '|' ORDER BY customer_id) FROM customers c),
                                  (SELECT string_agg(s::text, '|' ORDER BY subscription_id, starts_at) FROM subscriptions s),
                                  (SELECT count(*) FROM traffic), (SELECT count(*) FROM fx_rates),
                                  (SELECT count(*) FROM marketing_spend), (SELECT count(*) FROM leads)))""");
    }

    private static BadFile bad(String name, String dataset, String csv, String... expected) {
        return new BadFile(name, dataset, csv.getBytes(StandardCharsets.UTF_8), null, List.of(expected));
    }

    private static byte[] junk() {
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        bytes[10] = 0;
        return bytes;
    }

    private static byte[] gzip(String text) throws IOException {
        return CanonicalFormatsTest.gzip(text);
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                out.putNextEntry(new ZipEntry(entry));
                out.write((ORDERS + "o1,c1,2024-01-05,10,USD\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A header, then blank lines: about 1 MiB packed, more than 1 GiB unpacked. */
    private static byte[] gzipBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 1 << 16)) {
            out.write(ORDERS.getBytes(StandardCharsets.UTF_8));
            byte[] blankLines = new byte[1 << 20];
            Arrays.fill(blankLines, (byte) '\n');
            for (int i = 0; i < 1100; i++) {
                out.write(blankLines);
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] sameKeyMillionTimes() {
        StringBuilder csv = new StringBuilder(ORDERS);
        for (int i = 0; i < 1_000_000; i++) {
            csv.append("o1,c1,2024-01-05,10,USD\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
