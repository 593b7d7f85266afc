package com.teaminbox.server.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.teaminbox.bridge.client.ReceivedMessage;
import com.teaminbox.bridge.fanout.MediaReference;
import com.teaminbox.sandbox.Sandbox;
import com.teaminbox.sandbox.SandboxSettings;
import com.teaminbox.sandbox.customer.SimulatedCustomer;
import com.teaminbox.sandbox.phone.SimulatedPhone;
import com.teaminbox.server.api.DeployedInbox;
import com.teaminbox.server.api.Keycloak;
import com.teaminbox.server.api.TestData;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attachments both ways against the real sandbox network (started here on the ports
 * arquillian.xml points the server at, like DeviceSessionsIT, never at the same time): a
 * customer's image is stored once with its key sealed and opens in the API with the same
 * bytes; an agent's document leaves from the agent's device and the customer opens the same
 * bytes; refused files change nothing. The media host is the sandbox's. A modified customer
 * client's references elsewhere are stored refused and never fetched.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AttachmentsIT {

    static final int NETWORK_PORT = Integer.getInteger("it.networkPort", 17780);
    static final int NETWORK_ADMIN_PORT = Integer.getInteger("it.networkAdminPort", 17781);
    /** A new business per run, so that a rerun against the same database starts clean. */
    static final String BUSINESS = "49305" + (10_000 + new Random().nextInt(90_000));
    static final String CUSTOMER = "4915200000077";
    static final Duration WAIT = Duration.ofSeconds(60);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @TempDir
    static Path networkData;
    static Sandbox network;
    static SimulatedPhone phone;
    static long aliceDevice;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive inboxServer() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("inbox.war")));
    }

    @BeforeAll
    static void startNetwork() {
        network = Sandbox.start(SandboxSettings.defaults(networkData).withPorts(NETWORK_PORT, NETWORK_ADMIN_PORT));
        phone = network.createBusiness(BUSINESS, "Attachment Test Bakery");
    }

    @AfterAll
    static void stopNetwork() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void filesTravelBothWaysOpenedInTheServerAndRefusedKindsChangeNothing() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            long device = aliceLinked(data);

            // A customer's photo: stored once, its key sealed, opened by the API with the same bytes.
            SimulatedCustomer cleo = network.createCustomer(CUSTOMER, "Cleo", 1);
            byte[] photo = new byte[120_000];
            new Random(3).nextBytes(photo);
            String photoId = cleo.sendMedia(BUSINESS, "image/png", photo, "Is this the cake?", network.blobs());
            await(() -> data.count("SELECT count(*) FROM message_media mm JOIN message m ON m.id = mm.message_id"
                    + " WHERE m.network_message_id = ?", photoId) == 1, "the photo stored with its attachment");
            long conversation = data.count("SELECT conversation_id FROM message WHERE network_message_id = ?", photoId);
            long photoMessage = data.count("SELECT id FROM message WHERE network_message_id = ?", photoId);
            assertEquals(61, data.count("SELECT length(sealed_media_key) FROM message_media WHERE message_id = ?", photoMessage),
                    "the 32-byte media key is kept sealed (version, nonce, ciphertext, tag), not as it is");

            JsonNode listed = JSON.readTree(call("GET", "v1/conversations/" + conversation + "/messages", "alice", null).body());
            JsonNode photoView = listed.path("items").get(0);
            assertEquals("Is this the cake?", photoView.path("body").asText());
            assertEquals("image/png", photoView.path("attachment").path("mimeType").asText(), photoView.toString());
            assertEquals("image.png", photoView.path("attachment").path("fileName").asText());
            assertEquals(photo.length, photoView.path("attachment").path("size").asLong());
            String url = photoView.path("attachment").path("url").asText();
            assertEquals("v1/conversations/" + conversation + "/messages/" + photoMessage + "/media", url);

            HttpResponse<byte[]> opened = bytes("GET", url, "alice", null, null);
            assertEquals(200, opened.statusCode());
            assertArrayEquals(photo, opened.body(), "the very bytes the customer sent");
            assertEquals("image/png", opened.headers().firstValue("Content-Type").orElse(""));
            assertTrue(opened.headers().firstValue("Content-Disposition").orElse("").startsWith("inline"));

            // Only who may see the conversation may open its files (bob is in no queue of this account).
            assertEquals(404, bytes("GET", url, "bob", null, null).statusCode());
            HttpResponse<String> none = call("GET", "v1/conversations/" + conversation + "/messages/999999999/media", "alice", null);
            DeployedInbox.assertProblem(none, 404);

            // A blob the media host changed is not handed out.
            Path blob = network.blobs().fileOf(data.string("SELECT direct_path FROM message_media WHERE message_id = ?",
                    photoMessage)).orElseThrow();
            byte[] original = Files.readAllBytes(blob);
            byte[] tampered = original.clone();
            tampered[100] ^= 1;
            Files.write(blob, tampered);
            HttpResponse<String> refusedBlob = call("GET", url, "alice", null);
            DeployedInbox.assertProblem(refusedBlob, 502);
            assertTrue(refusedBlob.body().contains("does not match the message"), refusedBlob.body());
            Files.write(blob, original);

            // The agent sends a document with a caption; the customer opens the same bytes.
            byte[] invoice = new byte[250_000];
            new Random(5).nextBytes(invoice);
            System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, invoice, 0, 8);
            HttpResponse<String> sent = upload(conversation, "invoice 42.pdf", "application/pdf", "Your invoice", invoice);
            assertEquals(202, sent.statusCode(), sent.body());
            JsonNode sentView = JSON.readTree(sent.body());
            assertEquals("invoice 42.pdf", sentView.path("attachment").path("fileName").asText());
            assertEquals(device, sentView.path("deviceId").asLong(), "sent from alice's own device");
            String invoiceId = sentView.path("networkMessageId").asText();
            await(() -> cleo.received().stream().anyMatch(m -> m.content().messageId().equals(invoiceId)), "Cleo got the invoice");
            ReceivedMessage got = cleo.received().stream().filter(m -> m.content().messageId().equals(invoiceId)).findFirst()
                    .orElseThrow();
            assertEquals("Your invoice", got.content().text());
            assertEquals("application/pdf", got.content().media().orElseThrow().mimeType());
            assertArrayEquals(invoice, SimulatedCustomer.openMedia(got.content().media().orElseThrow(), network.blobs()));
            await(() -> !"pending".equals(data.string("SELECT delivery_state FROM message WHERE network_message_id = ?", invoiceId)),
                    "the invoice left the outbox");
            assertEquals(1, data.count("SELECT count(*) FROM message WHERE network_message_id = ?", invoiceId),
                    "the echo to the device is not stored again");
            HttpResponse<byte[]> own = bytes("GET", sentView.path("attachment").path("url").asText(), "alice", null, null);
            assertArrayEquals(invoice, own.body(), "the agent can open what they sent");
            assertTrue(own.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename*=UTF-8''invoice%2042.pdf"),
                    own.headers().firstValue("Content-Disposition").orElse(""));

            // Refused: a program, an empty file, a file over 64 MiB. Nothing is stored.
            long before = data.count("SELECT count(*) FROM message WHERE conversation_id = ?", conversation);
            HttpResponse<String> program = upload(conversation, "setup.exe", "application/octet-stream", null, new byte[] {77, 90});
            DeployedInbox.assertProblem(program, 415);
            assertTrue(program.body().contains("Files of type .exe cannot be sent"), program.body());
            HttpResponse<String> empty = upload(conversation, "notes.txt", "text/plain", null, new byte[0]);
            DeployedInbox.assertProblem(empty, 422);
            assertTrue(empty.body().contains("notes.txt is empty"), empty.body());
            HttpResponse<String> noName = upload(conversation, "", "text/plain", null, new byte[] {1});
            DeployedInbox.assertProblem(noName, 400);
            // Sent without a length (chunked), so the server must count the bytes itself.
            byte[] tooBig = new byte[(int) AttachmentPolicy.MAX_BYTES + 1];
            HttpResponse<String> big = HTTP.send(uploadRequest(conversation, "film.mp4", "video/mp4", null)
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(tooBig))).build(),
                    HttpResponse.BodyHandlers.ofString());
            DeployedInbox.assertProblem(big, 413);
            assertTrue(big.body().contains("attachments may be at most 64 MB"), big.body());
            assertEquals(before, data.count("SELECT count(*) FROM message WHERE conversation_id = ?", conversation),
                    "refused files store nothing");
            assertNotEquals(0, before);

            // Exactly 64 MiB is still accepted.
            byte[] limit = new byte[(int) AttachmentPolicy.MAX_BYTES];
            HttpResponse<String> atLimit = upload(conversation, "limit.bin", "application/octet-stream", null, limit);
            assertEquals(202, atLimit.statusCode(), atLimit.body());
            assertEquals(AttachmentPolicy.MAX_BYTES, JSON.readTree(atLimit.body()).path("attachment").path("size").asLong());
        }
    }

    /**
     * A customer's SVG with a script and an HTML page download, never render: attachment, sent
     * as application/octet-stream, nosniff and a sandboxing CSP. A PNG still opens inline, with
     * the same nosniff and CSP.
     */
    @Test
    void onlyRasterImagesOpenInlineScriptableFilesDownloadUnderASandbox() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            aliceLinked(data);
            SimulatedCustomer sven = network.createCustomer("4915200000079", "Sven", 1);
            byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"
                    .getBytes(StandardCharsets.UTF_8);
            byte[] html = "<html><body><script>fetch('/api/v1/me')</script></body></html>".getBytes(StandardCharsets.UTF_8);
            byte[] png = new byte[2_000];
            new Random(5).nextBytes(png);
            Map<String, byte[]> sent = new java.util.LinkedHashMap<>();
            sent.put("image/svg+xml", svg);
            sent.put("text/html", html);
            sent.put("image/png", png);
            for (Map.Entry<String, byte[]> file : sent.entrySet()) {
                String networkId = sven.sendMedia(BUSINESS, file.getKey(), file.getValue(), "see this", network.blobs());
                await(() -> data.count("SELECT count(*) FROM message_media mm JOIN message m ON m.id = mm.message_id"
                        + " WHERE m.network_message_id = ?", networkId) == 1, "the " + file.getKey() + " stored");
                long conversation = data.count("SELECT conversation_id FROM message WHERE network_message_id = ?", networkId);
                long message = data.count("SELECT id FROM message WHERE network_message_id = ?", networkId);
                HttpResponse<byte[]> opened = bytes("GET", "v1/conversations/" + conversation + "/messages/" + message + "/media",
                        "alice", null, null);
                assertEquals(200, opened.statusCode(), file.getKey());
                assertArrayEquals(file.getValue(), opened.body(), file.getKey());
                String type = opened.headers().firstValue("Content-Type").orElse("");
                String disposition = opened.headers().firstValue("Content-Disposition").orElse("");
                assertEquals("nosniff", opened.headers().firstValue("X-Content-Type-Options").orElse(""), file.getKey());
                assertEquals("default-src 'none'; sandbox",
                        opened.headers().firstValue("Content-Security-Policy").orElse(""), file.getKey());
                assertTrue(opened.headers().firstValue("Cache-Control").orElse("").contains("private"), file.getKey());
                if (file.getKey().equals("image/png")) {
                    assertEquals("image/png", type);
                    assertTrue(disposition.startsWith("inline; filename*=UTF-8''"), disposition);
                } else {
                    assertTrue(disposition.startsWith("attachment; filename*=UTF-8''"), file.getKey() + ": " + disposition);
                    assertEquals("application/octet-stream", type, file.getKey());
                    assertFalse(type.contains("html") || type.contains("svg"), type);
                }
            }
        }
    }

    /**
     * A modified customer client puts addresses of its choosing, or a size no file has, into its
     * media reference. The messages are stored; their attachments are refused with a sentence,
     * the media endpoint answers it as a problem, and nothing is asked of those addresses.
     */
    @Test
    void aCustomersReferenceToAnotherPlaceIsStoredRefusedAndNeverFetched() throws Exception {
        java.util.List<String> trapped = new CopyOnWriteArrayList<>();
        HttpServer trap = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        trap.createContext("/", exchange -> {
            trapped.add(exchange.getRequestURI().toString());
            byte[] secret = "internal secret".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, secret.length);
            exchange.getResponseBody().write(secret);
            exchange.close();
        });
        trap.start();
        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            aliceLinked(data);
            SimulatedCustomer mallory = network.createCustomer("4915200000078", "Mallory", 1);
            String trapUrl = "http://127.0.0.1:" + trap.getAddress().getPort();
            Map<String, String> refusals = new java.util.LinkedHashMap<>();
            refusals.put(sendReference(mallory, trapUrl + "/secret", 20), "pointed somewhere other than");
            refusals.put(sendReference(mallory, "//127.0.0.1:" + trap.getAddress().getPort() + "/x", 20),
                    "pointed somewhere other than");
            refusals.put(sendReference(mallory, "/media/" + "ab".repeat(32), 10L * 1024 * 1024 * 1024),
                    "larger than the network's 64 MB limit");

            for (Map.Entry<String, String> sent : refusals.entrySet()) {
                String networkId = sent.getKey();
                await(() -> data.count("SELECT count(*) FROM message_media mm JOIN message m ON m.id = mm.message_id"
                        + " WHERE m.network_message_id = ?", networkId) == 1, "the message stored with its attachment");
                long conversation = data.count("SELECT conversation_id FROM message WHERE network_message_id = ?", networkId);
                long message = data.count("SELECT id FROM message WHERE network_message_id = ?", networkId);

                // Opened as the UI would: the server must not ask the address the customer chose.
                String url = "v1/conversations/" + conversation + "/messages/" + message + "/media";
                HttpResponse<String> opened = call("GET", url, "alice", null);
                assertEquals(java.util.List.of(), trapped, "the server fetched the customer's address");
                DeployedInbox.assertProblem(opened, 422);
                assertTrue(opened.body().contains(sent.getValue()), opened.body());

                assertTrue(data.string("SELECT refusal FROM message_media WHERE message_id = ?", message) != null,
                        "the attachment is marked refused");
                JsonNode listed = JSON.readTree(call("GET", "v1/conversations/" + conversation + "/messages", "alice", null).body());
                JsonNode view = java.util.stream.StreamSupport.stream(listed.path("items").spliterator(), false)
                        .filter(m -> m.path("id").asLong() == message).findFirst().orElseThrow();
                assertEquals("a caption", view.path("body").asText(), "the message itself is kept");
                assertTrue(view.path("attachment").path("refused").asText().contains(sent.getValue()), view.toString());
                assertTrue(view.path("mediaReference").asText().startsWith("network-media:refused:"), view.toString());
            }
            assertEquals(java.util.List.of(), trapped);
        } finally {
            trap.stop(0);
        }
    }

    /** A media message as a modified client builds it: any path, any announced size. */
    private static String sendReference(SimulatedCustomer customer, String directPath, long size)
            throws Exception {
        String id = "c-hostile-" + Long.toHexString(new Random().nextLong());
        MediaReference reference = new MediaReference(directPath, "image/png", new byte[32], new byte[32], new byte[32], size);
        customer.devices().get(0).client().sendMedia(id, BUSINESS, "a caption", reference).toCompletableFuture()
                .get(15, TimeUnit.SECONDS);
        return id;
    }

    /**
     * The sandbox simulates one business phone, so the tests share its account: alice, online in
     * its queue, with a device linked by pairing code and connected (done once, by whichever test
     * runs first). Returns the device's id.
     */
    private long aliceLinked(TestData data) throws Exception {
        if (aliceDevice != 0) {
            return aliceDevice;
        }
        for (String user : java.util.List.of("alice", "bob", "adam")) {
            assertEquals(200, call("GET", "v1/me", user, null).statusCode());
        }
        long account = data.account(BUSINESS, "Attachment Test Bakery");
        long queue = data.queue(account, "attachments desk", "round_robin", true);
        long alice = data.agentId("alice");
        data.onlineIn(alice, queue);
        HttpResponse<String> link = call("POST", "v1/devices", "adam",
                "{\"accountId\":" + account + ",\"agentId\":" + alice + ",\"method\":\"pairing-code\"}");
        assertEquals(201, link.statusCode(), link.body());
        phone.enterPairingCode(JSON.readTree(link.body()).path("pairingCode").asText());
        long device = JSON.readTree(link.body()).path("deviceId").asLong();
        await(() -> "connected".equals(data.string("SELECT state FROM companion_device WHERE id = ?", device)), "connected");
        aliceDevice = device;
        return device;
    }

    private HttpRequest.Builder uploadRequest(long conversation, String fileName, String type, String caption) {
        String query = "fileName=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                + (caption == null ? "" : "&caption=" + URLEncoder.encode(caption, StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(DeployedInbox.apiBase(base) + "v1/conversations/" + conversation
                        + "/attachments?" + query))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", type)
                .header("Authorization", "Bearer " + TOKENS.computeIfAbsent("alice", Keycloak::tokenFor));
    }

    private HttpResponse<String> upload(long conversation, String fileName, String type, String caption, byte[] file)
            throws Exception {
        return HTTP.send(uploadRequest(conversation, fileName, type, caption).POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> bytes(String method, String path, String user, String type, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(DeployedInbox.apiBase(base) + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + TOKENS.computeIfAbsent(user, Keycloak::tokenFor));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void await(Callable<Boolean> condition, String what) throws Exception {
        DeployedInbox.await(WAIT, condition, what);
    }

    private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
        return DeployedInbox.call(HTTP, base, method, path, TOKENS.computeIfAbsent(user, Keycloak::tokenFor), json);
    }
}
