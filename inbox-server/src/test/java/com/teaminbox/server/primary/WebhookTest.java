package com.teaminbox.server.primary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One alert POSTed to a receiver on this machine, as a webhook receiver sees it: where it
 * arrives, its headers, its signature. The receiver's name resolves only through the test's
 * table, so a POST that arrives went to the address that was checked, not to a second lookup.
 */
class WebhookTest {

    private static final String SECRET = WebhookSignatureTest.SECRET;
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private HttpServer receiver;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);
    private WebhookDestination.Resolver resolver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            var headers = exchange.getRequestHeaders();
            received.add(Map.of("target", exchange.getRequestURI().toString(), "host", headers.getFirst("Host"),
                    "timestamp", String.valueOf(headers.getFirst("X-TeamInbox-Timestamp")),
                    "signature", String.valueOf(headers.getFirst("X-TeamInbox-Signature")),
                    "delivery", String.valueOf(headers.getFirst("X-TeamInbox-Delivery")),
                    "type", String.valueOf(headers.getFirst("Content-Type")),
                    "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        resolver = WebhookDestinationTest.table(Map.of("hooks.bakery.test", List.of("127.0.0.1")));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void theReceiverGetsTheBodySignedWithTheTimestampItIsSent() throws Exception {
        String body = WebhookSignatureTest.BODY.replace("3}", "3,\"name\":\"Bäckerei\"}");
        webhook("http://hooks.bakery.test:" + port() + "/hooks/primary-phone?source=inbox", SECRET, true)
                .post(42, body, NOW, resolver);

        assertEquals(1, received.size());
        Map<String, String> post = received.get(0);
        assertEquals("/hooks/primary-phone?source=inbox", post.get("target"));
        assertEquals("hooks.bakery.test:" + port(), post.get("host"), "the URL's host, though the connection went to 127.0.0.1");
        assertEquals("1767261600", post.get("timestamp"), "unix seconds of the moment of sending");
        assertEquals("42", post.get("delivery"));
        assertEquals("application/json", post.get("type"));
        assertEquals(body, post.get("body"));
        assertEquals("sha256=" + hmac(SECRET, "1767261600." + body), post.get("signature"), "timestamp.body, as a receiver checks it");
    }

    @Test
    void aPrivateDestinationIsRefusedAtSendingUnlessAllowedAndNothingLeaves() {
        WebhookRefused refused = assertThrows(WebhookRefused.class,
                () -> webhook("http://hooks.bakery.test:" + port() + "/hooks", SECRET, false).post(1, "{}", NOW, resolver));
        assertEquals("The webhook host hooks.bakery.test resolves to 127.0.0.1, a loopback address: webhooks go only to public"
                + " addresses unless an admin allows private and local ones (Settings, Webhook).", refused.getMessage());
        assertTrue(received.isEmpty());
    }

    @Test
    void aShortSecretIsNotUsed() {
        WebhookRefused refused = assertThrows(WebhookRefused.class,
                () -> webhook("http://127.0.0.1:" + port() + "/hooks", "it-webhook-secret", true).post(1, "{}", NOW, resolver));
        assertEquals("The webhook secret is shorter than 32 bytes, so the inbox does not sign with it; save one of at least"
                + " 32 bytes on the Settings screen or in inbox.webhook.secret (openssl rand -hex 32 makes one).", refused.getMessage());
        assertTrue(received.isEmpty());
    }

    @Test
    void anAnswerOtherThan2xxIsAFailureToRetry() {
        answer.set(503);
        IOException failed = assertThrows(IOException.class,
                () -> webhook("http://127.0.0.1:" + port() + "/hooks", SECRET, true).post(1, "{}", NOW, resolver));
        assertEquals("webhook answered 503", failed.getMessage());
        assertEquals(1, received.size());
    }

    @Test
    void theProblemAtStartNamesTheRuleAndNeverTheSecret() {
        assertEquals(Webhook.SECRET_TOO_SHORT, webhook("https://hooks.example.com/", "short", false).problem(resolver).orElseThrow());
        assertTrue(webhook("http://127.0.0.1/", SECRET, false).problem(resolver).orElseThrow().contains("a loopback address"));
        assertTrue(webhook("http://127.0.0.1/", SECRET, true).problem(resolver).isEmpty());
        assertTrue(webhook("https://not-yet.example.com/", SECRET, false).problem(resolver).isEmpty(), "a name not found yet");
        assertFalse(webhook("https://hooks.example.com/", SECRET, false).toString().contains(SECRET));
    }

    private static Webhook webhook(String url, String secret, boolean allowPrivate) {
        return new Webhook(url, secret, allowPrivate);
    }

    private int port() {
        return receiver.getAddress().getPort();
    }

    /** Computed here with javax.crypto, independently of WebhookSignature. */
    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
