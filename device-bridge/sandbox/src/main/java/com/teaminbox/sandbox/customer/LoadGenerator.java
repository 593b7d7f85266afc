package com.teaminbox.sandbox.customer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Many customers writing to the business at a steady rate, to see how the inbox copes: reports
 * what was sent, how long the network took to accept each message, and how many replies came
 * back to those customers.
 */
public final class LoadGenerator {

    /**
     * What a run did so far. {@code offered}: sends started; {@code sent}: acknowledged by the
     * network; {@code failed}: refused, or not acknowledged within the client's request timeout;
     * {@code inFlight}: handed to the customer's device and not acknowledged yet (a device sends
     * one message after the other); {@code skipped}: ticks not sent because {@link #WINDOW} sends
     * were already in flight. Send latencies are from send to the network's acknowledgement; reply latencies
     * from a customer's message to the next reply that customer received. {@code running} stays
     * true until the generator stopped and every send it started has its outcome.
     */
    public record Report(int customers, int sent, int failed, int repliesReceived, long p50Millis, long p95Millis,
                         long maxMillis, long replyP50Millis, long replyP95Millis, boolean running, int offered,
                         int inFlight, int skipped) {
    }

    /** Sends waiting for the network's acknowledgement at most; a tick beyond that is skipped and counted. */
    static final int WINDOW = 5_000;

    private final List<SimulatedCustomer> customers;
    private final String business;
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> replyLatencies = Collections.synchronizedList(new ArrayList<>());
    /** Per customer, when its messages still waiting for a reply were sent (nanoTime), oldest first. */
    private final Map<SimulatedCustomer, Deque<Long>> awaitingReply = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger offered = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final Semaphore window = new Semaphore(WINDOW);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean running = true;

    private LoadGenerator(List<SimulatedCustomer> customers, String business) {
        this.customers = customers;
        this.business = business;
    }

    /**
     * @param newCustomer makes customer number i (the caller registers it on the network)
     */
    public static LoadGenerator start(String business, int customerCount, double ratePerSecond, int seconds,
                                      int messageSize, IntFunction<SimulatedCustomer> newCustomer) {
        if (customerCount < 1 || ratePerSecond <= 0 || seconds < 1 || messageSize < 1) {
            throw new IllegalArgumentException("need at least one customer, a positive rate, duration and size");
        }
        List<SimulatedCustomer> customers = new ArrayList<>();
        for (int i = 0; i < customerCount; i++) {
            customers.add(newCustomer.apply(i));
        }
        LoadGenerator load = new LoadGenerator(customers, business);
        customers.forEach(c -> c.onReply(reply -> load.replied(c)));
        long periodMicros = (long) (1_000_000 / ratePerSecond);
        String text = "x".repeat(messageSize);
        // The ticker only hands each message to its customer's device and goes on: the sends
        // complete on the devices' own threads, so a slow acknowledgement does not lower the rate.
        load.ticker.scheduleAtFixedRate(() -> load.sendOne(text), 0, periodMicros, TimeUnit.MICROSECONDS);
        load.ticker.schedule(load::stop, seconds, TimeUnit.SECONDS);
        return load;
    }

    private void sendOne(String text) {
        if (!running) {
            return;
        }
        SimulatedCustomer customer = customers.get(Math.floorMod(next.getAndIncrement(), customers.size()));
        if (!window.tryAcquire()) {
            skipped.incrementAndGet();
            return;
        }
        long started = System.nanoTime();
        Deque<Long> waiting = awaitingReply.computeIfAbsent(customer, c -> new ArrayDeque<>());
        // Noted before sending: a quick reply may arrive before the send completes.
        synchronized (waiting) {
            waiting.addLast(started);
        }
        offered.incrementAndGet();
        inFlight.incrementAndGet();
        CompletableFuture<String> send;
        try {
            send = customer.sendAsync(business, text);
        } catch (RuntimeException e) {
            send = CompletableFuture.failedFuture(e);
        }
        // No timeout of our own: the device client fails a send the network does not acknowledge
        // in time (counted as failed); a send still queued behind its customer's earlier ones is
        // in flight, not failed, since it will still reach the network.
        send.whenComplete((id, failure) -> {
            if (failure == null) {
                latencies.add((System.nanoTime() - started) / 1_000_000);
                sent.incrementAndGet();
            } else {
                synchronized (waiting) {
                    waiting.removeLastOccurrence(started);
                }
                failed.incrementAndGet();
            }
            inFlight.decrementAndGet();
            window.release();
        });
    }

    /** A reply answers the customer's oldest unanswered message; replies to nothing count without latency. */
    private void replied(SimulatedCustomer customer) {
        Deque<Long> waiting = awaitingReply.get(customer);
        Long since = null;
        if (waiting != null) {
            synchronized (waiting) {
                since = waiting.pollFirst();
            }
        }
        if (since != null) {
            replyLatencies.add((System.nanoTime() - since) / 1_000_000);
        }
    }

    public void stop() {
        running = false;
        ticker.shutdownNow();
    }

    public Report report() {
        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        Collections.sort(sorted);
        int replies = customers.stream().mapToInt(c -> (int) c.received().stream().filter(m -> !m.sentByMe()).count()).sum();
        List<Long> replySorted;
        synchronized (replyLatencies) {
            replySorted = new ArrayList<>(replyLatencies);
        }
        Collections.sort(replySorted);
        return new Report(customers.size(), sent.get(), failed.get(), replies, percentile(sorted, 50),
                percentile(sorted, 95), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
                percentile(replySorted, 50), percentile(replySorted, 95), running || inFlight.get() > 0, offered.get(),
                inFlight.get(), skipped.get());
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
