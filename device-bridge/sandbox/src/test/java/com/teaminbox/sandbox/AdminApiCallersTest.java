package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may change the sandbox over its admin port: the phone-simulator page on the same origin
 * and non-browser clients, not any page a developer happens to have open.
 */
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class AdminApiCallersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DORA = "{\"phoneNumber\":\"4915199999999\",\"name\":\"Dora\"}";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxSettings.defaults(dataDir).withPorts(0, 0));
        sandbox.createBusiness(SandboxTestBase.BUSINESS, "Demo Bakery");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aPageOnAnotherOriginChangesNothing() throws Exception {
        HttpResponse<String> refused = post("/api/customers", "application/json", "http://evil.example", DORA);
        assertEquals(403, refused.statusCode(), refused.body());
        assertProblem(refused, "cross-origin");
        assertFalse(customers().contains("4915199999999"), "no customer was added");

        HttpResponse<String> advance = post("/api/clock/advance", "application/json", "http://evil.example", "{\"days\":15}");
        assertEquals(403, advance.statusCode(), advance.body());
        assertEquals(0, JSON.readTree(get("/api/clock")).path("offsetSeconds").asLong(0), "the clock did not move");

        HttpResponse<String> blob = send(HttpRequest.newBuilder(admin("/media/")).header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[64])));
        assertEquals(403, blob.statusCode(), "nor does it upload media: " + blob.body());
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIs415() throws Exception {
        // text/plain is what a cross-site page may send without a preflight
        HttpResponse<String> refused = post("/api/customers", "text/plain", null, DORA);
        assertEquals(415, refused.statusCode(), refused.body());
        assertProblem(refused, "unsupported-media-type");
        assertFalse(customers().contains("4915199999999"), "no customer was added");

        HttpResponse<String> untyped = send(HttpRequest.newBuilder(admin("/api/phone/offline")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(415, untyped.statusCode(), untyped.body());
    }

    @Test
    void thePhoneSimulatorsOwnOriginAndClientsWithoutOneMayChangeState() throws Exception {
        String self = "http://127.0.0.1:" + sandbox.adminPort();
        assertEquals(200, post("/api/customers", "application/json; charset=utf-8", self, DORA).statusCode());
        assertEquals(200, post("/api/customers/4915199999999/send", "application/json", null, "{\"text\":\"Hello\"}").statusCode());
        assertTrue(customers().contains("4915199999999"));
        assertEquals(200, rawPost("localhost:" + sandbox.adminPort(), "http://localhost:" + sandbox.adminPort(),
                "/api/phone/use"), "localhost on this port is the same page");
    }

    @Test
    void aHostNameOtherThanLoopbackIsRefused() throws Exception {
        // DNS rebinding: a page on attacker.example whose name now points at 127.0.0.1 is
        // "same origin" to the browser, but its Host header still names attacker.example.
        assertEquals(403, rawPost("attacker.example:" + sandbox.adminPort(), null, "/api/phone/offline"));
        assertEquals(403, rawPost("127.0.0.1:1", null, "/api/phone/offline"), "another port is another origin");
        assertTrue(JSON.readTree(get("/api/phone")).path("online").asBoolean(), "the phone stayed online");
    }

    @Test
    void thePageWritesNamesAsTextNotHtml() throws Exception {
        String page;
        try (InputStream in = getClass().getResourceAsStream("/com/teaminbox/sandbox/admin/phone-simulator.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String script = page.substring(page.indexOf("<script>"));
        // A customer may be called <img src=x onerror=alert(1)>: any HTML sink fed with data runs it.
        for (String sink : new String[] {"\\.innerHTML\\s*[+]?=", "\\.outerHTML\\s*=", "insertAdjacentHTML", "document\\.write"}) {
            Matcher match = Pattern.compile(sink).matcher(script);
            boolean found = match.find();
            assertFalse(found, () -> "the page's script writes HTML: " + script.substring(
                    Math.max(0, match.start() - 40), Math.min(script.length(), match.end() + 80)));
        }
        assertTrue(script.contains("textContent"), "text goes in as textContent");

        // and the API hands the name back untouched, for the page to show as text
        assertEquals(200, post("/api/customers", "application/json", null,
                "{\"phoneNumber\":\"4915177777777\",\"name\":\"<img src=x onerror=alert(1)>\"}").statusCode());
        assertTrue(customers().contains("\"<img src=x onerror=alert(1)>\""));
    }

    private URI admin(String path) {
        return URI.create("http://127.0.0.1:" + sandbox.adminPort() + path);
    }

    private HttpResponse<String> post(String path, String contentType, String origin, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(admin(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        return send(HttpRequest.newBuilder(admin(path)).GET()).body();
    }

    private String customers() throws Exception {
        return get("/api/customers");
    }

    /** HttpClient will not send a Host of our choosing; a socket will. Answers the status. */
    private int rawPost(String host, String origin, String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", sandbox.adminPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
                    + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    private static void assertProblem(HttpResponse<String> response, String reason) throws Exception {
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(reason, problem.path("reason").asText(), response.body());
        assertFalse(problem.path("detail").asText().isBlank(), "a sentence says why");
    }
}
