package com.teaminbox.ui.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The totals screens' stream: a change made between a screen's first read and the moment its
 * subscription stands was never sent, so the stream's "ready" makes the screen read again.
 * When the server ends a stream (its token expired) it is opened again with the token of that
 * moment; a 429 is retried no sooner than its Retry-After.
 */
class LiveEventsTest {

    /** Each request's Authorization header and when it came. */
    private record Knock(String authorization, long atNanos) {
    }

    @Test
    void theStreamsReadyMakesATotalsScreenReadAgain() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        CountDownLatch hold = new CountDownLatch(1);
        server.createContext("/api/v1/events", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                // Only the subscription's confirmation: no change of a kind the screen shows.
                body.write("event: ready\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
                body.flush();
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        CountDownLatch readAgain = new CountDownLatch(1);
        try (LiveEvents live = LiveEvents.ofKinds("http://127.0.0.1:" + server.getAddress().getPort() + "/api", () -> "token",
                Set.of("agent", "device"), readAgain::countDown)) {
            assertTrue(readAgain.await(5, TimeUnit.SECONDS), "the screen reads again once the stream is ready");
        } finally {
            hold.countDown();
            server.stop(0);
        }
    }

    @Test
    void aStreamTheServerEndsIsOpenedAgainWithTheTokenOfThatMoment() throws Exception {
        BlockingQueue<Knock> knocks = new LinkedBlockingQueue<>();
        // What inbox-server sends when the stream's token expires, then the stream ends.
        HttpServer server = events(knocks, 200, "text/event-stream", null,
                "event: ready\ndata: {}\n\nevent: end\ndata: {\"kind\":\"end\",\"reason\":\"token-expired\"}\n\n");
        AtomicReference<String> token = new AtomicReference<>("old");
        try (LiveEvents live = new LiveEvents(api(server), token::get, id -> { })) {
            assertEquals("Bearer old", knocks.poll(5, TimeUnit.SECONDS).authorization());
            token.set("fresh"); // the view's poll refreshed it meanwhile
            Knock again = knocks.poll(10, TimeUnit.SECONDS);
            assertNotNull(again, "the ended stream is opened again");
            assertEquals("Bearer fresh", again.authorization());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRefusedStreamWaitsAsLongAsRetryAfterSays() throws Exception {
        BlockingQueue<Knock> knocks = new LinkedBlockingQueue<>();
        HttpServer server = events(knocks, 429, "application/problem+json", "7",
                "{\"status\":429,\"detail\":\"You already have 5 live event streams open\"}");
        try (LiveEvents live = new LiveEvents(api(server), () -> "token", id -> { })) {
            Knock first = knocks.poll(5, TimeUnit.SECONDS);
            assertNotNull(first);
            Knock second = knocks.poll(12, TimeUnit.SECONDS);
            assertNotNull(second, "it tries again");
            long waited = TimeUnit.NANOSECONDS.toMillis(second.atNanos() - first.atNanos());
            assertTrue(waited >= 6_500, "not before Retry-After (7 s): " + waited + " ms");
        } finally {
            server.stop(0);
        }
    }

    /** inbox-server's event stream answering every request alike, each request noted. */
    private static HttpServer events(BlockingQueue<Knock> knocks, int status, String type, String retryAfter, String body)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/events", exchange -> {
            knocks.add(new Knock(exchange.getRequestHeaders().getFirst("Authorization"), System.nanoTime()));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    private static String api(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }
}
