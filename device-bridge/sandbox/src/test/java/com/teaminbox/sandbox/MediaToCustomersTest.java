package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.teaminbox.bridge.fanout.MediaReference;
import com.teaminbox.bridge.media.MediaUpload;
import com.teaminbox.sandbox.customer.SimulatedCustomer;
import com.teaminbox.sandbox.phone.SimulatedPhone;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A companion uploads an attachment to the media host and sends it; the customer opens the same bytes. */
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class MediaToCustomersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;
    Sandbox sandbox;
    TestCompanion companion;
    SimulatedCustomer anna;
    URI mediaHost;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxSettings.defaults(dataDir).withPorts(0, 0));
        SimulatedPhone phone = sandbox.createBusiness(SandboxTestBase.BUSINESS, "Demo Bakery");
        anna = sandbox.createCustomer(SandboxTestBase.CUSTOMER, "Anna", 1);
        companion = new TestCompanion(sandbox, "agent-1");
        phone.scanQr(companion.startQr());
        companion.awaitLoggedIn();
        mediaHost = sandbox.mediaHost().orElseThrow();
    }

    @AfterEach
    void stop() {
        companion.close();
        sandbox.close();
    }

    @Test
    void anUploadedDocumentReachesTheCustomerWhoOpensTheSameBytes() throws Exception {
        byte[] pdf = new byte[300_000];
        new Random(11).nextBytes(pdf);
        System.arraycopy("%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, pdf, 0, 8);

        MediaReference media = new MediaUpload(http, mediaHost, Duration.ofSeconds(10))
                .upload("application/pdf", pdf, new SecureRandom());
        companion.client.sendMedia("TI-DOC-1", SandboxTestBase.CUSTOMER, "your invoice", media)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        TestCompanion.await(() -> !anna.received().isEmpty(), "Anna received the document");
        MediaReference got = anna.received().get(0).content().media().orElseThrow();
        assertEquals("your invoice", anna.received().get(0).content().text());
        assertArrayEquals(pdf, SimulatedCustomer.openMedia(got, sandbox.blobs()));

        // The admin API shows what the customer opened, by hash, for browser tests.
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(
                mediaHost.resolve("/api/customers/" + SandboxTestBase.CUSTOMER + "/messages")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode item = JSON.readTree(listed.body()).get(0);
        assertEquals("application/pdf", item.path("media").path("mimeType").asText(), listed.body());
        assertTrue(item.path("media").path("opened").asBoolean(), listed.body());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)),
                item.path("media").path("sha256").asText());
    }

    @Test
    void theNetworkDirectoryNamesTheMediaHost() throws Exception {
        HttpResponse<String> network = http.send(HttpRequest.newBuilder(mediaHost.resolve("/api/network")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(mediaHost.toString(), JSON.readTree(network.body()).path("mediaUrl").asText());
    }

    @Test
    void theHostRefusesWhatCannotBeABlob() {
        MediaUpload upload = new MediaUpload(http, URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(2));
        assertThrows(IOException.class, () -> upload.upload("image/png", new byte[10], new SecureRandom()),
                "an unreachable host is an IOException, not a reference");
    }

    @Test
    void aTooShortBlobIsRefusedWith400() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(mediaHost.resolve("/media/"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[5])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
    }
}
