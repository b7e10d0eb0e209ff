package com.merchantmetrics.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The pages of a small tenant (USD, UTC) whose numbers are worked out by hand: MRR 230 in January, 310 in February,
 * 220 in March and 272 in April 2024 (see MetricFixturesTest for the same subscriptions).
 */
@QuarkusTest
class DashboardPagesTest {

    private static final String PERIOD = "?range=custom&from=2024-01&to=2024-04";

    @Inject
    TestTenants tenants;

    private Tenant tenant;

    @BeforeEach
    void fixture() {
        tenant = tenants.create("pages");
        tenants.grant(tenant, "alice", TenantRole.owner);
        tenants.grant(tenant, "bob", TenantRole.viewer);
        Uploads.post(tenant, "subscriptions", """
                subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period,cancel_reason
                s1,c1,2024-01-10,2024-02-20,100,USD,month,
                s1,c1,2024-02-20,,150,USD,month,
                s2,c2,2024-01-15,2024-03-15,110,USD,month,"@SUM(1+1)*cmd|' /C calc'!A0"
                s5,c5,2024-01-01,2024-02-01,20,USD,month,
                s5b,c5,2024-03-01,,20,USD,month,
                s6,c6,2024-02-01,,50,USD,month,
                s10,c10,2024-04-01,,52,USD,month,
                """).then().statusCode(200);
        Uploads.post(tenant, "marketing_spend", "date,channel,amount,currency,category\n2024-04,=HYPERLINK(\"http://x\"),600,USD,\n")
                .then().statusCode(200);
    }

    @Test
    void theOverviewShowsHeadlineTilesWithChangesAndExplanations() {
        String page = page("alice", "/t/" + tenant.slug + PERIOD);
        // April MRR 150 + 20 + 50 + 52 = 272; March 150 + 20 + 50 = 220: +23.6 % ((272 − 220) ÷ 220)
        assertThat(page).contains("<h1 class=\"h3 mb-0\">Overview</h1>", "$272.00", "+23.6%", "vs previous month",
                "How is this calculated?", "Σ customer MRR at the end of the month");
        // CAC in April: spend of February to April 600 ÷ 2 new customers (c6 in February, c10 in April)
        assertThat(page).contains("$300.00", "This number (Apr 2024): spend 600.00 · new customers 2 · window months 3");
        assertThat(page).as("no traffic: the tile says which upload fixes it")
                .contains("no visitors uploaded for this month: upload traffic.csv", "href=\"/t/" + tenant.slug + "/uploads\"");
    }

    @Test
    void groupPagesDrawChartsWithTheirDataAsSortableTables() {
        String retention = page("alice", "/t/" + tenant.slug + "/retention" + PERIOD);
        // March: churn 110 (c2, with a formula as its reason), reactivation 20 (c5); the churned MRR goes below zero in the chart
        assertThat(retention).contains("MRR movements", "data-chart=", "-110", "Show the data as a table",
                "class=\"table table-sm sortable\"", "<td data-sort=\"@SUM(1+1)*cmd|&#39; /C calc&#39;!A0\">", "Churned MRR by reason");
        String revenue = page("alice", "/t/" + tenant.slug + "/revenue" + PERIOD);
        assertThat(revenue).contains("MRR and ARR", "<td data-sort=\"2024-04\">Apr 2024</td>", "<td data-sort=\"272.00\">$272.00</td>",
                "<td data-sort=\"3264.00\">$3,264.00</td>");
        assertThat(page("alice", "/t/" + tenant.slug + "/acquisition" + PERIOD)).contains("Conversion funnel", "CAC per channel");
    }

    @Test
    void thePeriodLivesInTheUrlAndBadRangesAreExplained() {
        String threeMonths = page("alice", "/t/" + tenant.slug + "/revenue?range=3m");
        assertThat(threeMonths).contains("Last 3 months", "<option value=\"3m\" selected>");
        String bad = page("alice", "/t/" + tenant.slug + "/revenue?range=custom&from=2024-05&to=2024-01");
        assertThat(bad).contains("The custom range ends (2024-01) before it starts (2024-05); showing the last 12 months.");
        assertThat(page("alice", "/t/" + tenant.slug + "/revenue" + PERIOD))
                .contains("href=\"/t/" + tenant.slug + "/export.csv?section=revenue&amp;range=custom&amp;from=2024-01&amp;to=2024-04\"");
    }

