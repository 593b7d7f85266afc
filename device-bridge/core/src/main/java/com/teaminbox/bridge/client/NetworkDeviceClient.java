package com.teaminbox.bridge.client;

import com.teaminbox.bridge.fanout.MessageContent;
import com.teaminbox.bridge.keys.DeviceKeys;
import com.teaminbox.bridge.linking.CompanionKeys;
import com.teaminbox.bridge.linking.CompanionLinking;
import com.teaminbox.bridge.linking.LinkedDevice;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.signal.IdentityKey;
import com.teaminbox.bridge.signal.IdentityKeyPair;
import com.teaminbox.bridge.signal.PreKeyRecord;
import com.teaminbox.bridge.signal.SignalAddress;
import com.teaminbox.bridge.signal.SignalProtocolException;
import com.teaminbox.bridge.signal.SignalProtocolStore;
import com.teaminbox.bridge.signal.SignedPreKeyRecord;
import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.bridge.stanza.OneTimePreKey;
import com.teaminbox.bridge.stanza.Stanza;
import com.teaminbox.bridge.stanza.StanzaField;
import com.teaminbox.bridge.stanza.StanzaType;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link DeviceClient} over the network's WebSocket: Noise handshake, login, keep-alive,
 * fan-out sends, decrypting receives (acknowledged after the listener returned), receipts,
 * linking by QR or pairing code, and reconnects with back-off.
 *
 * <p>Threads: one event thread runs everything that arrives (and every {@link DeviceEvents}
 * call), one sending thread runs sends (they wait for server answers that the event thread
 * delivers), one timer thread pings and schedules reconnects.
 */
public final class NetworkDeviceClient implements DeviceClient {

    private static final System.Logger LOG = System.getLogger(NetworkDeviceClient.class.getName());
    /** Prekeys uploaded per refill; the server asks again when fewer than its threshold are left. */
    private static final int PREKEY_BATCH = 30;

    private final ClientSettings settings;
    private final DeviceRegistration registration;
    private final DeviceEvents events;
    private final SecureRandom random;
    private final HttpClient http;
    private final ExecutorService eventThread;
    private final ExecutorService sendThread;
    private final ScheduledExecutorService timer;
    private final KnownDeviceLists lists = new KnownDeviceLists();
    private final PendingAnswers answers = new PendingAnswers();
    private final AtomicLong stanzaCounter = new AtomicLong();

    private volatile ConnectionState state = ConnectionState.CLOSED;
    private volatile ServerConnection connection;
    private volatile CompletableFuture<Void> loggedIn = new CompletableFuture<>();
    /** Completes when the network ends this device's stream for good (unlinked, removed, refused). */
    private final CompletableFuture<Void> loggedOut = new CompletableFuture<>();
    private volatile LinkAttempt linkAttempt;
    private MessageReceiver receiver;
    private int reconnectAttempt;
    private ScheduledFuture<?> pinger;
    private ScheduledFuture<?> qrTicker;
    private volatile String awaitedPong;

