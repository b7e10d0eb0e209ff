package com.merchantmetrics.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.testsupport.TestUsers;
import com.merchantmetrics.tenant.Tenant;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * bench/dashboard-benchmark.sh: wrk loads each dashboard page of the benchmark tenant with 32 connections for
 * bench.seconds, as alice (owner), bob (viewer) and marco (account manager) in turn, signed in with Keycloak access
 * tokens (the pages accept a bearer token as well as the session cookie). Prints p50/p95/p99 and requests/s;
 * asserts only that every answer was a page.
 */
@QuarkusTest
class DashboardBenchmark {

    static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    static final int CONNECTIONS = 32;
    static final List<String> USERS = List.of("alice", "bob", "marco");
    static final List<String> PAGES = List.of("", "/acquisition", "/retention", "/revenue");

    @Inject
    BenchmarkTenant benchmarkTenant;

    @TestHTTPResource("/")
    URL base;

    @Test
    void pagesUnderLoad() throws Exception {
        Tenant tenant = benchmarkTenant.prepare(base.toString());
        for (String page : PAGES) {
            String url = base + "t/" + tenant.slug + page + "?range=12m";
            // Fresh tokens for every page: a run outlasts the realm's token lifetime.
            List<String> tokens = USERS.stream().map(TestUsers::accessToken).toList();
            for (String token : tokens) {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(url).isEqualTo(200);
                assertThat(answer.body()).contains("<main");
            }
            Path script = luaScript(tokens);
            wrk(url, script, 5);
            String result = wrk(url, script, SECONDS);
            Files.delete(script);
            String[] figures = result.trim().split(" ");
            long requests = Long.parseLong(figures[0]);
            double seconds = Long.parseLong(figures[1]) / 1e6;
            System.out.printf("page %-12s %d connections, %d s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f requests/s (%d requests, %s non-2xx, %s socket errors)%n",
                    page.isEmpty() ? "overview" : page.substring(1), CONNECTIONS, SECONDS, Double.parseDouble(figures[2]),
                    Double.parseDouble(figures[3]), Double.parseDouble(figures[4]), requests / seconds, requests, figures[5], figures[6]);
            assertThat(figures[5]).as("answers other than 2xx/3xx").isEqualTo("0");
        }
    }

    /** Each request carries the next user's token; done() prints requests, µs, p50/p95/p99 in ms and errors. */
    private static Path luaScript(List<String> tokens) throws IOException {
        String script = """
                local tokens = {%s}
                local counter = 0
                request = function()
                  counter = counter + 1
                  return wrk.format("GET", nil, {["Authorization"] = "Bearer " .. tokens[(counter %% #tokens) + 1]})
                end
                done = function(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("RESULT %%d %%d %%.3f %%.3f %%.3f %%d %%d\\n", summary.requests, summary.duration,
                    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
                    e.status, e.connect + e.read + e.write + e.timeout))
                end
                """.formatted(tokens.stream().map(token -> "\"" + token + "\"").collect(Collectors.joining(", ")));
        Path file = Files.createTempFile("dashboard-benchmark", ".lua");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs wrk (installed by the script) and returns what done() printed after RESULT. */
    private static String wrk(String url, Path script, int seconds) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--timeout", "10s",
                "-s", script.toString(), url).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(wrk.waitFor()).as(output).isZero();
        int result = output.indexOf("RESULT ");
        assertThat(result).as(output).isNotNegative();
        return output.substring(result + "RESULT ".length()).lines().findFirst().orElseThrow();
    }
}
