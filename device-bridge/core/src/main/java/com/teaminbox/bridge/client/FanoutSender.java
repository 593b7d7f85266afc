package com.teaminbox.bridge.client;

import com.teaminbox.bridge.fanout.DeviceList;
import com.teaminbox.bridge.fanout.DeviceListHash;
import com.teaminbox.bridge.fanout.FanoutEncryptor;
import com.teaminbox.bridge.fanout.FanoutMessage;
import com.teaminbox.bridge.fanout.MessageContent;
import com.teaminbox.bridge.signal.IdentityKey;
import com.teaminbox.bridge.signal.InvalidKeyException;
import com.teaminbox.bridge.signal.PreKeyBundle;
import com.teaminbox.bridge.signal.PreKeySignalMessage;
import com.teaminbox.bridge.signal.SignalAddress;
import com.teaminbox.bridge.signal.SignalProtocolStore;
import com.teaminbox.bridge.signal.UntrustedIdentityException;
import com.teaminbox.bridge.stanza.CiphertextKind;
import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.bridge.stanza.DeviceCiphertext;
import com.teaminbox.bridge.stanza.OneTimePreKey;
import com.teaminbox.bridge.stanza.Stanza;
import com.teaminbox.bridge.stanza.StanzaField;
import com.teaminbox.bridge.stanza.StanzaType;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The sending half of fan-out over the network: fetch bundles for devices without a session,
 * encrypt once per device, send, and when the server's ack says the device lists were stale
 * (the notices with the current lists arrive just before that ack) send to the devices that
 * were missed, under the same message id. Runs on the client's sending thread and blocks on the
 * server's answers.
 */
final class FanoutSender {

    /** One refresh is normal (first message to a contact); more means the lists keep changing. */
    private static final int MAX_ROUNDS = 3;

    private final SignalProtocolStore store;
    private final SignalAddress self;
    private final KnownDeviceLists lists;
    private final PendingAnswers answers;
    private final Consumer<Stanza> wire;
    private final Duration timeout;
    private final SecureRandom random;
    private final AtomicLong fetchCounter = new AtomicLong();

    FanoutSender(SignalProtocolStore store, DeviceAddress self, KnownDeviceLists lists, PendingAnswers answers,
                 Consumer<Stanza> wire, Duration timeout, SecureRandom random) {
        this.store = store;
        this.self = new SignalAddress(self.account(), self.device());
        this.lists = lists;
        this.answers = answers;
        this.wire = wire;
        this.timeout = timeout;
        this.random = random;
    }