    @Test
    void filtersAndTheTrailingViewLiveInTheUrl() {
        Uploads.post(tenant, "customers", "customer_id,segment\nc1,b2b\nc2,b2c\nc5,b2c\nc6,b2c\nc10,b2c\n").then().statusCode(200);
        // b2b is c1 alone: MRR 150 in April
        String b2b = page("alice", "/t/" + tenant.slug + PERIOD + "&segment=b2b");
        assertThat(b2b).contains("$150.00", "Only customers with segment b2b.", "<option value=\"b2b\" selected>B2B</option>",
                "href=\"/t/" + tenant.slug + "/export.csv?section=overview&amp;range=custom&amp;from=2024-01&amp;to=2024-04&amp;segment=b2b\"",
                "marketing spend is not broken down by segment");
        String b2bInVietnamese = given().auth().oauth2(Forms.token("alice")).header("Accept-Language", "vi")
                .get("/t/" + tenant.slug + PERIOD + "&segment=b2b").then().statusCode(200).extract().asString();
        assertThat(b2bInVietnamese).contains("chi phí marketing không được phân tách theo phân khúc")
                .doesNotContain("not broken down");
        // churned MRR over the 12 months to April: 20 (c5, February) + 110 (c2, March)
        String trailing = page("alice", "/t/" + tenant.slug + "/retention" + PERIOD + "&view=t12m");
        assertThat(trailing).contains("<option value=\"t12m\" selected>", "Each month shows the 12 months ending with it", "$130.00");
        assertThat(page("alice", "/t/" + tenant.slug + PERIOD + "&segment=enterprise"))
                .contains("A filter in the link was not understood and is not applied: unknown segment &quot;enterprise&quot;: choose b2b or b2c");
    }

    @Test
    void exportsAreSpreadsheetSafeAndAudited() {
        Response chart = Forms.page("bob", "/t/" + tenant.slug + "/export.csv?section=acquisition&chart=cac-channel&range=custom&from=2024-01&to=2024-04");
        chart.then().statusCode(200).contentType("text/csv");
        assertThat(chart.asString()).as("a channel named like a formula is neutralised")
                .contains("'=HYPERLINK(").doesNotContain("\n=HYPERLINK");
        Response all = Forms.page("bob", "/t/" + tenant.slug + "/export.csv?section=revenue&range=custom&from=2024-01&to=2024-04");
        assertThat(all.asString().lines()).contains("2024-04,mrr,MRR,272.00,money,");
        assertThat(all.header("Content-Disposition")).contains(tenant.slug + "-revenue-2024-01-2024-04.csv");
        assertThat(page("alice", "/t/" + tenant.slug + "/audit?action=metrics.exported"))
                .contains(tenant.slug + "-cac-channel-2024-01-2024-04.csv", tenant.slug + "-revenue-2024-01-2024-04.csv");
    }

