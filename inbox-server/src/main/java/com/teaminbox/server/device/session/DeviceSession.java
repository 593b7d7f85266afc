package com.teaminbox.server.device.session;

import com.teaminbox.bridge.client.ConnectionState;
import com.teaminbox.bridge.client.DeviceEvents;
import com.teaminbox.bridge.client.DeviceRegistration;
import com.teaminbox.bridge.client.LogoutReason;
import com.teaminbox.bridge.client.NetworkDeviceClient;
import com.teaminbox.bridge.client.OutgoingMessage;
import com.teaminbox.bridge.client.PrimaryActivity;
import com.teaminbox.bridge.client.Receipt;
import com.teaminbox.bridge.client.ReceivedMessage;
import com.teaminbox.bridge.fanout.MediaReference;
import com.teaminbox.bridge.fanout.MessageContent;
import com.teaminbox.bridge.linking.LinkedDevice;
import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.server.conversation.InboundMessage;
import com.teaminbox.server.conversation.IngestOutcome;
import com.teaminbox.server.conversation.OwnMessage;
import com.teaminbox.server.device.keys.PendingKeyWrites;
import com.teaminbox.server.device.keys.StoredDeviceKeys;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One linked (or linking) companion device of one agent, connected to the network through a
 * device-bridge client. It turns what the client hears into inbox changes:
 * <ul>
 *   <li>a decrypted message is stored (once per account, whichever companion is first) and the
 *       ratchet change is written in the same transaction; only then does the listener return,
 *       which is when the client acknowledges the delivery to the network;</li>
 *   <li>connection changes become device state transitions with their reason;</li>
 *   <li>receipts move outbound messages along pending → sent → delivered → read;</li>
 *   <li>every sign of the primary phone in use (and the phone's approval of the link) is
 *       recorded for the 14-day countdown.</li>
 * </ul>
 */
final class DeviceSession implements DeviceEvents {

    private static final Logger LOG = Logger.getLogger(DeviceSession.class.getName());

    private final long deviceId;
    private final long accountId;
    private final StoredDeviceKeys keys;
    private final SessionServices services;
    private final NetworkDeviceClient client;
    private volatile Integer historyPercent;
    private final java.util.concurrent.atomic.AtomicLong messagesIn = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean closed;

    DeviceSession(long deviceId, long accountId, StoredDeviceKeys keys, DeviceAddress address, String platform,
                  SessionServices services) {
        this.deviceId = deviceId;
        this.accountId = accountId;
        this.keys = keys;
        this.services = services;
        DeviceRegistration registration = new DeviceRegistration(keys.noiseKey(), keys.store(), platform, address);
        this.client = new NetworkDeviceClient(services.network().clientSettings(), registration,
                services.contextual(this), new SecureRandom());
    }

    long deviceId() {
        return deviceId;
    }

    long accountId() {
        return accountId;
    }

    boolean isConnected() {
        return client.state() == ConnectionState.CONNECTED;
    }

    ConnectionState connectionState() {
        return client.state();
    }

    /** How linking goes; empty if this session never linked (it resumed a linked device). */
    java.util.Optional<LinkProgress> linkProgress() {
        return client.linkingState().map(state -> LinkProgress.of(state, historyPercent, isConnected()));
    }

    /** Copies received since the last call (for the device's "messages in" count). */
    long takeMessagesIn() {
        return messagesIn.getAndSet(0);
    }

    void connect() {
        client.connect();
    }

    /** A link that fails gives its slot back; the reason is kept as the device's last transition. */
    private void watchLinkOutcome() {
        client.linkOutcome().whenComplete((device, failure) -> {
            if (failure != null && !closed) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                String sentence = cause instanceof com.teaminbox.bridge.linking.LinkingException linking
                        ? LinkProgress.explain(linking.kind(), linking.getMessage())
                        : "The link attempt ended: " + cause.getMessage();
                services.sessions().linkFailed(deviceId, sentence);
            }
        });
    }

    /** Starts linking by QR; {@link #linkProgress()} shows the current QR text as refs rotate. */
    void linkByQr() {
        client.linkByQr().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE); // the texts are read from the linking state
            }

            @Override
            public void onNext(String qr) {
            }

            @Override
            public void onError(Throwable failure) {
                LOG.info(() -> "Device " + deviceId + ": link attempt ended: " + failure.getMessage());
            }

            @Override
            public void onComplete() {
            }
        });
        watchLinkOutcome();
    }

    CompletionStage<String> linkByPairingCode(String phoneNumber) {
        CompletionStage<String> code = client.linkByPairingCode(phoneNumber);
        watchLinkOutcome();
        return code;
    }

    /** Encrypts and sends a reply; completes when the network has taken it. */
    CompletionStage<Void> send(String networkMessageId, String contactPhone, String text) {
        return client.send(new OutgoingMessage(networkMessageId, contactPhone, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Sends an attachment already on the media host, with its caption; completes when the network has taken it. */
    CompletionStage<Void> sendMedia(String networkMessageId, String contactPhone, String caption, MediaReference media) {
        return client.sendMedia(networkMessageId, contactPhone, caption == null ? "" : caption, media);
    }

    /** Tells the customer's device that its messages reached the business. */
    CompletionStage<Void> acknowledgeDelivery(DeviceAddress customerDevice, List<String> messageIds) {
        return client.sendReceipt(customerDevice, Receipt.Kind.DELIVERED, messageIds);
    }

    /** Writes key changes that no message transaction carried (sending, prekeys, duplicates). */
    void flushKeys() {
        if (!keys.store().pending().isEmpty()) {
            services.vault().flush(keys);
        }
    }

    void close() {
        closed = true;
        client.close();
    }

    /** Tells the network this device leaves the account (an admin revoked it). */
    CompletionStage<Void> unlink() {
        return client.unlink();
    }

    // ------------------------------------------------------------------ what the client hears

    @Override
    public void messageDecrypted(ReceivedMessage message) {
        messagesIn.incrementAndGet();
        MessageContent content = message.content();
        String body = content.text().isBlank() && content.media().isPresent() ? null : content.text();
        com.teaminbox.server.attachment.Attachment media = content.media()
                .map(m -> com.teaminbox.server.attachment.Attachment.of(m, null)).orElse(null);
        Instant sentAt = Instant.ofEpochMilli(content.timestampMillis());
        AtomicReference<PendingKeyWrites> written = new AtomicReference<>();
        Runnable keyChanges = () -> written.set(services.vault().writePending(keys));
        java.util.function.Supplier<IngestOutcome> ingest;
        if (!message.sentByMe()) {
            InboundMessage inbound = new InboundMessage(accountId, content.messageId(), message.chat(), null, body, media,
                    sentAt);
            ingest = () -> services.ingest().ingest(inbound, keyChanges);
        } else {
            Long sendingDevice = message.sender().isPrimary() ? null : services.devices().managedDevice(accountId,
                    message.sender().toString());
            OwnMessage.Origin origin = message.sender().isPrimary() ? OwnMessage.Origin.PHONE
                    : sendingDevice != null ? OwnMessage.Origin.COMPANION : OwnMessage.Origin.OTHER_DEVICE;
            OwnMessage own = new OwnMessage(accountId, content.messageId(), message.chat(), origin, sendingDevice, body,
                    media, sentAt);
            ingest = () -> services.ingest().ingestOwn(own, keyChanges);
        }
        // The first copy on this instance runs the ingest; the account's other companions wait
        // here until it has committed (or run it themselves if it failed), so every device still
        // acknowledges only a stored message.
        IngestClaims.Result result = services.claims().ingestOnce(accountId, content.messageId(), ingest);
        IngestOutcome outcome = result.outcome();
        if (!result.ranIngest()) {
            // Another companion of this instance stored the message and has committed. This
            // device's ratchet change (the step its copy's decryption made) is left to the
            // periodic key flusher, or to this device's next message transaction, whichever
            // comes first, instead of a transaction of its own: the message it belongs to is
            // already stored, so if the inbox stopped before the change is written, nothing is
            // lost. The device would restart from the previous state of a receiving chain,
            // from which the sender's next message still decrypts (the chain is derived
            // forward again); the acknowledged message is not redelivered and not needed.
            return;
        }
        if (outcome.firstCopy()) {
            keys.store().committed(written.get());
            outcome.outOfHoursReply().ifPresent(text -> services.replies().queueAutomaticReply(outcome.conversationId(),
                    deviceId, text));
            if (!message.sentByMe()) {
                acknowledgeDelivery(message.sender(), List.of(content.messageId()));
            }
        } else {
            // A copy on another inbox instance (or a redelivery after the claim was forgotten)
            // stored it first; this transaction rolled back, so the ratchet change is written on its own.
            services.vault().flush(keys);
        }
    }

    @Override
    public void messageUndecryptable(DeviceAddress sender, String reason) {
        LOG.warning(() -> "Device " + deviceId + " could not decrypt a message from " + sender + ": " + reason);
    }

    @Override
    public void receiptReceived(Receipt receipt) {
        services.deliveries().receiptArrived(accountId, receipt.kind(), receipt.messageIds());
    }

    @Override
    public void historyReceived(com.teaminbox.bridge.fanout.HistoryChunk chunk) {
        // The phone's past chats are shown on the phone; the inbox only reports the sync's progress.
        historyPercent = chunk.progressPercent();
    }

    @Override
    public void deviceListChanged(com.teaminbox.bridge.client.DeviceListChange change) {
        services.sessions().deviceListSeen(accountId, change.account(), change.devices());
    }

    @Override
    public void linked(LinkedDevice device) {
        services.vault().flush(keys);
        services.devices().linked(deviceId, device.accountId() + ":" + device.deviceId(), device.platform());
        try {
            // The owner approved the link on the phone: that is primary activity too.
            services.primary().observed(accountId, deviceId, "LINK_APPROVED");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Device " + deviceId + ": could not record the phone's approval as primary activity", e);
        }
    }

    @Override
    public void connectionChanged(ConnectionState state, String reason) {
        if (closed) {
            return;
        }
        try {
            switch (state) {
                case CONNECTED -> services.devices().connected(deviceId);
                case WAITING_TO_RECONNECT -> services.devices().disconnected(deviceId,
                        (reason == null ? "connection to the network lost" : reason) + "; reconnecting");
                default -> {
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Device " + deviceId + ": could not record connection state " + state, e);
        }
    }

    @Override
    public void loggedOut(LogoutReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        services.sessions().loggedOut(deviceId, reason);
    }

    @Override
    public void primaryActive(PrimaryActivity activity) {
        LOG.fine(() -> "Primary phone active (" + activity.source() + ") seen by device " + deviceId);
        try {
            services.primary().observed(accountId, deviceId, activity.source().name());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Device " + deviceId + ": primary activity " + activity.source() + " not recorded", e);
        }
    }

    /** Asks the phone (device 0) for a sign of life; its answer arrives as {@link #primaryActive}. */
    CompletionStage<Void> probePrimary() {
        return client.probePrimary();
    }


    @Override
    public String toString() {
        return "DeviceSession[" + deviceId + ", " + client.state() + "]";
    }
}
