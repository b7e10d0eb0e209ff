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
 * tokens (the pages accept a bearer token as well as the session cookie). Two loads per page: 32 signed-in users who
 * each ask for the next page 100–160 ms after the last one arrived (about 220 requests/s when answers are quick:
 * the "32 concurrent users at ≥ 200 requests/s"), then the same 32 connections without any pause (the most
 * the machine serves). Prints p50/p95/p99 and requests/s of each; asserts only that every answer was a page.
 */
@QuarkusTest
class DashboardBenchmark {

    static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    static final int CONNECTIONS = 32;
    static final List<String> USERS = List.of("alice", "bob", "marco");
    static final List<String> PAGES = List.of("", "/acquisition", "/retention", "/revenue");

    /** A user's pause between an answer and their next request, in ms; none: as fast as answers come. */
    enum Load {
        users(100, 160), saturation(0, 0);

        final int minPause;
        final int maxPause;

        Load(int minPause, int maxPause) {
            this.minPause = minPause;
            this.maxPause = maxPause;
        }
    }

    @Inject
    BenchmarkTenant benchmarkTenant;

    @TestHTTPResource("/")
    URL base;

    @Test
    void pagesUnderLoad() throws Exception {
        Tenant tenant = benchmarkTenant.prepare(base.toString());
        // The JIT compiles what every page shares during the first page's run: all pages first, so that the first
        // page measured is not measured cold.
        List<String> warmUpTokens = USERS.stream().map(TestUsers::accessToken).toList();
        for (String page : PAGES) {
            Path script = luaScript(warmUpTokens, Load.saturation);
            wrk(base + "t/" + tenant.slug + page + "?range=12m", script, 10);
            Files.delete(script);
        }
        for (String page : PAGES) {
            String url = base + "t/" + tenant.slug + page + "?range=12m";
            // Fresh tokens for every page: a run outlasts the realm's token lifetime.
            List<String> tokens = USERS.stream().map(TestUsers::accessToken).toList();
            int bytes = 0;
            for (String token : tokens) {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(url).isEqualTo(200);
                assertThat(answer.body()).contains("<main");
                bytes = answer.body().getBytes(StandardCharsets.UTF_8).length;
            }
            for (Load load : Load.values()) {
                Path script = luaScript(tokens, load);
                wrk(url, script, 5);
                String result = wrk(url, script, SECONDS);
                Files.delete(script);
                String[] figures = result.trim().split(" ");
                long requests = Long.parseLong(figures[0]);
                double seconds = Long.parseLong(figures[1]) / 1e6;
                System.out.printf("page %-12s %4d KiB %-10s %d connections, %d s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f requests/s (%d requests, %s non-2xx, %s socket errors)%n",
                        page.isEmpty() ? "overview" : page.substring(1), bytes / 1024, load, CONNECTIONS, SECONDS, Double.parseDouble(figures[2]),
                        Double.parseDouble(figures[3]), Double.parseDouble(figures[4]), requests / seconds, requests, figures[5], figures[6]);
                assertThat(figures[5]).as("answers other than 2xx/3xx").isEqualTo("0");
            }
        }
    }

    /**
     * Each request carries the next user's token and, under the users load, waits the user's pause first; done()
     * prints requests, µs, p50/p95/p99 in ms and errors.
     */
    private static Path luaScript(List<String> tokens, Load load) throws IOException {
        String script = """
                local tokens = {%s}
                local counter = 0
                if %d > 0 then
                  delay = function() return math.random(%d, %d) end
                end
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
                """.formatted(tokens.stream().map(token -> "\"" + token + "\"").collect(Collectors.joining(", ")), load.maxPause,
                load.minPause, load.maxPause);
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
