package com.teaminbox.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The inbox's server-sent event stream, read as one viewer (a manager sees every
 * conversation): when each "message" event arrived, per conversation, in arrival order.
 * Events carry only the kind and the conversation id, so the benchmark pairs the k-th
 * "message" event of a conversation with the k-th message stored in it.
 */
final class EventStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI uri;
    private final Supplier<String> token;
    private final Map<Long, List<Long>> messageArrivals = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> eventsByKind = new ConcurrentHashMap<>();
    private final AtomicLong reconnects = new AtomicLong();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread reader;
    private volatile boolean open = true;

    EventStream(String apiBase, Supplier<String> token) {
        this.uri = URI.create(apiBase + "/v1/events");
        this.token = token;
        this.reader = new Thread(this::readForever, "sse-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Waits for the stream's "ready" event: from then on no change is missed. */
    void awaitReady() throws InterruptedException {
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the event stream at " + uri + " did not say ready within 30 s");
        }
    }

    /** Arrival times (epoch ms) of the "message" events of one conversation, in arrival order. */
    List<Long> messageArrivals(long conversationId) {
        List<Long> arrivals = messageArrivals.get(conversationId);
        if (arrivals == null) {
            return List.of();
        }
        synchronized (arrivals) {
            return new ArrayList<>(arrivals);
        }
    }

    long events(String kind) {
        AtomicLong n = eventsByKind.get(kind);
        return n == null ? 0 : n.get();
    }

    long reconnects() {
        return reconnects.get();
    }

    private void readForever() {
        while (open) {
            try {
                HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + token.get()).GET().build();
                HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
                }
                String event = "message";
                try (Stream<String> lines = response.body()) {
                    for (String line : (Iterable<String>) lines::iterator) {
                        long now = System.currentTimeMillis();
                        if (!open) {
                            return;
                        }
                        if (line.startsWith("event:")) {
                            event = line.substring(6).trim();
                        } else if (line.startsWith("data:")) {
                            received(event, line.substring(5).trim(), now);
                        } else if (line.isEmpty()) {
                            event = "message";
                        }
                    }
                }
            } catch (Exception e) {
                if (!open) {
                    return;
                }
                System.err.println("event stream ended (" + e.getMessage() + "); reconnecting");
            }
            if (open) {
                reconnects.incrementAndGet();
                sleep(500);
            }
        }
    }

    private void received(String kind, String data, long arrivedAt) {
        eventsByKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        if (kind.equals("ready")) {
            ready.countDown();
            return;
        }
        if (!kind.equals("message")) {
            return;
        }
        try {
            JsonNode json = JSON.readTree(data);
            long conversation = json.path("conversationId").asLong();
            List<Long> arrivals = messageArrivals.computeIfAbsent(conversation, c -> new ArrayList<>());
            synchronized (arrivals) {
                arrivals.add(arrivedAt);
            }
        } catch (Exception e) {
            System.err.println("unreadable event data: " + data);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        open = false;
        reader.interrupt();
    }
}
