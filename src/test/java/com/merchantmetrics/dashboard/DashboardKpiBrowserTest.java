package com.merchantmetrics.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.assertj.core.api.SoftAssertions;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.merchantmetrics.demo.DemoDataGenerator;
import com.merchantmetrics.demo.DemoProfile;
import com.merchantmetrics.demo.GeneratedFiles;
import com.merchantmetrics.demo.GeneratorSettings;
import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.metrics.MetricCatalogue;
import com.merchantmetrics.metrics.MetricDefinition;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.tenant.TenantService;
import com.merchantmetrics.testsupport.Browsers;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * A merchant signed in through Keycloak's login page reads every tile of the overview and the three group pages,
 * for every period filter and for filters chosen in the page's form (segment, channel, country, plan, the
 * trailing-12-months view), and each value and change equals what the JSON metrics API gives for the same months
 * and filters.
 */
@QuarkusTest
class DashboardKpiBrowserTest {

    private static final List<String> IMPORT_ORDER = List.of("fx_rates", "customers", "orders", "subscriptions",
            "marketing_spend", "traffic", "leads");
    private static final List<String> PAGES = List.of("", "/acquisition", "/retention", "/revenue");

    @Inject
    TestTenants tenants;

    @Inject
    TenantService tenantService;

    @TestHTTPResource("/")
    URL home;

    @ParameterizedTest
    @EnumSource(DemoProfile.class)
    void everyTileOfEveryPageAndPeriodEqualsTheMetricsApi(DemoProfile profile, @TempDir Path directory) throws Exception {
        Tenant tenant = demoTenant(profile, directory);
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        List<String> filters = List.of("range=3m", "range=6m", "range=12m", "range=ytd",
                "range=custom&from=" + now.minusMonths(8) + "&to=" + now.minusMonths(2));
        SoftAssertions softly = new SoftAssertions();
        int tilesWithValues = 0;
        try (WebClient browser = Browsers.browser()) {
            HtmlPage signedIn = Browsers.signIn(browser.getPage(home), "alice");
            assertThat(signedIn.asNormalizedText()).contains(tenant.name);
            for (String filter : filters) {
                for (String section : PAGES) {
                    HtmlPage page = browser.getPage(new URL(home, "/t/" + tenant.slug + section + "?" + filter));
                    assertThat(page.getWebResponse().getStatusCode()).as(section + "?" + filter).isEqualTo(200);
                    YearMonth from = YearMonth.parse(((HtmlInput) page.getElementById("from")).getValue());
                    YearMonth to = YearMonth.parse(((HtmlInput) page.getElementById("to")).getValue());
                    if (filter.startsWith("range=custom")) {
                        assertThat(from).isEqualTo(now.minusMonths(8));
                        assertThat(to).isEqualTo(now.minusMonths(2));
                    } else {
                        assertThat(to).as("presets end with the current month").isEqualTo(now);
                    }
                    JsonPath api = metrics(tenant, to.minusMonths(12), to, Map.of());
                    List<DomElement> tiles = page.getByXPath("//article[contains(@class,'tile')]");
                    assertThat(tiles).as(section + "?" + filter + " has tiles").isNotEmpty();
                    for (DomElement tile : tiles) {
                        tilesWithValues += compare(softly, tenant, section + "?" + filter, tile, api, to);
                    }
                }
            }
            for (String section : PAGES) {
                tilesWithValues += filteredThroughTheForm(softly, browser, tenant, section, Map.of("segment", "b2b", "channel", FIRST));
                tilesWithValues += filteredThroughTheForm(softly, browser, tenant, section,
                        Map.of("view", "t12m", "segment", "b2c", "country", FIRST, "plan", FIRST));
            }
        }
        softly.assertAll();
        assertThat(tilesWithValues).as("most tiles have a number to compare").isGreaterThan(100);
    }

    private static final String FIRST = "the first value the select offers";

