package com.teaminbox.ui.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The totals screens' stream: a change made between a screen's first read and the moment its
 * subscription stands was never sent, so the stream's "ready" makes the screen read again.
 */
class LiveEventsTest {

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
}
