import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a headless Chromium through the DevTools protocol (the JDK's own WebSocket client, no libraries): signs
 * in by sending the person's bearer token with every request, then saves a PNG of each page at each width.
 *
 * Usage: java Screenshots.java DEVTOOLS_PORT OUT_DIR LINE...  where each LINE is
 * "name|url|token|width|accept-language[|css-selector]" (token may be empty for public pages; with a selector the
 * shot starts at that element, e.g. the cohort heatmaps at the end of the retention page).
 */
public class Screenshots {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern DATA = Pattern.compile("\"data\":\"([^\"]+)\"");
    private static final Pattern HEIGHT = Pattern.compile("\"cssContentSize\":\\{[^}]*\"height\":([0-9.]+)");

    private final Map<Integer, CompletableFuture<String>> replies = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();
    private WebSocket socket;

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String devtools = "http://127.0.0.1:" + args[0];
        String created = http.send(HttpRequest.newBuilder(URI.create(devtools + "/json/new?about:blank")).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher ws = Pattern.compile("\"webSocketDebuggerUrl\"\\s*:\\s*\"([^\"]+)\"").matcher(created);
        if (!ws.find()) {
            throw new IllegalStateException("No DevTools target: " + created);
        }
        Screenshots browser = new Screenshots();
        browser.socket = http.newWebSocketBuilder().buildAsync(URI.create(ws.group(1)), browser.listener()).get(30, TimeUnit.SECONDS);
        browser.call("Page.enable", "{}");
        browser.call("Network.enable", "{}");
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        for (int i = 2; i < args.length; i++) {
            String[] shot = args[i].split("\\|", -1);
            browser.shoot(shot[0], shot[1], shot[2], Integer.parseInt(shot[3]), shot[4], shot.length > 5 ? shot[5] : null, out);
        }
        browser.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    }

    private void shoot(String name, String url, String token, int width, String language, String from, Path out) throws Exception {
        StringBuilder headers = new StringBuilder("{\"headers\":{\"Accept-Language\":\"" + language + "\"");
        if (!token.isEmpty()) {
            headers.append(",\"Authorization\":\"Bearer ").append(token).append('"');
        }
        call("Network.setExtraHTTPHeaders", headers.append("}}").toString());
        int viewportHeight = width < 600 ? 844 : 900;
        call("Emulation.setDeviceMetricsOverride", "{\"width\":" + width + ",\"height\":" + viewportHeight
                + ",\"deviceScaleFactor\":1,\"mobile\":" + (width < 600) + "}");
        events.clear();
        call("Page.navigate", "{\"url\":\"" + url + "\"}");
        awaitEvent("Page.loadEventFired", Duration.ofSeconds(60));
        // Charts render after load and settle to their width once the stylesheet applies (a ResizeObserver redraws them).
        String unrendered = "{\"expression\":\"document.querySelectorAll('[data-chart]:not([data-rendered])').length\"}";
        for (int i = 0; i < 20 && !call("Runtime.evaluate", unrendered).contains("\"value\":0"); i++) {
            Thread.sleep(250);
        }
        Thread.sleep(3000);
        if (call("Runtime.evaluate", "{\"expression\":\"location.href\"}").contains("chrome-error://")) {
            throw new IllegalStateException(url + " did not load (HTTP error or expired token)");
        }
        String metrics = call("Page.getLayoutMetrics", "{}");
        Matcher height = HEIGHT.matcher(metrics);
        double contentHeight = height.find() ? Double.parseDouble(height.group(1)) : viewportHeight;
        int top = 0;
        if (from != null) {
            String offset = call("Runtime.evaluate", "{\"expression\":\"Math.floor(document.querySelector('" + from
                    + "').getBoundingClientRect().top + window.scrollY)\"}");
            Matcher value = Pattern.compile("\"value\":([0-9]+)").matcher(offset);
            top = value.find() ? Integer.parseInt(value.group(1)) : 0;
        }
        // Desktop pages are cut at 2.5 screens so files stay small; the phone shows its first two screens.
        int shotHeight = (int) Math.min(contentHeight - top, width < 600 ? viewportHeight * 2 : viewportHeight * 2.5);
        String png = call("Page.captureScreenshot", "{\"format\":\"png\",\"captureBeyondViewport\":true,\"clip\":{\"x\":0,\"y\":" + top
                + ",\"width\":" + width + ",\"height\":" + shotHeight + ",\"scale\":1}}");
        Matcher data = DATA.matcher(png);
        if (!data.find()) {
            throw new IllegalStateException("No screenshot of " + url + ": " + png);
        }
        Path file = out.resolve(name + ".png");
        Files.write(file, Base64.getDecoder().decode(data.group(1)));
        System.out.println(file + "  " + url + " at " + width + " px");
    }

    private String call(String method, String params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<String> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).get(10, TimeUnit.SECONDS);
        String answer = reply.get(60, TimeUnit.SECONDS);
        if (answer.contains("\"error\":")) {
            throw new IllegalStateException(method + " failed: " + answer);
        }
        return answer;
    }

    private void awaitEvent(String method, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String event = events.poll(1, TimeUnit.SECONDS);
            if (event != null && event.contains("\"method\":\"" + method + "\"")) {
                return;
            }
        }
        throw new IllegalStateException("No " + method + " within " + timeout);
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final List<CharSequence> parts = new ArrayList<>();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                parts.add(data);
                if (last) {
                    String message = String.join("", parts);
                    parts.clear();
                    Matcher id = ID.matcher(message.length() > 40 ? message.substring(0, 40) : message);
                    if (message.startsWith("{\"id\":") && id.find()) {
                        CompletableFuture<String> reply = replies.remove(Integer.parseInt(id.group(1)));
                        if (reply != null) {
                            reply.complete(message);
                        }
                    } else {
                        events.add(message);
                    }
                }
                webSocket.request(1);
                return null;
            }
        };
    }
}