    public NetworkDeviceClient(ClientSettings settings, DeviceRegistration registration, DeviceEvents events,
                               SecureRandom random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.registration = Objects.requireNonNull(registration, "registration");
        this.events = Objects.requireNonNull(events, "events");
        this.random = Objects.requireNonNull(random, "random");
        String name = registration.address().map(DeviceAddress::toString).orElse("unlinked");
        this.eventThread = Executors.newSingleThreadExecutor(r -> daemon(r, "device-events-" + name));
        this.sendThread = Executors.newSingleThreadExecutor(r -> daemon(r, "device-send-" + name));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "device-timer-" + name));
        this.http = HttpClient.newBuilder().executor(Executors.newCachedThreadPool(r -> daemon(r, "device-io-" + name)))
                .connectTimeout(settings.requestTimeout()).build();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    public DeviceRegistration registration() {
        return registration;
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    // ------------------------------------------------------------------ logging in

    @Override
    public CompletionStage<Void> connect() {
        DeviceAddress self = registration.address()
                .orElseThrow(() -> new IllegalStateException("link the device before connecting it"));
        if (loggedIn.isDone()) {
            loggedIn = new CompletableFuture<>();
        }
        CompletableFuture<Void> result = loggedIn;
        eventThread.execute(() -> {
            if (state == ConnectionState.CLOSED || state == ConnectionState.WAITING_TO_RECONNECT
                    || state == ConnectionState.LOGGED_OUT) {
                receiver = new MessageReceiver(self, registration.store(), events, random);
                openLoggedIn(self);
            }
        });
        return result;
    }

    private void openLoggedIn(DeviceAddress self) {
        changeState(ConnectionState.CONNECTING);
        Stanza login = Stanza.builder(StanzaType.LOGIN, "login")
                .text(StanzaField.ACCOUNT, self.account())
                .number(StanzaField.DEVICE, self.device())
                .text(StanzaField.PLATFORM, registration.platform())
                .build();
        ServerConnection.open(http, settings, registration.noiseKey(), login, eventThread, handler(), random)
                .whenCompleteAsync((opened, error) -> {
                    if (error != null) {
                        connectionLost(null, "could not connect: " + rootMessage(error));
                    } else {
                        connection = opened;
                        watchLogin(opened);
                    }
                }, eventThread);
    }

    /** A login the server never answers is treated like a dropped connection. */
    private void watchLogin(ServerConnection opened) {
        timer.schedule(() -> eventThread.execute(() -> {
            if (connection == opened && state == ConnectionState.CONNECTING) {
                opened.close();
                connectionLost(opened, "no answer to the login");
            }
        }), settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private ServerConnection.Handler handler() {
        return new ServerConnection.Handler() {
            @Override
            public void stanza(ServerConnection from, Stanza stanza) {
                onStanza(from, stanza);
            }

            @Override
            public void ended(ServerConnection from, String why) {
                connectionLost(from, why);
            }
        };
    }

    private void onStanza(ServerConnection from, Stanza stanza) {
        connection = from;
        LinkAttempt attempt = linkAttempt;
        if (attempt != null && !attempt.isOver()) {
            attempt.onStanza(stanza, settings.clock().instant());
            return;
        }
        DeviceAddress self = registration.address().orElseThrow();
        switch (stanza.type()) {
            case LOGIN_SUCCESS -> {
                reconnectAttempt = 0;
                changeState(ConnectionState.CONNECTED);
                startPinging(from);
                loggedIn.complete(null);
            }
            case MESSAGE -> {
                if (receiver.receive(stanza, settings.clock().instant())) {
                    acknowledge(from, stanza.id());
                }
            }
            case RECEIPT -> {
                new InboundStanzas(self, events).dispatch(stanza, settings.clock().instant());
                acknowledge(from, stanza.id());
            }
            case DEVICE_LIST_CHANGED_NOTICE -> {
                lists.update(stanza.text(StanzaField.ACCOUNT), stanza.devices(StanzaField.DEVICES));
                new InboundStanzas(self, events).dispatch(stanza, settings.clock().instant());
            }
            case PROBE -> answerProbe(from, self, stanza);
            case HISTORY_SYNC -> {
                if (receiver.receive(stanza, settings.clock().instant())) {
                    acknowledge(from, stanza.id());
                }
            }
            case PROBE_ANSWER -> {
                events.primaryActive(new PrimaryActivity(PrimaryActivitySource.PROBE_ANSWER, settings.clock().instant()));
                acknowledge(from, stanza.id());
            }
            case SERVER_ACK -> answers.ackArrived(stanza);
            case PREKEY_BUNDLE -> answers.bundleArrived(stanza);
            case PREKEY_LOW -> uploadPreKeys(from);
            case PONG -> {
                if (stanza.id().equals(awaitedPong)) {
                    awaitedPong = null;
                }
            }
            case PING -> from.send(Stanza.builder(StanzaType.PONG, stanza.id()).build());
            case STREAM_ERROR, LOGIN_FAILURE -> {
                boolean over = new InboundStanzas(self, events).dispatch(stanza, settings.clock().instant());
                if (over) {
                    state = ConnectionState.LOGGED_OUT;
                    loggedOut.complete(null);
                    int status = stanza.has(StanzaField.CODE) ? (int) stanza.number(StanzaField.CODE) : 0;
                    loggedIn.completeExceptionally(new ClientException(ClientException.Kind.REFUSED,
                            "logged out: " + status + " " + stanza.optionalText(StanzaField.REASON).orElse(""), status));
                    stopTimers();
                    answers.failAll("logged out");
                    from.close();
                }
            }
            default -> LOG.log(System.Logger.Level.DEBUG, "ignoring {0}", stanza);
        }
    }

    /**
     * Only a primary answers probes: that the phone answers at all is the sign of life the
     * companion asked for. The answer goes out before the ack, so an answer is never lost to an
     * ack that raced a disconnect (the probe is then redelivered and answered twice, harmlessly).
     */
    private void answerProbe(ServerConnection from, DeviceAddress self, Stanza probe) {
        if (self.isPrimary() && probe.has(StanzaField.SENDER_DEVICE)) {
            from.send(Stanza.builder(StanzaType.PROBE_ANSWER, "probe-answer-" + stanzaCounter.incrementAndGet())
                    .number(StanzaField.DEVICE, probe.number(StanzaField.SENDER_DEVICE))
                    .build());
        }
        acknowledge(from, probe.id());
    }

    private void acknowledge(ServerConnection from, String id) {
        from.send(Stanza.builder(StanzaType.MESSAGE_ACK, id).build());
    }

    private void connectionLost(ServerConnection from, String why) {
        if (from != null && from != connection) {
            return; // an older connection we already replaced
        }
        stopTimers();
        answers.failAll(why);
        LinkAttempt attempt = linkAttempt;
        if (attempt != null && !attempt.isOver()) {
            attempt.serverEnded(why, settings.clock().instant());
            changeState(ConnectionState.CLOSED);
            return;
        }
        if (state == ConnectionState.LOGGED_OUT || state == ConnectionState.CLOSED || registration.address().isEmpty()) {
            return;
        }
        changeState(ConnectionState.WAITING_TO_RECONNECT, why);
        Duration delay = settings.reconnect().delayBefore(reconnectAttempt++);
        LOG.log(System.Logger.Level.INFO, "{0}: {1}; reconnecting in {2} ms",
                registration.address().get(), why, delay.toMillis());
        timer.schedule(() -> eventThread.execute(() -> {
            if (state == ConnectionState.WAITING_TO_RECONNECT) {
                openLoggedIn(registration.address().get());
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void startPinging(ServerConnection on) {
        stopTimers();
        long every = settings.pingInterval().toMillis();
        pinger = timer.scheduleAtFixedRate(() -> eventThread.execute(() -> ping(on)), every, every, TimeUnit.MILLISECONDS);
    }

    private void ping(ServerConnection on) {
        if (on != connection || state != ConnectionState.CONNECTED) {
            return;
        }
        String id = "ping-" + stanzaCounter.incrementAndGet();
        awaitedPong = id;
        on.send(Stanza.builder(StanzaType.PING, id).build());
        timer.schedule(() -> eventThread.execute(() -> {
            if (id.equals(awaitedPong) && on == connection) {
                on.close();
                connectionLost(on, "no pong within " + settings.pingDeadline().toMillis() + " ms");
            }
        }), settings.pingDeadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void stopTimers() {
        if (pinger != null) {
            pinger.cancel(false);
            pinger = null;
        }
        if (qrTicker != null) {
            qrTicker.cancel(false);
            qrTicker = null;
        }
    }

    private void uploadPreKeys(ServerConnection on) {
        SignalProtocolStore store = registration.store();
        SignedPreKeyRecord signed = store.loadSignedPreKeys().stream()
                .max(Comparator.comparingLong(SignedPreKeyRecord::timestamp))
                .orElseThrow(() -> new IllegalStateException("the device has no signed prekey"));
        int firstId = 1 + random.nextInt(DeviceKeys.MAX_PREKEY_ID - PREKEY_BATCH);
        List<PreKeyRecord> batch = DeviceKeys.generatePreKeys(random, firstId, PREKEY_BATCH);
        batch.forEach(store::storePreKey);
        on.send(Stanza.builder(StanzaType.PREKEY_UPLOAD, "prekeys-" + stanzaCounter.incrementAndGet())
                .number(StanzaField.REGISTRATION_ID, store.localRegistrationId())
                .bytes(StanzaField.IDENTITY_KEY, store.identityKeyPair().publicKey().publicKey())
                .number(StanzaField.SIGNED_PREKEY_ID, signed.id())
                .bytes(StanzaField.SIGNED_PREKEY, signed.publicKey())
                .bytes(StanzaField.SIGNED_PREKEY_SIGNATURE, signed.signature())
                .preKeys(StanzaField.PREKEYS, batch.stream().map(p -> new OneTimePreKey(p.id(), p.publicKey())).toList())
                .build());
    }

    // ------------------------------------------------------------------ sending

    @Override
    public CompletionStage<Void> send(OutgoingMessage message) {
        return sendContent(message.id(), message.chat(), MessageContent.text(message.id(), message.chat(),
                settings.clock().millis(), new String(message.plaintext(), StandardCharsets.UTF_8)));
    }

    /**
     * Sends an attachment whose blob was already uploaded: the message carries only the
     * reference (path, key, hashes, size) and the caption.
     */
    public CompletionStage<Void> sendMedia(String messageId, String chat, String caption,
                                           com.teaminbox.bridge.fanout.MediaReference media) {
        return sendContent(messageId, chat, new MessageContent(messageId, chat, settings.clock().millis(), caption,
                java.util.Optional.of(media)));
    }

    private CompletionStage<Void> sendContent(String messageId, String chat, MessageContent content) {
        return CompletableFuture.runAsync(() -> {
            DeviceAddress self = registration.address().orElseThrow(() ->
                    new ClientException(ClientException.Kind.NOT_CONNECTED, "not linked"));
            try {
                new FanoutSender(registration.store(), self, lists, answers, this::sendNow, settings.requestTimeout(), random)
                        .send(messageId, chat, content);
            } catch (SignalProtocolException e) {
                throw new ClientException(ClientException.Kind.ENCRYPTION_FAILED,
                        "could not encrypt " + messageId + ": " + e.getMessage(), e);
            }
        }, sendThread);
    }

    /**
     * Sends a probe to the own account's primary (device 0). The stage completes when the network
     * queued it; the phone's answer arrives later, only while it is online, as
     * {@link DeviceEvents#primaryActive} with {@link PrimaryActivitySource#PROBE_ANSWER}.
     */
    public CompletionStage<Void> probePrimary() {
        return CompletableFuture.runAsync(() -> {
            DeviceAddress self = registration.address().orElseThrow(() ->
                    new ClientException(ClientException.Kind.NOT_CONNECTED, "not linked"));
            if (self.isPrimary()) {
                throw new IllegalStateException("the primary does not probe itself");
            }
            String id = "probe-" + stanzaCounter.incrementAndGet() + "-" + Long.toHexString(random.nextLong());
            CompletableFuture<Stanza> ack = answers.expectAck(id);
            sendNow(Stanza.builder(StanzaType.PROBE, id).build());
            answers.await(id, ack, settings.requestTimeout());
        }, sendThread);
    }

    /**
     * The primary's side of the history bundle: encrypts the chunks for one newly linked
     * companion of the own account and sends them in order.
     */
    public CompletionStage<Void> sendHistory(DeviceAddress companion, List<com.teaminbox.bridge.fanout.HistoryChunk> chunks) {
        return CompletableFuture.runAsync(() -> {
            DeviceAddress self = registration.address().orElseThrow(() ->
                    new ClientException(ClientException.Kind.NOT_CONNECTED, "not linked"));
            try {
                new FanoutSender(registration.store(), self, lists, answers, this::sendNow, settings.requestTimeout(), random)
                        .sendHistory(companion, chunks);
            } catch (SignalProtocolException e) {
                throw new ClientException(ClientException.Kind.ENCRYPTION_FAILED,
                        "could not encrypt the history for " + companion + ": " + e.getMessage(), e);
            }
        }, sendThread);
    }

    @Override
    public CompletionStage<Void> unlink() {
        return CompletableFuture.runAsync(this::unlinkUntilLoggedOut, sendThread);
    }

    /**
     * An unlink that is lost leaves the device on the owner's phone, so it is not fire-and-forget:
     * it waits out a reconnect in progress, and completes only when the network has ended the
     * stream (logged out); a connection that drops before that sends it again on the next one.
     */
    private void unlinkUntilLoggedOut() {
        long deadline = System.nanoTime() + settings.requestTimeout().toNanos();
        CompletableFuture<Void> over = loggedOut;
        while (state != ConnectionState.LOGGED_OUT) {
            if (state == ConnectionState.CLOSED) {
                throw new ClientException(ClientException.Kind.NOT_CONNECTED, "closed before the network confirmed the unlink");
            }
            if (System.nanoTime() > deadline) {
                throw new ClientException(ClientException.Kind.TIMED_OUT, "the network did not confirm the unlink in time");
            }
            if (state == ConnectionState.CONNECTED) {
                try {
                    sendNow(Stanza.builder(StanzaType.UNLINK, "unlink").text(StanzaField.REASON, "unlinked").build());
                    over.get(Math.min(2_000, settings.requestTimeout().toMillis()), TimeUnit.MILLISECONDS);
                } catch (ClientException | java.util.concurrent.TimeoutException e) {
                    // dropped meanwhile, or no answer yet: try again on the connection we have then
                } catch (java.util.concurrent.ExecutionException e) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ClientException(ClientException.Kind.NOT_CONNECTED, "interrupted while unlinking");
                }
            } else {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ClientException(ClientException.Kind.NOT_CONNECTED, "interrupted while unlinking");
                }
            }
        }
    }

    @Override
    public CompletionStage<Void> sendReceipt(DeviceAddress sender, Receipt.Kind kind, List<String> messageIds) {
        return CompletableFuture.runAsync(() -> {
            String id = "receipt-" + stanzaCounter.incrementAndGet() + "-" + Long.toHexString(random.nextLong());
            CompletableFuture<Stanza> ack = answers.expectAck(id);
            sendNow(Stanza.builder(StanzaType.RECEIPT, id)
                    .text(StanzaField.ACCOUNT, sender.account())
                    .number(StanzaField.DEVICE, sender.device())
                    .text(StanzaField.RECEIPT_KIND, kind == Receipt.Kind.READ ? "read" : "delivered")
                    .texts(StanzaField.MESSAGE_IDS, messageIds)
                    .build());
            answers.await(id, ack, settings.requestTimeout());
        }, sendThread);
    }

    private void sendNow(Stanza stanza) {
        ServerConnection current = connection;
        if (current == null || state != ConnectionState.CONNECTED) {
            throw new ClientException(ClientException.Kind.NOT_CONNECTED, "not connected to the network");
        }
        current.send(stanza);
    }

    // ------------------------------------------------------------------ linking

    @Override
    public Flow.Publisher<String> linkByQr() {
        // Cold: the attempt starts when someone subscribes, so the first QR text cannot be
        // published before anybody listens (a publisher drops what nobody subscribed to).
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<LinkAttempt> attempt = new java.util.concurrent.atomic.AtomicReference<>();
        return subscriber -> {
            if (started.compareAndSet(false, true)) {
                LinkAttempt created = prepareLinking(LinkAttempt.Method.QR, null);
                attempt.set(created);
                created.qrTexts().subscribe(subscriber);
                openLinking(created);
            } else {
                attempt.get().qrTexts().subscribe(subscriber);
            }
        };
    }

    @Override
    public CompletionStage<String> linkByPairingCode(String phoneNumber) {
        return startLinking(LinkAttempt.Method.PAIRING_CODE, Objects.requireNonNull(phoneNumber)).code();
    }

    /** The state of the current (or last) link attempt, for showing progress; empty if none was started. */
    public java.util.Optional<com.teaminbox.bridge.linking.CompanionLinkingState> linkingState() {
        LinkAttempt attempt = linkAttempt;
        return attempt == null ? java.util.Optional.empty() : java.util.Optional.of(attempt.state());
    }

    /** Completes once the current link attempt linked this device, after which it logs in by itself. */
    public CompletionStage<LinkedDevice> linkOutcome() {
        LinkAttempt attempt = linkAttempt;
        if (attempt == null) {
            throw new IllegalStateException("no link attempt was started");
        }
        return attempt.outcome();
    }

    private LinkAttempt startLinking(LinkAttempt.Method method, String phoneNumber) {
        LinkAttempt attempt = prepareLinking(method, phoneNumber);
        openLinking(attempt);
        return attempt;
    }

    private LinkAttempt prepareLinking(LinkAttempt.Method method, String phoneNumber) {
        if (registration.address().isPresent()) {
            throw new IllegalStateException("this device is already linked as " + registration.address().get());
        }
        SignalProtocolStore store = registration.store();
        IdentityKeyPair identity = store.identityKeyPair();
        CompanionKeys keys = new CompanionKeys(registration.noiseKey(),
                new X25519KeyPair(identity.publicKey().publicKey(), identity.privateKey()), registration.platform());
        LinkAttempt attempt = new LinkAttempt(method, new CompanionLinking(keys, random), phoneNumber, this::sendWhileLinking);
        linkAttempt = attempt;
        attempt.outcome().whenCompleteAsync((device, error) -> linkingEnded(device), eventThread);
        return attempt;
    }

    private void openLinking(LinkAttempt attempt) {
        SignalProtocolStore store = registration.store();
        IdentityKeyPair identity = store.identityKeyPair();
        SignedPreKeyRecord signed = store.loadSignedPreKeys().stream()
                .max(Comparator.comparingLong(SignedPreKeyRecord::timestamp))
                .orElseThrow(() -> new IllegalStateException("the device has no signed prekey"));
        Stanza request = Stanza.builder(StanzaType.LINK_REQUEST, "link")
                .bytes(StanzaField.IDENTITY_KEY, identity.publicKey().publicKey())
                .bytes(StanzaField.NOISE_KEY, registration.noiseKey().publicKey())
                .number(StanzaField.REGISTRATION_ID, store.localRegistrationId())
                .number(StanzaField.SIGNED_PREKEY_ID, signed.id())
                .bytes(StanzaField.SIGNED_PREKEY, signed.publicKey())
                .bytes(StanzaField.SIGNED_PREKEY_SIGNATURE, signed.signature())
                .text(StanzaField.PLATFORM, registration.platform())
                .build();
        changeState(ConnectionState.LINKING);
        ServerConnection.open(http, settings, registration.noiseKey(), request, eventThread, handler(), random)
                .whenCompleteAsync((opened, error) -> {
                    if (error != null) {
                        attempt.serverEnded("could not connect: " + rootMessage(error), settings.clock().instant());
                        changeState(ConnectionState.CLOSED);
                    } else {
                        connection = opened;
                    }
                }, eventThread);
        long tick = settings.qrTick().toMillis();
        qrTicker = timer.scheduleAtFixedRate(() -> eventThread.execute(() -> attempt.tick(settings.clock().instant())),
                tick, tick, TimeUnit.MILLISECONDS);
    }

    private void sendWhileLinking(Stanza stanza) {
        ServerConnection current = connection;
        if (current != null) {
            current.send(stanza);
        }
    }

    private void linkingEnded(LinkedDevice device) {
        if (qrTicker != null) {
            qrTicker.cancel(false);
            qrTicker = null;
        }
        ServerConnection linkingConnection = connection;
        connection = null;
        if (linkingConnection != null) {
            linkingConnection.close();
        }
        if (device == null) {
            changeState(ConnectionState.CLOSED);
            return;
        }
        DeviceAddress self = new DeviceAddress(device.accountId(), device.deviceId());
        registration.linkedAs(self);
        registration.store().saveIdentity(new SignalAddress(device.accountId(), SignalAddress.PRIMARY_DEVICE_ID),
                new IdentityKey(device.primaryIdentityPublicKey()));
        events.linked(device);
        changeState(ConnectionState.CLOSED);
        connect(); // "restart required": log in as the new device
    }

    // ------------------------------------------------------------------ lifecycle

    private void changeState(ConnectionState newState) {
        changeState(newState, null);
    }

    private void changeState(ConnectionState newState, String why) {
        if (state != newState) {
            state = newState;
            events.connectionChanged(newState, why);
        }
    }

    @Override
    public synchronized void close() {
        if (eventThread.isShutdown()) {
            return; // closed already
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        eventThread.execute(() -> {
            stopTimers();
            state = ConnectionState.CLOSED;
            ServerConnection current = connection;
            connection = null;
            if (current != null) {
                current.close();
            }
            answers.failAll("closed");
            done.complete(null);
        });
        try {
            done.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        timer.shutdownNow();
        sendThread.shutdownNow();
        eventThread.shutdown();
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @Override
    public String toString() {
        return "NetworkDeviceClient[" + registration + ", " + state + "]";
    }
}
