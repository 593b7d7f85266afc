package com.teaminbox.bridge.client;

import com.teaminbox.bridge.stanza.Stanza;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests waiting for the server's server-ack, by stanza id, and the prekey bundles that
 * arrive ahead of the ack of their fetch. The sending thread waits; the event thread completes.
 */
final class PendingAnswers {

    private final Map<String, CompletableFuture<Stanza>> acks = new ConcurrentHashMap<>();
    private final Map<String, List<Stanza>> bundles = new ConcurrentHashMap<>();

    CompletableFuture<Stanza> expectAck(String id) {
        CompletableFuture<Stanza> future = new CompletableFuture<>();
        acks.put(id, future);
        bundles.put(id, new ArrayList<>());
        return future;
    }

    void bundleArrived(Stanza bundle) {
        List<Stanza> collected = bundles.get(bundle.id());
        if (collected != null) {
            synchronized (collected) {
                collected.add(bundle);
            }
        }
    }

    void ackArrived(Stanza ack) {
        CompletableFuture<Stanza> future = acks.remove(ack.id());
        if (future != null) {
            future.complete(ack);
        }
    }

    /** Waits for the ack of {@code id}; returns it with the bundles that came before it. */
    Stanza await(String id, CompletableFuture<Stanza> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ClientException(ClientException.Kind.TIMED_OUT, "no answer from the server to " + id);
        } catch (ExecutionException e) {
            throw new ClientException(ClientException.Kind.NOT_CONNECTED, "request " + id + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(ClientException.Kind.NOT_CONNECTED, "interrupted while waiting for " + id);
        } finally {
            acks.remove(id);
        }
    }

    List<Stanza> takeBundles(String id) {
        List<Stanza> collected = bundles.remove(id);
        return collected == null ? List.of() : List.copyOf(collected);
    }

    /** The connection is gone: nobody will answer. */
    void failAll(String why) {
        acks.values().forEach(f -> f.completeExceptionally(new ClientException(ClientException.Kind.NOT_CONNECTED, why)));
        acks.clear();
        bundles.clear();
    }
}