    void send(String messageId, String recipient, MessageContent content)
            throws UntrustedIdentityException, InvalidKeyException {
        Set<SignalAddress> done = new HashSet<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            DeviceList recipientList = lists.of(recipient);
            DeviceList ownList = lists.of(self.user());
            List<SignalAddress> all = new ArrayList<>(recipientList.addresses());
            ownList.addresses().stream().filter(a -> !a.equals(self)).forEach(all::add);
            DeviceList recipientTodo = remaining(recipientList, done);
            DeviceList ownTodo = remaining(ownList, done);
            Map<SignalAddress, PreKeyBundle> bundles = fetchBundlesFor(all.stream()
                    .filter(a -> !done.contains(a) && !store.containsSession(a)).toList());
            FanoutMessage fanout = new FanoutEncryptor(store, self, device -> Optional.ofNullable(bundles.get(device)),
                    random).encrypt(content, recipientTodo, ownTodo);
            // The hash covers every device we mean to reach, not just this round's remainder.
            DeviceListHash hash = DeviceListHash.of(all);
            Stanza stanza = Stanza.builder(StanzaType.MESSAGE, messageId)
                    .text(StanzaField.ACCOUNT, recipient)
                    .ciphertexts(StanzaField.CIPHERTEXTS, fanout.ciphertexts().stream().map(FanoutSender::onWire).toList())
                    .bytes(StanzaField.DEVICE_LIST_HASH, hash.value())
                    .build();
            CompletableFuture<Stanza> ack = answers.expectAck(messageId);
            wire.accept(stanza);
            Stanza answer = answers.await(messageId, ack, timeout);
            fanout.ciphertexts().forEach(c -> done.add(c.device()));
            if (!answer.flag(StanzaField.DEVICE_LIST_CHANGED)) {
                return;
            }
        }
        throw new ClientException(ClientException.Kind.REFUSED,
                "the device lists of " + recipient + " kept changing while sending " + messageId);
    }

    /** Encrypts each history chunk for one companion of the own account and sends it; the primary's job. */
    void sendHistory(DeviceAddress companion, List<com.teaminbox.bridge.fanout.HistoryChunk> chunks)
            throws UntrustedIdentityException, InvalidKeyException {
        SignalAddress target = new SignalAddress(companion.account(), companion.device());
        if (!target.user().equals(self.user()) || target.deviceId() == SignalAddress.PRIMARY_DEVICE_ID) {
            throw new IllegalArgumentException("history goes to a companion of the own account, not " + companion);
        }
        if (!store.containsSession(target)) {
            PreKeyBundle bundle = fetchBundlesFor(List.of(target)).get(target);
            if (bundle == null) {
                throw new ClientException(ClientException.Kind.REFUSED, companion + " has no keys on the network");
            }
            new com.teaminbox.bridge.signal.SessionBuilder(store, target, random).process(bundle);
        }
        for (com.teaminbox.bridge.fanout.HistoryChunk chunk : chunks) {
            com.teaminbox.bridge.signal.CiphertextMessage encrypted;
            try {
                encrypted = new com.teaminbox.bridge.signal.SessionCipher(store, target, random)
                        .encrypt(com.teaminbox.bridge.fanout.ContentFormat.encode(chunk));
            } catch (com.teaminbox.bridge.signal.NoSessionException e) {
                throw new IllegalStateException("the session with " + target + " was built just before", e);
            }
            String id = "history-" + fetchCounter.incrementAndGet() + "-" + Long.toHexString(random.nextLong());
            CiphertextKind kind = encrypted instanceof PreKeySignalMessage ? CiphertextKind.PREKEY_MESSAGE
                    : CiphertextKind.MESSAGE;
            CompletableFuture<Stanza> ack = answers.expectAck(id);
            wire.accept(Stanza.builder(StanzaType.HISTORY_SYNC, id)
                    .ciphertexts(StanzaField.CIPHERTEXTS, List.of(new DeviceCiphertext(companion, kind, encrypted.serialize())))
                    .build());
            answers.await(id, ack, timeout);
        }
    }

    private static DeviceList remaining(DeviceList list, Set<SignalAddress> done) {
        return new DeviceList(list.user(), list.addresses().stream().filter(a -> !done.contains(a))
                .map(SignalAddress::deviceId).toList());
    }

    private Map<SignalAddress, PreKeyBundle> fetchBundlesFor(List<SignalAddress> devices) {
        Map<SignalAddress, PreKeyBundle> bundles = new HashMap<>();
        if (devices.isEmpty()) {
            return bundles;
        }
        String id = "fetch-" + fetchCounter.incrementAndGet() + "-" + Long.toHexString(random.nextLong());
        CompletableFuture<Stanza> ack = answers.expectAck(id);
        wire.accept(Stanza.builder(StanzaType.PREKEY_FETCH, id)
                .devices(StanzaField.DEVICES, devices.stream().map(a -> new DeviceAddress(a.user(), a.deviceId())).toList())
                .build());
        answers.await(id, ack, timeout);
        for (Stanza bundle : answers.takeBundles(id)) {
            bundles.put(new SignalAddress(bundle.text(StanzaField.ACCOUNT), (int) bundle.number(StanzaField.DEVICE)),
                    toBundle(bundle));
        }
        return bundles;
    }

    static PreKeyBundle toBundle(Stanza bundle) {
        List<OneTimePreKey> oneTime = bundle.has(StanzaField.PREKEYS) ? bundle.preKeys(StanzaField.PREKEYS) : List.of();
        OneTimePreKey preKey = oneTime.isEmpty() ? null : oneTime.get(0);
        return new PreKeyBundle((int) bundle.number(StanzaField.REGISTRATION_ID), (int) bundle.number(StanzaField.DEVICE),
                preKey == null ? OptionalInt.empty() : OptionalInt.of(preKey.id()),
                preKey == null ? null : preKey.publicKey(),
                (int) bundle.number(StanzaField.SIGNED_PREKEY_ID), bundle.bytes(StanzaField.SIGNED_PREKEY),
                bundle.bytes(StanzaField.SIGNED_PREKEY_SIGNATURE), new IdentityKey(bundle.bytes(StanzaField.IDENTITY_KEY)));
    }

    private static DeviceCiphertext onWire(com.teaminbox.bridge.fanout.DeviceCiphertext copy) {
        CiphertextKind kind = copy.message() instanceof PreKeySignalMessage ? CiphertextKind.PREKEY_MESSAGE
                : CiphertextKind.MESSAGE;
        return new DeviceCiphertext(new DeviceAddress(copy.device().user(), copy.device().deviceId()), kind,
                copy.message().serialize());
    }
}
