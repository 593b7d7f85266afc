package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.teaminbox.bridge.client.ReceivedMessage;
import com.teaminbox.bridge.fanout.MediaReference;
import com.teaminbox.bridge.media.MediaDownload;
import com.teaminbox.bridge.media.MediaTamperedException;
import com.teaminbox.bridge.media.MediaUpload;
import com.teaminbox.bridge.media.TransferPace;
import com.teaminbox.sandbox.customer.SimulatedCustomer;
import com.teaminbox.sandbox.phone.SimulatedPhone;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attachments both ways through the admin API, the media host and a companion: a customer's
 * image to the business, and a companion's uploaded document to the customer.
 */
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class MediaTest {

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

    private MediaReference sendImage(byte[] image) throws Exception {
        String body = JSON.writeValueAsString(Map.of("mimeType", "image/jpeg", "caption", "the cake",
                "data", Base64.getEncoder().encodeToString(image)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        mediaHost.resolve("/api/customers/" + SandboxTestBase.CUSTOMER + "/send-media"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode sent = JSON.readTree(response.body());
        ReceivedMessage received = companion.awaitMessages(1).get(0);
        assertEquals(sent.get("messageId").asText(), received.content().messageId());
        assertEquals("the cake", received.content().text());
        return received.content().media().orElseThrow();
    }

    @Test
    void theCompanionDownloadsAndDecryptsACustomersImage() throws Exception {
        byte[] image = new byte[50_000];
        new Random(7).nextBytes(image);

        MediaReference media = sendImage(image);

        assertEquals(image.length, media.fileLength());
        assertEquals("image/jpeg", media.mimeType());
        byte[] stored = sandbox.blobs().get(media.directPath()).orElseThrow();
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(new String(image, 0, 64, StandardCharsets.ISO_8859_1)),
                "the media host holds ciphertext only");
        assertArrayEquals(image, new MediaDownload(mediaHost, TransferPace.DEFAULT).download(media));
    }

    @Test
    void aTamperedBlobIsRefused() throws Exception {
        MediaReference media = sendImage("a small PNG, pretend".getBytes(StandardCharsets.UTF_8));
        Path file = sandbox.blobs().fileOf(media.directPath()).orElseThrow();
        byte[] blob = Files.readAllBytes(file);
        blob[3] ^= 1;
        Files.write(file, blob);

        assertThrows(MediaTamperedException.class,
                () -> new MediaDownload(mediaHost, TransferPace.DEFAULT).download(media));
    }

    @Test
    void unknownMediaPathsAre404() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(mediaHost.resolve("/media/../accounts.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
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
