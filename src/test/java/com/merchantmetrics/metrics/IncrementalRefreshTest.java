package com.merchantmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.merchantmetrics.demo.DemoDataGenerator;
import com.merchantmetrics.demo.DemoProfile;
import com.merchantmetrics.demo.GeneratedFiles;
import com.merchantmetrics.demo.GeneratorSettings;
import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Property: after each import of a sequence, the rollup the imports refreshed incrementally (rollup_metrics and
 * rollup_cohorts, and the per-customer tables the filters read: MRR per plan and customer dimensions, from the first
 * month each import touched) equals a full rebuild exactly. Generated demo data (small), split at a random day: the
 * part before it first, then follow-up imports in random order of the later orders, subscription rows, traffic, spend
 * and leads, price changes of random earlier subscription rows, FX rates corrected from 120 days before the cut-off
 * on, orders moved to other customers, traffic replaced whole, and the customers. Each import recomputes only the
 * rollups and metric queries that read its dataset.
 */
@QuarkusTest
class IncrementalRefreshTest {

    @Inject
    TestTenants tenants;

    @Inject
    RollupRefresh rollupRefresh;

    @ParameterizedTest
    @ValueSource(longs = {7, 2024})
    void incrementalRefreshEqualsFullRebuild(long seed, @TempDir Path directory) throws IOException {
        Random random = new Random(seed);
        GeneratorSettings settings = GeneratorSettings.demo(DemoProfile.D2C_SUBSCRIPTION, java.time.LocalDate.of(2026, 10, 31))
                .withSeed(seed).withCustomers(120).withSubscriptions(90);
        GeneratedFiles files = DemoDataGenerator.generate(settings, directory);
        Tenant tenant = tenants.create("incremental");
        tenants.grant(tenant, "alice", TenantRole.owner);
        String cutoff = settings.firstDay().plusDays(200 + random.nextInt(400)).toString();
        // Before the cut-off, so the corrected rates change amounts already imported whatever the order of follow-ups.
        String ratesCorrectedFrom = java.time.LocalDate.parse(cutoff).minusDays(120).toString();

        Table orders = Table.read(files.byDataset().get("orders"));
        Table subscriptions = Table.read(files.byDataset().get("subscriptions"));
        Table fxRates = Table.read(files.byDataset().get("fx_rates"));
        upload(tenant, "fx_rates", fxRates.csv(row -> true));
        Table customers = Table.read(files.byDataset().get("customers"));
        upload(tenant, "orders", orders.csv(row -> orders.get(row, "ordered_at").compareTo(cutoff) < 0));
        upload(tenant, "subscriptions", subscriptions.csv(row -> subscriptions.get(row, "starts_at").compareTo(cutoff) < 0));
        List<FollowUp> followUps = new ArrayList<>();
        // Files no per-customer rollup reads: their follow-ups refresh the metrics alone.
        for (List<String> dated : List.of(List.of("traffic", "date"), List.of("marketing_spend", "date"), List.of("leads", "created_at"))) {
            String dataset = dated.get(0);
            String dateColumn = dated.get(1);
            Table table = Table.read(files.byDataset().get(dataset));
            upload(tenant, dataset, table.csv(row -> table.get(row, dateColumn).compareTo(cutoff) < 0));
            followUps.add(new FollowUp("later " + dataset, () -> upload(tenant, dataset,
                    table.csv(row -> table.get(row, dateColumn).compareTo(cutoff) >= 0))));
        }
        // A replaced dataset recomputes everything, also the rollups that do not read it.
        Table traffic = Table.read(files.byDataset().get("traffic"));
        followUps.add(new FollowUp("traffic replaced", () -> Uploads.post("alice", tenant, "traffic", "replace", false,
                traffic.csv(row -> true).getBytes(java.nio.charset.StandardCharsets.UTF_8), "traffic.csv").then().statusCode(200)));

        followUps.addAll(List.of(
                new FollowUp("later orders", () -> upload(tenant, "orders",
                        orders.csv(row -> orders.get(row, "ordered_at").compareTo(cutoff) >= 0))),
                new FollowUp("later subscriptions", () -> upload(tenant, "subscriptions",
                        subscriptions.csv(row -> subscriptions.get(row, "starts_at").compareTo(cutoff) >= 0))),
                new FollowUp("price changes", () -> upload(tenant, "subscriptions",
                        subscriptions.withRaised("amount", subscriptions.randomRows(random, 5)::contains))),
                new FollowUp("corrected FX rates", () -> upload(tenant, "fx_rates",
                        fxRates.withRaised("rate", row -> fxRates.get(row, "date").compareTo(ratesCorrectedFrom) >= 0))),
                new FollowUp("orders moved to other customers", () -> upload(tenant, "orders", orders.withOtherCustomers(random, 5))),
                new FollowUp("customers", () -> upload(tenant, "customers", customers.csv(row -> true)))));
        java.util.Collections.shuffle(followUps, random);

        // After each import on its own, so a later import of another dataset cannot mend what this one left stale.
        for (FollowUp followUp : followUps) {
            followUp.upload().run();
            List<String> incremental = snapshot(tenant);
            rollupRefresh.refresh(tenant, null);
            List<String> rebuilt = snapshot(tenant);
            assertThat(incremental).as("seed %d, cutoff %s, after %s", seed, cutoff, followUp.name()).hasSizeGreaterThan(100)
                    .containsExactlyElementsOf(rebuilt);
        }
    }