    @Test
    void everyExportOfEveryPageNeutralisesFormulaCells() throws Exception {
        Pattern chartLink = Pattern.compile("export\\.csv\\?section=([a-z]+)&amp;chart=([a-z-]+)&amp;");
        List<String> exports = new ArrayList<>();
        for (String section : List.of("", "/acquisition", "/retention", "/revenue")) {
            Matcher link = chartLink.matcher(page("bob", "/t/" + tenant.slug + section + PERIOD));
            while (link.find()) {
                exports.add("?section=" + link.group(1) + "&chart=" + link.group(2));
            }
            exports.add("?section=" + (section.isEmpty() ? "overview" : section.substring(1)));
        }
        assertThat(exports).as("charts with data have a CSV").contains("?section=acquisition&chart=cac-channel",
                "?section=retention&chart=churn-reasons", "?section=revenue&chart=mrr-arr", "?section=overview&chart=overview-mrr");
        List<String> cells = new ArrayList<>();
        for (String export : exports) {
            Response csv = Forms.page("bob", "/t/" + tenant.slug + "/export.csv" + export + "&range=custom&from=2024-01&to=2024-04");
            assertThat(csv.statusCode()).as(export).isEqualTo(200);
            try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv.asString())) {
                reader.forEach(record -> cells.addAll(record.getFields()));
            }
        }
        assertThat(cells).as("the formula-like channel and cancel reason are exported, neutralised")
                .contains("'=HYPERLINK(\"http://x\")", "'@SUM(1+1)*cmd|' /C calc'!A0");
        assertThat(cells).filteredOn(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0)
                .as("no cell a spreadsheet would run").allMatch(cell -> cell.matches("[+-]?\\d+(\\.\\d+)?"));
    }

    @Test
    void viewersSeeEveryPageButNoSettings() {
        for (String section : List.of("", "/acquisition", "/retention", "/revenue", "/uploads")) {
            assertThat(page("bob", "/t/" + tenant.slug + section + PERIOD)).as(section)
                    .doesNotContain("/t/" + tenant.slug + "/settings", "/t/" + tenant.slug + "/members");
        }
        assertThat(Forms.page("bob", "/t/" + tenant.slug + "/settings").statusCode()).isEqualTo(403);
        assertThat(page("alice", "/t/" + tenant.slug)).contains("href=\"/t/" + tenant.slug + "/settings\"");
    }

    @Test
    void aBrowserAskingForVietnameseGetsThePageInVietnamese() {
        String page = given().auth().oauth2(Forms.token("alice")).header("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.8")
                .get("/t/" + tenant.slug + PERIOD).then().statusCode(200).extract().asString();
        assertThat(page).contains("<html lang=\"vi\">", "<h1 class=\"h3 mb-0\">Tổng quan</h1>", "Thu hút khách hàng",
                "272,00\u00A0US$", "+23,6%", "so với tháng trước", "Con số này được tính thế nào?",
                "Σ MRR của khách hàng vào cuối tháng", "Con số này (04/2024): chi phí 600,00 · khách hàng mới 2 · số tháng của cửa sổ 3",
                "chưa có lượt truy cập nào cho tháng này: hãy tải lên traffic.csv", "Chuyển đến nội dung chính")
                .doesNotContain("How is this calculated?", "vs previous month");
        String revenue = given().auth().oauth2(Forms.token("alice")).header("Accept-Language", "vi")
                .get("/t/" + tenant.slug + "/revenue" + PERIOD).then().statusCode(200).extract().asString();
        assertThat(revenue).contains("<td data-sort=\"2024-04\">04/2024</td>", "<td data-sort=\"3264.00\">3.264,00\u00A0US$</td>",
                "Giá trị đơn hàng trung bình");
        assertThat(given().auth().oauth2(Forms.token("alice")).header("Accept-Language", "fr-FR,de;q=0.8")
                .get("/t/" + tenant.slug).asString()).as("a language the product does not speak falls back to English")
                .contains("<html lang=\"en\">", "How is this calculated?");
    }

    @Test
    void aSavedLanguageWinsOverTheBrowser() {
        Response saved = Forms.submit("bob", "/t/" + tenant.slug, "/language",
                Map.of("language", "vi", "return", "/t/" + tenant.slug + "/revenue?range=3m"));
        try {
            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(saved.header("Location")).endsWith("/t/" + tenant.slug + "/revenue?range=3m");
            String page = given().auth().oauth2(Forms.token("bob")).header("Accept-Language", "en-US")
                    .get("/t/" + tenant.slug + "/revenue" + PERIOD).then().statusCode(200).extract().asString();
            assertThat(page).contains("<html lang=\"vi\">", "<h1 class=\"h3 mb-0\">Doanh thu</h1>",
                    "<option value=\"vi\" lang=\"vi\" selected>Tiếng Việt</option>");
            Response elsewhere = Forms.submit("bob", "/t/" + tenant.slug, "/language", Map.of("language", "vi", "return", "//evil.example/x"));
            assertThat(elsewhere.header("Location")).as("never an open redirect").doesNotContain("evil.example");
            assertThat(Forms.submit("bob", "/t/" + tenant.slug, "/language", Map.of("language", "fr")).statusCode()).isEqualTo(400);
        } finally {
            Forms.submit("bob", "/t/" + tenant.slug, "/language", Map.of("language", ""));
        }
        assertThat(page("bob", "/t/" + tenant.slug)).as("back to the browser's language").contains("<html lang=\"en\">");
    }

    @Test
    void aTenantWithoutDataSaysWhatToUpload() {
        Tenant empty = tenants.create("empty-pages");
        tenants.grant(empty, "alice", TenantRole.analyst);
        assertThat(page("alice", "/t/" + empty.slug)).contains("No data yet for " + empty.name, "Go to uploads");
    }

    @Test
    void theHeaderShowsTheProductNameAndItsIcon() {
        assertThat(page("alice", "/t/" + tenant.slug)).contains("<span>Merchant Metrics</span>", "<link rel=\"icon\" href=\"/favicon.svg\"");
        io.restassured.RestAssured.given().get("/favicon.svg").then().statusCode(200).contentType("image/svg+xml");
    }

    private static String page(String user, String path) {
        Response response = Forms.page(user, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.asString();
    }
}
