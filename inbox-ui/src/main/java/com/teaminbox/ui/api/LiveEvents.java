package com.teaminbox.ui.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One signed-in browser tab's subscription to inbox-server's live event stream
 * ({@code GET /api/v1/events}, server-sent events), opened with the user's own token so the
 * server sends only what this user may see. Each event names a conversation; the view
 * re-reads it through the API. When the stream ends (the server ends it when its token
 * expires, the person is disabled or loses a role; a server restart) it is opened again after a
 * short pause with the token the supplier gives then: the views' polls keep that one fresh
 * (see security.SignIn). A refusal (401, 403, 429) is retried after a pause, after 429's
 * Retry-After if it says more.
 */
public final class LiveEvents implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LiveEvents.class.getName());
    private static final Pattern CONVERSATION = Pattern.compile("\"conversationId\"\\s*:\\s*(\\d+)");
    private static final Pattern KIND = Pattern.compile("\"kind\"\\s*:\\s*\"([a-z-]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI events;
    private final Supplier<String> token;
    private final Listener listener;
    private volatile boolean closed;
    private volatile Stream<String> open;

    /**
     * The stream's first event: the subscription stands from here on. A change made between the
     * screen's first read and this moment (or while the stream was down) was not sent to us, so
     * the totals screens read again on it.
     */
    static final String READY = "ready";

    /** What a data line said: its kind, and the conversation it names (-1: none). */
    private interface Listener {
        void event(String kind, long conversationId);
    }

    /** Every event that names a conversation, one call each (the inbox re-reads that conversation). */
    public LiveEvents(String apiUrl, Supplier<String> token, LongConsumer changed) {
        this(apiUrl, token, (kind, conversation) -> {
            if (conversation >= 0) {
                changed.accept(conversation);
            }
        });
    }

    /**
     * For the screens that show totals rather than one conversation (manager console, devices):
     * any event of the given kinds, coalesced so that a burst (a hundred messages a second)
     * costs one refresh a second, not one per event.
     */
    public static LiveEvents ofKinds(String apiUrl, Supplier<String> token, java.util.Set<String> kinds, Runnable changed) {
        java.util.concurrent.atomic.AtomicBoolean pending = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.Executor later = java.util.concurrent.CompletableFuture.delayedExecutor(1, java.util.concurrent.TimeUnit.SECONDS);
        return new LiveEvents(apiUrl, token, (kind, conversation) -> {
            if ((kinds.contains(kind) || READY.equals(kind)) && pending.compareAndSet(false, true)) {
                later.execute(() -> {
                    pending.set(false);
                    changed.run();
                });
            }
        });
    }

    private LiveEvents(String apiUrl, Supplier<String> token, Listener listener) {
        this.events = URI.create(apiUrl + "/v1/events");
        this.token = token;
        this.listener = listener;
        Thread reader = new Thread(this::run, "live-events");
        reader.setDaemon(true);
        reader.start();
    }

    private void run() {
        while (!closed) {
            try {
                HttpResponse<Stream<String>> response = HTTP.send(HttpRequest.newBuilder(events)
                        .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token.get()).GET().build(),
                        HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    response.body().close();
                    pause(refusedPauseMillis(response));
                    continue;
                }
                open = response.body();
                Iterator<String> lines = open.iterator();
                while (!closed && lines.hasNext()) {
                    String line = lines.next();
                    if (line.equals("event: " + READY) || line.equals("event:" + READY)) {
                        listener.event(READY, -1);
                    } else if (line.startsWith("data:")) {
                        Matcher kind = KIND.matcher(line);
                        Matcher id = CONVERSATION.matcher(line);
                        listener.event(kind.find() ? kind.group(1) : "", id.find() ? Long.parseLong(id.group(1)) : -1);
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.FINE, "live event stream ended; opening it again", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause(2_000);
        }
    }

    /** Five seconds, or as long as a 429's Retry-After (seconds) asks, up to five minutes. */
    static long refusedPauseMillis(HttpResponse<?> response) {
        long pause = 5_000;
        if (response.statusCode() == 429) {
            try {
                long asked = Long.parseLong(response.headers().firstValue("Retry-After").orElse("").trim()) * 1_000;
                pause = Math.min(Math.max(pause, asked), 300_000);
            } catch (NumberFormatException httpDate) {
                // a date instead of seconds: keep the usual pause
            }
        }
        return pause;
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        Stream<String> current = open;
        if (current != null) {
            current.close();
        }
    }
}