    private record FollowUp(String name, Runnable upload) {
    }

    private List<String> snapshot(Tenant tenant) {
        String metrics = tenants.value(tenant, """
                SELECT string_agg(ROW(month, metric, dimension, key, trim_scale(value), reason, inputs)::text, E'\\n'
                                  ORDER BY month, metric, dimension, key) FROM rollup_metrics""");
        String cohorts = tenants.value(tenant, """
                SELECT string_agg(ROW(cohort, month, customers, subscribers, buyers, trim_scale(mrr), trim_scale(revenue),
                                      trim_scale(cumulative_revenue))::text, E'\\n' ORDER BY cohort, month)
                FROM rollup_cohorts""");
        String planMrr = tenants.value(tenant, """
                SELECT string_agg(ROW(month, customer_id, plan, trim_scale(mrr))::text, E'\\n' ORDER BY month, customer_id, plan)
                FROM rollup_customer_plan_mrr""");
        String dimensions = tenants.value(tenant, """
                SELECT string_agg(ROW(customer_id, segment, channel, country)::text, E'\\n' ORDER BY customer_id)
                FROM rollup_customer_dimensions""");
        List<String> lines = new ArrayList<>(List.of(metrics.split("\n")));
        lines.addAll(List.of(cohorts.split("\n")));
        lines.addAll(List.of(planMrr.split("\n")));
        lines.addAll(List.of(dimensions.split("\n")));
        return lines;
    }

    private static void upload(Tenant tenant, String dataset, String csv) {
        Uploads.post(tenant, dataset, csv).then().statusCode(200);
    }

    /** A generated CSV file in memory. */
    private record Table(List<String> header, List<List<String>> rows) {

        static Table read(Path file) throws IOException {
            try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
                List<List<String>> all = reader.stream().map(CsvRecord::getFields).toList();
                return new Table(all.get(0), all.subList(1, all.size()));
            }
        }

        String get(List<String> row, String column) {
            return row.get(header.indexOf(column));
        }

        String csv(Predicate<List<String>> keep) {
            return write(rows.stream().filter(keep).toList());
        }

        /** The rows that match with the column raised by 10 % (price changes of existing periods, corrected rates). */
        String withRaised(String column, Predicate<List<String>> which) {
            int raised = header.indexOf(column);
            List<List<String>> changed = new ArrayList<>();
            for (List<String> original : rows.stream().filter(which).toList()) {
                List<String> row = new ArrayList<>(original);
                BigDecimal value = new BigDecimal(row.get(raised));
                row.set(raised, value.multiply(new BigDecimal("1.1"))
                        .setScale(Math.max(2, value.scale()), java.math.RoundingMode.HALF_EVEN).toPlainString());
                changed.add(row);
            }
            return write(changed);
        }

        /** count rows picked at random (fewer when the same one is picked twice). */
        List<List<String>> randomRows(Random random, int count) {
            return random.ints(count, 0, rows.size()).mapToObj(rows::get).distinct().toList();
        }

        /** count random rows given the customer of another random row: orders corrected to another customer. */
        String withOtherCustomers(Random random, int count) {
            List<List<String>> changed = new ArrayList<>();
            int customer = header.indexOf("customer_id");
            for (int i = 0; i < count; i++) {
                List<String> row = new ArrayList<>(rows.get(random.nextInt(rows.size())));
                row.set(customer, rows.get(random.nextInt(rows.size())).get(customer));
                changed.add(row);
            }
            return write(changed.stream().distinct().toList());
        }

        private String write(List<List<String>> selected) {
            StringWriter out = new StringWriter();
            try (CsvWriter writer = CsvWriter.builder().build(out)) {
                writer.writeRecord(header);
                selected.forEach(writer::writeRecord);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toString();
        }
    }
}
