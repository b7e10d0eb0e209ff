package com.merchantmetrics.scaleout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.KeycloakServer;
import com.merchantmetrics.testsupport.ServerProcesses;
import com.merchantmetrics.testsupport.TestUsers;

/**
 * One real replica of the application: the packaged {@code target/quarkus-app/quarkus-run.jar} in its own JVM with
 * the prod profile, on ports of its own, configured like a Kubernetes pod (database, Keycloak, the cookie encryption
 * secret every replica shares) plus whatever a test adds (an SMTP server, say).
 */
public final class AppInstance implements AutoCloseable {

    /** Every replica must encrypt session cookies with the same secret, so that a session works on all of them. */
    static final String COOKIE_ENCRYPTION_SECRET = "multi-instance-tests-only-cookie-secret-0123456789";
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int httpPort;
    private final int managementPort;
    private final Path log;
    private final Process process;

    private AppInstance(String name, int httpPort, int managementPort, Path log, Process process) {
        this.name = name;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts the process and returns at once (see {@link #awaitReady}). The instance names itself to PostgreSQL as
     * its {@code application_name}, so a test can tell which instance holds or waits for a lock.
     */
    public static AppInstance launch(String name, String jdbcUrl, Map<String, String> extraConfig) {
        // Small heaps and quick start-up: three replicas, Keycloak and the build share two cores here.
        return launch(name, jdbcUrl, extraConfig, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"));
    }

    public static AppInstance launch(String name, String jdbcUrl, Map<String, String> extraConfig, List<String> jvmOptions) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: integration tests run after `package` (./mvnw verify)");
        }
        int httpPort = ServerProcesses.freePort();
        int managementPort = ServerProcesses.freePort();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", String.valueOf(httpPort));
        config.put("quarkus.management.port", String.valueOf(managementPort));
        config.put("quarkus.datasource.jdbc.url", jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + name);
        config.put("quarkus.datasource.username", TestPostgres.USER);
        config.put("quarkus.datasource.password", TestPostgres.USER);
        config.put("quarkus.oidc.auth-server-url", KeycloakServer.realmUrl());
        config.put("quarkus.oidc.client-id", KeycloakServer.CLIENT_ID);
        config.put("quarkus.oidc.credentials.secret", KeycloakServer.CLIENT_SECRET);
        config.put("quarkus.oidc.token-state-manager.encryption-secret", COOKIE_ENCRYPTION_SECRET);
        // Plain HTTP on localhost: cookies without the Secure flag, and readable logs.
        config.put("%prod.quarkus.oidc.authentication.cookie-force-secure", "false");
        config.put("%prod.quarkus.rest-csrf.cookie-force-secure", "false");
        config.put("%prod.quarkus.log.console.json.enabled", "false");
        // Quarkus 3.30.5/3.30.6 with quarkus-rest-jackson always waits the whole shutdown timeout (quarkusio/quarkus#51915).
        config.put("%prod.quarkus.shutdown.timeout", "5S");
        config.put("merchant-metrics.base-url", "http://localhost:" + httpPort);
        config.put("merchant-metrics.digest.unsubscribe-secret", "integration-test-only-unsubscribe-secret");
        config.putAll(extraConfig);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        try {
            Path log = Files.createDirectories(Path.of("target/app-instances")).resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new AppInstance(name, httpPort, managementPort, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start app instance " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public String url(String path) {
        return "http://localhost:" + httpPort + path;
    }

    /** The HTTP status of /q/health/{check} (live, ready, started) on the management port; 0 while nothing listens. */
    public int health(String check) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/health/" + check))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String healthBody(String check) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/health/" + check))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    public AppInstance awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (health("ready") != 200) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up:\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + logTail());
            }
            ServerProcesses.sleep(Duration.ofMillis(250));
        }
        return this;
    }

    /** A new tenant, created by the platform admin through this instance's admin pages, with the user as owner. */
    public void createTenant(String slug, String owner) {
        Forms.submit("admin", url("/admin/tenants"), url("/admin/tenants"), Map.of(
                "name", "Shop " + slug, "slug", slug, "reportingCurrency", "USD", "timeZone", "UTC"))
                .then().statusCode(303);
        Forms.submit("admin", url("/admin/tenants/" + slug), url("/admin/tenants/" + slug + "/people"),
                Map.of("email", TestUsers.email(owner), "grant", "owner"))
                .then().statusCode(303);
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lines logged at ERROR level (the plain console format puts the level after the time stamp), but for the one
     * Quarkus logs when it waits the whole shutdown timeout at a graceful stop (quarkusio/quarkus#51915, see launch).
     */
    public List<String> errors() {
        return log().lines().filter(line -> line.matches("^\\S+ \\S+ ERROR .*"))
                .filter(line -> !line.contains("Timed out waiting for graceful shutdown")).toList();
    }

    private String logTail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** Peak resident memory (VmHWM of /proc) and CPU time used so far: the figures k8s resources are sized by. */
    public String resourceUsage() {
        try {
            String peak = Files.readString(Path.of("/proc/" + process.pid() + "/status")).lines()
                    .filter(line -> line.startsWith("VmHWM:")).findFirst().orElse("VmHWM: ? kB")
                    .replaceAll("^VmHWM:\\s+", "");
            String cpu = process.info().totalCpuDuration().map(d -> String.format("%.1f s CPU", d.toMillis() / 1000.0)).orElse("? s CPU");
            return name + ": peak RSS " + peak + ", " + cpu;
        } catch (IOException e) {
            return name + ": no /proc figures";
        }
    }

    /** Sends SIGTERM, as Kubernetes does to a pod it stops, and returns at once. */
    public void beginShutdown() {
        process.destroy();
    }

    /** SIGTERM, as Kubernetes stops a pod: the instance shuts down gracefully. */
    @Override
    public void close() {
        ServerProcesses.stop(process, Duration.ofSeconds(60));
    }
}
