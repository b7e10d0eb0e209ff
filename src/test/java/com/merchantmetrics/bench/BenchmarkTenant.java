package com.merchantmetrics.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.demo.DemoDataGenerator;
import com.merchantmetrics.demo.DemoProfile;
import com.merchantmetrics.demo.GeneratorSettings;
import com.merchantmetrics.members.PeopleService;
import com.merchantmetrics.metrics.RollupRefresh;
import com.merchantmetrics.testsupport.TestUsers;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantGate;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.tenant.TenantService;
import com.merchantmetrics.tenant.TenantService.NewTenant;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The benchmark tenant of bench/metrics-benchmark.sh and bench/dashboard-benchmark.sh: the generator's subscription
 * shop at scale (bench.customers customers, ten orders and one subscription per customer, 2,000 leads a month, daily
 * traffic and spend, three years), imported through the uploads API like a user's files, once per database (both
 * benchmark classes and later runs share it). The CSVs stay in target/bench-data for DuckDB and later runs.
 */
@ApplicationScoped
class BenchmarkTenant {

    static final int CUSTOMERS = Integer.getInteger("bench.customers", 100_000);
    /** Fixed, so that reruns generate byte-identical files; the rollup still runs to the current month. */
    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 27);
    static final String REPORTING_CURRENCY = "USD";
    static final List<String> IMPORT_ORDER = List.of("fx_rates", "customers", "orders", "subscriptions",
            "marketing_spend", "traffic", "leads");

    /** The run ids of {@link #runId} as a regular expression. */
    private static final String RUN_ID = "x[0-9]+r[0-9]+";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TenantService tenants;
    private final PeopleService people;
    private final TenantGate gate;
    private final RollupRefresh rollup;

    BenchmarkTenant(TenantService tenants, PeopleService people, TenantGate gate, RollupRefresh rollup) {
        this.tenants = tenants;
        this.people = people;
        this.gate = gate;
        this.rollup = rollup;
    }

    static GeneratorSettings settings() {
        return GeneratorSettings.benchmark(DemoProfile.D2C_SUBSCRIPTION, LAST_DAY).withCustomers(CUSTOMERS)
                .withOrders(CUSTOMERS * 10).withSubscriptions(CUSTOMERS);
    }

    static Path dataDirectory() {
        return Path.of("target", "bench-data", String.valueOf(CUSTOMERS));
    }

    static Path file(String dataset) {
        return dataDirectory().resolve(dataset + ".csv");
    }

    /** The tenant with every file imported; alice owns it, bob views it, marco manages it. */
    Tenant prepare(String baseUrl) {
        String slug = "bench-" + CUSTOMERS;
        Tenant existing = QuarkusTransaction.requiringNew().call(() -> Tenant.findBySlug(slug).orElse(null));
        Tenant tenant = existing != null ? existing : tenants.create(new NewTenant("Benchmark " + CUSTOMERS, slug, REPORTING_CURRENCY, "UTC"));
        people.grant(tenant, TestUsers.email("alice"), TenantRole.owner.name(), AuditLog.Actor.SYSTEM);
        people.grant(tenant, TestUsers.email("bob"), TenantRole.viewer.name(), AuditLog.Actor.SYSTEM);
        people.grant(tenant, TestUsers.email("marco"), TenantRole.account_manager.name(), AuditLog.Actor.SYSTEM);
        generateFiles();
        if (existing != null) {
            if (importedFiles(tenant) < IMPORT_ORDER.size()) {
                throw new IllegalStateException("The import of " + slug + " failed earlier");
            }
            long removed = removeEarlierRunsDays(tenant);
            if (removed > 0) {
                rollup.refresh(tenant, null);
            }
            System.out.printf("setup: tenant %s already imported; %d rows that earlier runs added as one more day removed%n",
                    slug, removed);
            return tenant;
        }
        long started = System.nanoTime();
        String token = TestUsers.accessToken("alice");
        for (String dataset : IMPORT_ORDER) {
            upload(baseUrl, token, tenant, dataset, file(dataset), dataset + ".csv");
        }
        System.out.printf("setup: %s imported through the uploads API in %.0f s%n", slug, (System.nanoTime() - started) / 1e9);
        return tenant;
    }

    /** How many of the files an earlier run imported (the benchmark scripts keep their database in target/bench-postgres). */
    private long importedFiles(Tenant tenant) {
        return QuarkusTransaction.requiringNew().call(() -> gate.inTenant(tenant.schema(), connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT count(DISTINCT dataset) FROM uploads WHERE status = 'imported' AND file_name IN ('"
                            + IMPORT_ORDER.stream().map(dataset -> dataset + ".csv").collect(Collectors.joining("', '")) + "')")) {
                rows.next();
                return rows.getLong(1);
            }
        }));
    }

    /**
     * The rows earlier runs' {@link #nextDay} files added: without removing them, each rerun would measure one more day
     * on top of every earlier run's copies of that day (a month of ever more orders for the same customers).
     */
    private long removeEarlierRunsDays(Tenant tenant) {
        return QuarkusTransaction.requiringNew().call(() -> gate.inTenant(tenant.schema(), connection -> {
            long removed = 0;
            try (Statement statement = connection.createStatement()) {
                for (String delete : List.of("DELETE FROM orders WHERE order_id ~ '^" + RUN_ID + "-'",
                        "DELETE FROM subscriptions WHERE subscription_id ~ '^" + RUN_ID + "-'",
                        "DELETE FROM leads WHERE lead_id ~ '^" + RUN_ID + "-'",
                        "DELETE FROM marketing_spend WHERE channel ~ '-" + RUN_ID + "$'",
                        "DELETE FROM traffic WHERE channel ~ '-" + RUN_ID + "$'")) {
                    removed += statement.executeUpdate(delete);
                }
            }
            return removed;
        }));
    }

    /** The id of a run's (started at runStartMillis) one-more-day file of a round. */
    static String runId(long runStartMillis, int round) {
        return "x" + runStartMillis + "r" + round;
    }

    private static void generateFiles() {
        if (Files.exists(file(IMPORT_ORDER.get(IMPORT_ORDER.size() - 1)))) {
            return;
        }
        long started = System.nanoTime();
        try {
            var files = DemoDataGenerator.generate(settings(), dataDirectory());
            System.out.printf("setup: generated %s in %.0f s%n", files.rowCounts(), (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts one file to the uploads API (merge) and fails unless it was accepted. */
    static void upload(String baseUrl, String token, Tenant tenant, String dataset, Path file, String fileName) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "api/v1/tenants/" + tenant.slug + "/uploads?dataset="
                    + dataset + "&file_name=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(dataset + " upload answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One more day: the rows of the last generated day of a file, moved to the next day under new ids (traffic and
     * spend, which have none: under new channels), unique per run so that a rerun adds rather than re-imports, as a
     * user's daily upload would bring.
     */
    static Path nextDay(String dataset, String runId) {
        String day = LAST_DAY.toString();
        String next = LAST_DAY.plusDays(1).toString();
        boolean hasId = List.of("orders", "subscriptions", "leads").contains(dataset);
        try {
            List<String> lines = Files.readAllLines(file(dataset), StandardCharsets.UTF_8);
            int dateColumn = List.of(lines.get(0).split(",")).indexOf(switch (dataset) {
                case "orders" -> "ordered_at";
                case "subscriptions" -> "starts_at";
                case "leads" -> "created_at";
                default -> "date";
            });
            int channelColumn = List.of(lines.get(0).split(",")).indexOf("channel");
            String rows = lines.stream().skip(1).filter(line -> line.split(",", -1)[dateColumn].startsWith(day))
                    .map(line -> hasId ? runId + "-" + line.replace(day, next) : underRunChannel(line.replace(day, next), channelColumn, runId))
                    .collect(Collectors.joining("\n"));
            Path out = Files.createTempFile("next-day-" + dataset, ".csv");
            Files.writeString(out, lines.get(0) + "\n" + rows + "\n", StandardCharsets.UTF_8);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row keyed by day and channel (traffic, spend) under a channel of this run's, so that a rerun adds it too. */
    private static String underRunChannel(String line, int channelColumn, String runId) {
        String[] fields = line.split(",", -1);
        fields[channelColumn] = fields[channelColumn] + "-" + runId;
        return String.join(",", fields);
    }
}
