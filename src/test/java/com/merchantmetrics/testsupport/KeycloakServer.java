package com.merchantmetrics.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real Keycloak for the test suite, started once per JVM from the keycloak-quarkus-dist zip that the build
 * unpacks into target/keycloak, with the realm of src/test/resources/keycloak imported.
 */
public final class KeycloakServer {

    public static final String REALM = "merchant-metrics";
    public static final String CLIENT_ID = "merchant-metrics";
    public static final String CLIENT_SECRET = "dev-and-test-only";
    private static final String REALM_FILE = "keycloak/merchant-metrics-realm.json";

    /** JVM-wide: Quarkus reloads test classes for each test profile, and one Keycloak must serve them all. */
    private static final String RUNNING_URL = "merchant-metrics.test.keycloak-url";

    private KeycloakServer() {
    }

    public static String baseUrl() {
        synchronized (System.class) {
            String running = System.getProperty(RUNNING_URL);
            if (running == null) {
                running = start();
                System.setProperty(RUNNING_URL, running);
            }
            return running;
        }
    }

    public static String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    private static String start() {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.7.3")).toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home + ": run the tests through Maven ("
                    + "./mvnw verify), which unpacks org.keycloak:keycloak-quarkus-dist into target/keycloak");
        }
        Path javaHome = findJava21OrNewer();
        int port = ServerProcesses.freePort();
        try {
            Path importDirectory = Files.createDirectories(home.resolve("data/import"));
            try (var realm = KeycloakServer.class.getClassLoader().getResourceAsStream(REALM_FILE)) {
                Files.copy(realm, importDirectory.resolve("merchant-metrics-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            Path log = home.resolve("keycloak-test.log");
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--import-realm", "--cache=local", "--db=dev-mem")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", javaHome.toString());
            builder.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx768m");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ServerProcesses.stop(process, Duration.ofSeconds(20)), "keycloak-stop"));
            String url = "http://localhost:" + port;
            awaitRealm(url, process, log);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
    }

    private static void awaitRealm(String url, Process process, Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(url + "/realms/" + REALM + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited during start-up; see " + log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(discovery).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            ServerProcesses.sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak did not serve the realm within 10 minutes; see " + log);
    }

    /** Keycloak 26 needs Java 21+; the build may run on Java 17. KEYCLOAK_JAVA_HOME wins, then JAVA_HOME, then /usr/lib/jvm. */
    static Path findJava21OrNewer() {
        Stream<Path> candidates = Stream.concat(
                Stream.of(System.getenv("KEYCLOAK_JAVA_HOME"), System.getenv("JAVA_HOME"), System.getProperty("java.home"))
                        .filter(value -> value != null && !value.isBlank())
                        .map(Path::of),
                installedJdks());
        return candidates.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> featureVersion(home).orElse(0) >= 21)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Keycloak needs a Java 21 or newer runtime and none was found: "
                        + "set KEYCLOAK_JAVA_HOME (or JAVA_HOME) to a JDK 21+, or install one under /usr/lib/jvm"));
    }

    private static Stream<Path> installedJdks() {
        Path jvm = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvm)) {
            return Stream.empty();
        }
        try (Stream<Path> list = Files.list(jvm)) {
            List<Path> homes = list.sorted(Comparator.reverseOrder()).toList();
            return homes.stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static Optional<Integer> featureVersion(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try (var reader = Files.newBufferedReader(release)) {
            Properties properties = new Properties();
            properties.load(reader);
            String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
            return Optional.of(Integer.parseInt(version.split("[.+-]")[0]));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
