package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.teaminbox.bridge.client.LogoutReason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 40, unit = TimeUnit.SECONDS)
class AdminApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;
    Sandbox sandbox;
    TestCompanion companion;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxSettings.defaults(dataDir).withPorts(0, 0));
        sandbox.createBusiness(SandboxTestBase.BUSINESS, "Demo Bakery");
    }

    @AfterEach
    void stop() {
        if (companion != null) {
            companion.close();
        }
        sandbox.close();
    }

    @Test
    void thePhoneCustomersAndClockAreDrivenOverHttp() throws Exception {
        JsonNode network = call("GET", "/api/network", null).body;
        assertEquals(Base64.getEncoder().encodeToString(sandbox.rootPublicKey()), network.get("rootPublicKey").asText());

        companion = new TestCompanion(sandbox, "agent");
        Reply scanned = call("POST", "/api/phone/scan", Map.of("qr", companion.startQr()));
        assertEquals(200, scanned.status);
        assertEquals(companion.awaitLoggedIn().device(), scanned.body.get("deviceId").asInt());
        // The phone and its device list stay readable with a device linked (its last activity is a time).
        Reply devices = call("GET", "/api/phone/devices", null);
        assertEquals(200, devices.status);
        assertEquals(scanned.body.get("deviceId").asInt(), devices.body.get(0).get("deviceId").asInt());
        assertEquals("agent", devices.body.get(0).get("platform").asText());
        assertEquals(1, call("GET", "/api/phone", null).body.get("devices").size());

        assertEquals(200, call("POST", "/api/customers", Map.of("phoneNumber", "4915199999999", "name", "Dora")).status);
        assertEquals(200, call("POST", "/api/customers/4915199999999/send", Map.of("text", "Open on Sunday?")).status);
        assertEquals("Open on Sunday?", companion.awaitMessages(1).get(0).content().text());

        // The customer reads the business's reply over HTTP; the companion hears it as read.
        assertEquals(200, call("POST", "/api/phone/send", Map.of("to", "4915199999999", "text", "Yes, from ten.")).status);
        TestCompanion.await(() -> sandbox.customer("4915199999999").orElseThrow().received().size() == 1, "reply arrived");
        Reply read = call("POST", "/api/customers/4915199999999/read", null);
        assertEquals(1, read.body.get("read").asInt());
        TestCompanion.await(() -> companion.receipts.stream().anyMatch(r -> r.kind() == com.teaminbox.bridge.client.Receipt.Kind.READ
                && r.from().account().equals("4915199999999")), "read receipt at the companion");

        Reply advanced = call("POST", "/api/clock/advance", Map.of("days", 14, "hours", 1));
        assertEquals(0, advanced.body.get("daysLeftBeforeLogout").asInt());
        TestCompanion.await(() -> companion.logouts.contains(LogoutReason.DEVICE_REMOVED), "removed after 14 days");
        assertEquals(0, call("GET", "/api/phone/devices", null).body.size());
    }

    @Test
    void aCustomerSetToAutoReadOverHttpReadsTheReplyByHerself() throws Exception {
        companion = new TestCompanion(sandbox, "agent");
        call("POST", "/api/phone/scan", Map.of("qr", companion.startQr()));
        companion.awaitLoggedIn();
        call("POST", "/api/customers", Map.of("phoneNumber", "4915199999999", "name", "Dora"));
        Reply set = call("POST", "/api/customers/4915199999999/auto-read", Map.of("afterMillis", 300));
        assertEquals(300, set.body.get("afterMillis").asInt());

        call("POST", "/api/phone/send", Map.of("to", "4915199999999", "text", "Your bread is ready."));

        TestCompanion.await(() -> companion.receipts.stream().anyMatch(r -> r.kind() == com.teaminbox.bridge.client.Receipt.Kind.READ
                && r.from().account().equals("4915199999999")), "read by herself, heard by the companion");
        assertEquals(0, call("POST", "/api/customers/4915199999999/read", null).body.get("read").asInt(),
                "nothing left to read");
    }

    @Test
    void refusalsAreProblemDetailsWithAStableReason() throws Exception {
        Reply garbage = call("POST", "/api/phone/scan", Map.of("qr", "not a qr code"));
        assertEquals(409, garbage.status);
        assertEquals("invalid-qr-code", garbage.body.get("reason").asText());
        assertTrue(garbage.contentType.startsWith("application/problem+json"), garbage.contentType);

        Reply missing = call("POST", "/api/phone/code", Map.of());
        assertEquals(400, missing.status);
        assertEquals("bad-request", missing.body.get("reason").asText());

        Reply noCode = call("POST", "/api/phone/code", Map.of("code", "ABCD-EFGH"));
        assertEquals("no-pairing-request", noCode.body.get("reason").asText());
    }

    @Test
    void thePhoneSimulatorPageIsServedAtTheRoot() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + sandbox.adminPort() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Sandbox phone") && page.body().contains("/api/"), "the page drives the API");
        assertTrue(page.body().contains("Read replies") && page.body().contains("'/read')"), "customers can read replies");
    }

    @Test
    void aLoadRunReportsWhatItSent() throws Exception {
        Reply started = call("POST", "/api/load", Map.of("customers", 2, "ratePerSecond", 10, "seconds", 1, "size", 20));
        assertEquals(200, started.status);
        TestCompanion.await(() -> {
            try {
                return !call("GET", "/api/load", null).body.get("running").asBoolean();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "the run ends");
        JsonNode report = call("GET", "/api/load", null).body;
        assertEquals(2, report.get("customers").asInt());
        assertTrue(report.get("sent").asInt() >= 1, report.toString());
        assertEquals(0, report.get("failed").asInt(), report.toString());
        TestCompanion.await(() -> sandbox.phone().orElseThrow().messages().size() >= report.get("sent").asInt(),
                "the phone received every load message");
    }

    private record Reply(int status, String contentType, JsonNode body) {
    }

    private Reply call(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.adminPort() + path));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        request.header("Content-Type", "application/json"); // the admin port refuses state changes without it
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                JSON.readTree(response.body()));
    }
}
