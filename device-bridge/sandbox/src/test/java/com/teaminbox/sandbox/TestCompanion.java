package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.teaminbox.bridge.client.ConnectionState;
import com.teaminbox.bridge.client.DeviceEvents;
import com.teaminbox.bridge.client.DeviceRegistration;
import com.teaminbox.bridge.client.LogoutReason;
import com.teaminbox.bridge.client.NetworkDeviceClient;
import com.teaminbox.bridge.client.PrimaryActivity;
import com.teaminbox.bridge.client.ReceivedMessage;
import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.keys.DeviceKeys;
import com.teaminbox.bridge.linking.LinkedDevice;
import com.teaminbox.bridge.signal.memory.InMemorySignalProtocolStore;
import com.teaminbox.bridge.stanza.DeviceAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/** A companion device as the inbox would run it, recording what it is told. */
final class TestCompanion implements AutoCloseable {

    /** Generous: on a loaded 2-core machine a JIT-cold handshake can take seconds. */
    static final Duration WAIT = Duration.ofSeconds(30);

    final DeviceRegistration registration;
    final NetworkDeviceClient client;
    final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();
    final List<LogoutReason> logouts = new CopyOnWriteArrayList<>();
    final List<PrimaryActivity> primaryActivities = new CopyOnWriteArrayList<>();
    final List<com.teaminbox.bridge.fanout.HistoryChunk> history = new CopyOnWriteArrayList<>();
    final List<String> messageErrors = new CopyOnWriteArrayList<>();
    final List<com.teaminbox.bridge.client.Receipt> receipts = new CopyOnWriteArrayList<>();
    final BlockingQueue<String> qrTexts = new LinkedBlockingQueue<>();
    final AtomicReference<Throwable> linkError = new AtomicReference<>();
    final AtomicReference<LinkedDevice> linked = new AtomicReference<>();
    volatile boolean qrStreamCompleted;
    /** When set, the listener throws (as an inbox whose database is down would). */
    volatile boolean failDeliveries;
    /** How many deliveries the listener threw for. */
    final java.util.concurrent.atomic.AtomicInteger failedDeliveries = new java.util.concurrent.atomic.AtomicInteger();

    TestCompanion(Sandbox sandbox, String platform) {
        this(sandbox, newRegistration(sandbox, platform));
    }

    /** The same device again (same keys, same sessions), e.g. after the inbox restarted. */
    TestCompanion(Sandbox sandbox, DeviceRegistration existing) {
        SecureRandom random = new SecureRandom();
        registration = existing;
        client = new NetworkDeviceClient(sandbox.clientSettings(), registration, new DeviceEvents() {
            @Override
            public void messageDecrypted(ReceivedMessage message) {
                if (failDeliveries) {
                    failedDeliveries.incrementAndGet();
                    throw new IllegalStateException("database down");
                }
                messages.add(message);
            }

            @Override
            public void messageUndecryptable(DeviceAddress sender, String reason) {
                messageErrors.add(sender + ": " + reason);
            }

            @Override
            public void receiptReceived(com.teaminbox.bridge.client.Receipt receipt) {
                receipts.add(receipt);
            }

            @Override
            public void loggedOut(LogoutReason reason) {
                logouts.add(reason);
            }

            @Override
            public void historyReceived(com.teaminbox.bridge.fanout.HistoryChunk chunk) {
                history.add(chunk);
            }

            @Override
            public void primaryActive(PrimaryActivity activity) {
                primaryActivities.add(activity);
            }

            @Override
            public void linked(LinkedDevice device) {
                linked.set(device);
            }
        }, random);
    }

    private static DeviceRegistration newRegistration(Sandbox sandbox, String platform) {
        SecureRandom random = new SecureRandom();
        DeviceKeys keys = DeviceKeys.generate(random, 1, 1, 0, sandbox.clock().millis());
        return DeviceRegistration.unlinked(X25519.generateKeyPair(random), InMemorySignalProtocolStore.of(keys), platform);
    }

    String startQr() throws InterruptedException {
        client.linkByQr().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String item) {
                qrTexts.add(item);
            }

            @Override
            public void onError(Throwable throwable) {
                linkError.set(throwable);
            }

            @Override
            public void onComplete() {
                qrStreamCompleted = true;
            }
        });
        String first = awaitQrText();
        assertNotNull(first, "no QR text arrived; the link attempt is " + client.linkingState().orElseThrow());
        return first;
    }

    /**
     * The next QR text, or null when none came in time. An attempt that ended first (its
     * connection failed, the network refused it) shows no QR code ever: that fails at once, with
     * the attempt's own error, rather than after the full wait with none.
     */
    private String awaitQrText() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String text;
        while ((text = qrTexts.poll(50, TimeUnit.MILLISECONDS)) == null && System.nanoTime() < deadline) {
            Throwable error = linkError.get();
            if (error != null) {
                throw new AssertionError("the link attempt ended before a QR code showed: " + error, error);
            }
        }
        return text;
    }

    String startPairingCode(String phoneNumber) throws Exception {
        String code = client.linkByPairingCode(phoneNumber).toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        client.linkOutcome().whenComplete((device, error) -> {
            if (error != null) {
                linkError.set(error);
            }
        });
        return code;
    }

    DeviceAddress awaitLoggedIn() {
        await(() -> client.state() == ConnectionState.CONNECTED, "logged in");
        return registration.address().orElseThrow();
    }

    DeviceAddress address() {
        return registration.address().orElseThrow();
    }

    List<ReceivedMessage> awaitMessages(int count) {
        await(() -> messages.size() >= count, count + " messages");
        return List.copyOf(messages);
    }

    /**
     * Waits for the message with this text (a marker, see {@link SandboxTestBase#sendMarker}) and
     * returns what arrived before it.
     */
    List<ReceivedMessage> awaitUpTo(String text) {
        await(() -> messages.stream().anyMatch(m -> text.equals(m.content().text())), "'" + text + "'");
        List<ReceivedMessage> received = List.copyOf(messages);
        return received.stream().takeWhile(m -> !text.equals(m.content().text())).toList();
    }

    /** Sends a text as the agent would and waits until the network accepted it. */
    void send(String messageId, String to, String text) throws Exception {
        client.send(new com.teaminbox.bridge.client.OutgoingMessage(messageId, to,
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8))).toCompletableFuture()
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for a receipt of this kind about this message. */
    com.teaminbox.bridge.client.Receipt awaitReceipt(com.teaminbox.bridge.client.Receipt.Kind kind, String messageId) {
        await(() -> receipts.stream().anyMatch(r -> r.kind() == kind && r.messageIds().contains(messageId)),
                kind + " receipt for " + messageId);
        return receipts.stream().filter(r -> r.kind() == kind && r.messageIds().contains(messageId)).findFirst()
                .orElseThrow();
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