    /**
     * Chooses filters in the page's form and submits it as a plain GET (no JavaScript): the URL carries them and every
     * tile equals the metrics API for the same filters. Returns the number of tiles with a value.
     */
    private int filteredThroughTheForm(SoftAssertions softly, WebClient browser, Tenant tenant, String section,
            Map<String, String> choices) throws Exception {
        HtmlPage page = browser.getPage(new URL(home, "/t/" + tenant.slug + section + "?range=12m"));
        Map<String, String> chosen = new TreeMap<>();
        choices.forEach((name, value) -> {
            HtmlSelect select = (HtmlSelect) page.getElementById(name);
            String option = FIRST.equals(value) ? select.getOptions().stream().map(HtmlOption::getValueAttribute)
                    .filter(v -> !v.isEmpty()).findFirst().orElse("") : value;
            select.setSelectedAttribute(option, true);
            if (!option.isEmpty()) {
                chosen.put(name, option);
            }
        });
        HtmlPage filtered = ((HtmlElement) page.getFirstByXPath("//form[contains(@class,'period-filter')]//button[@type='submit']")).click();
        String where = section + "?" + filtered.getUrl().getQuery();
        assertThat(filtered.getWebResponse().getStatusCode()).as(where).isEqualTo(200);
        chosen.forEach((name, value) -> assertThat(filtered.getUrl().getQuery()).as("the URL keeps the filters")
                .contains(name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        YearMonth to = YearMonth.parse(((HtmlInput) filtered.getElementById("to")).getValue());
        JsonPath api = metrics(tenant, to.minusMonths(12), to, chosen);
        assertThat(api.getMap("filters")).as(where).hasSize(chosen.size() - (chosen.containsKey("view") ? 1 : 0));
        int withValues = 0;
        for (DomElement tile : filtered.<DomElement>getByXPath("//article[contains(@class,'tile')]")) {
            withValues += compare(softly, tenant, where, tile, api, to);
        }
        return withValues;
    }

    /** 1 when the tile shows a value (compared), 0 when it says why there is none (compared with the API's reason). */
    private static int compare(SoftAssertions softly, Tenant tenant, String where, DomElement tile, JsonPath api, YearMonth to) {
        String id = tile.getAttribute("aria-labelledby").substring("tile-".length());
        MetricDefinition definition = MetricCatalogue.byId(id).orElseThrow();
        Formats formats = new Formats(Locale.ENGLISH, tenant.reportingCurrency, "pts", "MMM yyyy");
        BigDecimal now = value(api, 12, id);
        HtmlElement shown = tile.getFirstByXPath(".//p[contains(@class,'tile-value')]");
        String label = where + " " + id + " " + to;
        if (now == null) {
            softly.assertThat(shown).as(label + " has no value, as in the API").isNull();
            String reason = api.getString("months[12].metrics." + id + ".reason");
            softly.assertThat(tile.asNormalizedText()).as(label + " says why").contains(reason == null ? "no data for this month" : reason);
            return 0;
        }
        softly.assertThat(shown).as(label + " shows a value").isNotNull();
        if (shown != null) {
            softly.assertThat(shown.asNormalizedText()).as(label).isEqualTo(formats.value(now, definition.unit()));
        }
        String change = formats.change(value(api, 11, id), now, definition.unit());
        HtmlElement changeShown = tile.getFirstByXPath(".//span[contains(@class,'change')]");
        if (change == null) {
            softly.assertThat(tile.asNormalizedText()).as(label + " no change against the previous month").doesNotContain("vs previous month");
        } else {
            softly.assertThat(changeShown).as(label + " change").isNotNull();
            if (changeShown != null) {
                softly.assertThat(changeShown.asNormalizedText()).as(label + " change vs previous month").isEqualTo(change);
            }
        }
        return 1;
    }

    private static BigDecimal value(JsonPath api, int month, String id) {
        Object value = api.get("months[" + month + "].metrics." + id + ".value");
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static JsonPath metrics(Tenant tenant, YearMonth from, YearMonth to, Map<String, String> filters) {
        String body = given().auth().oauth2(Forms.token("alice")).queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParams(filters).get("/api/v1/tenants/" + tenant.slug + "/metrics").then().statusCode(200).extract().asString();
        JsonPath json = new JsonPath(body).using(new JsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertThat(json.getString("months[12].month")).isEqualTo(to.toString());
        return json;
    }

    /** The demo data of dev mode, ending today, so that every preset period has numbers. */
    private Tenant demoTenant(DemoProfile profile, Path directory) throws Exception {
        GeneratedFiles files = DemoDataGenerator.generate(GeneratorSettings.demo(profile, LocalDate.now(ZoneOffset.UTC)), directory);
        String slug = "kpi-" + profile.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + ProcessHandle.current().pid() % 10000;
        Tenant tenant = tenantService.create(new TenantService.NewTenant(profile.companyName() + " KPI", slug, profile.reportingCurrency(), "UTC"));
        tenants.grant(tenant, "alice", TenantRole.owner);
        for (String dataset : IMPORT_ORDER) {
            Uploads.post("alice", tenant, dataset, null, false, Files.readAllBytes(files.byDataset().get(dataset)), dataset + ".csv")
                    .then().statusCode(200);
        }
        return tenant;
    }
}
