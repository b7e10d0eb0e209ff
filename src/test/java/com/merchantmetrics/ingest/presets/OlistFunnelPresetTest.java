package com.merchantmetrics.ingest.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.testsupport.MetricsApi;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The Olist marketing funnel: the qualified-leads file and the closed-deals file both become leads, in either order,
 * and the metrics API's lead conversion per channel equals what this test computes from the raw files.
 */
@QuarkusTest
class OlistFunnelPresetTest {

    private static final Path FOLDER = Path.of("../shared/datasets/olist-marketing-funnel");
    private static final Path LEADS = FOLDER.resolve("olist_marketing_qualified_leads_dataset.csv");
    private static final Path DEALS = FOLDER.resolve("olist_closed_deals_dataset.csv");

    @Inject
    TestTenants tenants;

    @Test
    void bothFilesMergeIntoTheSameLeadsInEitherOrder() throws IOException {
        Tenant dealsFirst = tenantOfAlice();
        upload(dealsFirst, DEALS, "olist-closed-deals", 842);
        assertThat(tenants.count(dealsFirst, "leads WHERE created_at IS NULL")).isEqualTo(842);
        upload(dealsFirst, LEADS, "olist-qualified-leads", 8000 - 842);

        Tenant leadsFirst = tenantOfAlice();
        upload(leadsFirst, LEADS, "olist-qualified-leads", 8000);
        upload(leadsFirst, DEALS, "olist-closed-deals", 0);

        String leads = "SELECT md5(string_agg(concat_ws('|', lead_id, created_at, channel, converted_at, customer_id), ',' ORDER BY lead_id)) FROM leads";
        assertThat(tenants.value(dealsFirst, leads)).isEqualTo(tenants.value(leadsFirst, leads));
        assertThat(tenants.count(leadsFirst, "leads")).isEqualTo(8000);
        assertThat(tenants.count(leadsFirst, "leads WHERE converted_at IS NOT NULL AND customer_id IS NOT NULL AND created_at IS NOT NULL"))
                .isEqualTo(842);
        assertThat(tenants.count(leadsFirst, "leads WHERE channel IS NULL")).as("blank origin stays blank, not 'unknown'").isEqualTo(60);
        assertThat(tenants.count(leadsFirst, "customers")).as("each closed deal's seller is a customer").isEqualTo(842);
    }

    @Test
    void leadConversionPerChannelMatchesTheRawFiles() throws IOException {
        Set<String> won = new HashSet<>();
        for (CsvRecord deal : rows(DEALS)) {
            won.add(deal.getField(0));
        }
        // month → channel ("not set" for a blank origin) → {leads, converted}
        Map<String, Map<String, long[]>> expected = new TreeMap<>();
        for (CsvRecord lead : rows(LEADS)) {
            String month = lead.getField(1).substring(0, 7);
            String channel = lead.getField(3).isBlank() ? "not set" : lead.getField(3);
            long[] counts = expected.computeIfAbsent(month, m -> new TreeMap<>()).computeIfAbsent(channel, c -> new long[2]);
            counts[0]++;
            counts[1] += won.contains(lead.getField(0)) ? 1 : 0;
        }
        Tenant tenant = tenantOfAlice();
        upload(tenant, LEADS, "olist-qualified-leads", 8000);
        upload(tenant, DEALS, "olist-closed-deals", 0);

        JsonPath metrics = MetricsApi.months(tenant, "2017-06", "2018-05", "acquisition");
        List<String> months = metrics.getList("months.month");
        assertThat(months).containsExactlyElementsOf(expected.keySet());
        int checked = 0;
        for (int i = 0; i < months.size(); i++) {
            Map<String, long[]> channels = expected.get(months.get(i));
            Map<String, Map<String, Object>> served = metrics.getMap("months[" + i + "].metrics.lead_conversion_rate.breakdowns.channel");
            assertThat(served.keySet()).as(months.get(i)).containsExactlyInAnyOrderElementsOf(channels.keySet());
            for (Map.Entry<String, long[]> channel : channels.entrySet()) {
                Map<String, Object> value = served.get(channel.getKey());
                String what = months.get(i) + " " + channel.getKey();
                Map<String, Number> inputs = (Map<String, Number>) value.get("inputs");
                assertThat(inputs.get("leads").longValue()).as(what + " leads").isEqualTo(channel.getValue()[0]);
                assertThat(inputs.get("converted").longValue()).as(what + " converted").isEqualTo(channel.getValue()[1]);
                assertThat(((Number) value.get("value")).doubleValue()).as(what + " rate")
                        .isCloseTo((double) channel.getValue()[1] / channel.getValue()[0], within(1e-6));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    private Tenant tenantOfAlice() {
        Tenant tenant = tenants.create("olist");
        tenants.grant(tenant, "alice", TenantRole.owner);
        return tenant;
    }

    private static void upload(Tenant tenant, Path file, String preset, int inserted) throws IOException {
        Uploads.post("alice", tenant, null, null, false, Files.readAllBytes(file), file.getFileName().toString())
                .then().statusCode(200).body("status", equalTo("imported")).body("dataset", equalTo("leads"))
                .body("readAs", equalTo(preset)).body("rows.inserted", equalTo(inserted));
    }

    private static List<CsvRecord> rows(Path file) throws IOException {
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
            return csv.stream().skip(1).toList();
        }
    }
}
