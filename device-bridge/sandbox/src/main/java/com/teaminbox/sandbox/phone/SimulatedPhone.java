package com.teaminbox.sandbox.phone;

import com.teaminbox.bridge.client.ClientSettings;
import com.teaminbox.bridge.client.DeviceEvents;
import com.teaminbox.bridge.client.OutgoingMessage;
import com.teaminbox.bridge.client.ReceivedMessage;
import com.teaminbox.bridge.client.Receipt;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.fanout.HistoryChunk;
import com.teaminbox.bridge.fanout.HistoryEntry;
import com.teaminbox.bridge.fanout.MessageContent;
import com.teaminbox.bridge.linking.InvalidQrCodeException;
import com.teaminbox.bridge.linking.KeyIndexList;
import com.teaminbox.bridge.linking.LinkingException;
import com.teaminbox.bridge.linking.PrimaryHello;
import com.teaminbox.bridge.linking.PrimaryLinking;
import com.teaminbox.bridge.linking.QrCode;
import com.teaminbox.bridge.signal.IdentityKeyPair;
import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.bridge.stanza.Stanza;
import com.teaminbox.bridge.stanza.StanzaField;
import com.teaminbox.bridge.stanza.StanzaType;
import com.teaminbox.sandbox.account.Account;
import com.teaminbox.sandbox.account.RegisteredDevice;
import com.teaminbox.sandbox.clock.SandboxClock;
import com.teaminbox.sandbox.linking.LinkRefusedException;
import com.teaminbox.sandbox.linking.LinkingSession;
import com.teaminbox.sandbox.server.Switchboard;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The business owner's phone: device 0 of the business account, with its real identity key. It
 * approves companions (QR scan or typed pairing code), lists and unlinks them, sends to
 * customers as the owner, reads chats, and can be taken offline or "used" (which is what keeps
 * the 14-day rule away). The approval reaches the network through the switchboard directly; the
 * companion's side of it is exactly the protocol's.
 */
public final class SimulatedPhone {

    private static final System.Logger LOG = System.getLogger(SimulatedPhone.class.getName());

    /** How many recent messages per chat a newly linked companion gets as history. */
    static final int HISTORY_PER_CHAT = 20;

    /** How long the phone waits for the companion's key bundle after a typed code. */
    private static final Duration CODE_EXCHANGE_TIMEOUT = Duration.ofSeconds(10);

    private final String phoneNumber;
    private final Switchboard switchboard;
    private final SandboxClock clock;
    private final SimulatedDevice device;
    private final PrimaryLinking linking;
    private final ClientSettings settings;
    private final SecureRandom random;
    /** What the owner wrote from the phone itself; the inbox holds what others wrote. */
    /** The automatic reply to every customer message, or null when the owner answers by hand. */
    private volatile String autoReply;
    /** Replies go out off the client's event thread, which must stay free to deliver the acks. */
    private final java.util.concurrent.ExecutorService replier = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "phone-auto-reply");
        thread.setDaemon(true);
        return thread;
    });
    private final List<MessageContent> sentFromPhone = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SimulatedPhone(String phoneNumber, Switchboard switchboard, SandboxClock clock, SimulatedDevice device,
                           ClientSettings settings, SecureRandom random) {
        this(phoneNumber, switchboard, clock, device, settings, random,
                new KeyIndexList(phoneNumber, clock.instant().getEpochSecond(), List.of()));
    }

    private SimulatedPhone(String phoneNumber, Switchboard switchboard, SandboxClock clock, SimulatedDevice device,
                           ClientSettings settings, SecureRandom random, KeyIndexList keyIndexes) {
        this.phoneNumber = phoneNumber;
        this.switchboard = switchboard;
        this.clock = clock;
        this.device = device;
        this.settings = settings;
        this.random = random;
        IdentityKeyPair identity = device.identity();
        this.linking = new PrimaryLinking(phoneNumber,
                new X25519KeyPair(identity.publicKey().publicKey(), identity.privateKey()),
                keyIndexes, random);
        switchboard.onLinked(this::companionLinked);
    }

    /**
     * The phone as it was when the sandbox last stopped. The network never removes a primary, so
     * only a directory that lost the account (accounts.json deleted) leaves the phone out.
     */
    public static Optional<SimulatedPhone> restore(SimulatedDeviceRecord record, KeyIndexList keyIndexes,
                                                   Switchboard switchboard, SandboxClock clock,
                                                   ClientSettings settings, SecureRandom random) {
        if (switchboard.directory().device(new DeviceAddress(record.account(), 0)).isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "the business phone {0} is not known to the network any more; left "
                    + "out of the simulation", record.account());
            return Optional.empty();
        }
        SimulatedPhone phone = new SimulatedPhone(record.account(), switchboard, clock,
                SimulatedDevice.restore(record, random), settings, random, keyIndexes);
        phone.goOnline();
        return Optional.of(phone);
    }

    /** The signed list of valid key indexes, which the phone needs to unlink devices after a restart. */
    public KeyIndexList keyIndexes() {
        synchronized (this) {
            return linking.keyIndexes();
        }
    }

    /** Registers the business account with this phone as its device 0 and brings the phone online. */
    public static SimulatedPhone register(String phoneNumber, String businessName, Switchboard switchboard,
                                          SandboxClock clock, ClientSettings settings, SecureRandom random) {
        SimulatedDevice device = new SimulatedDevice(new DeviceAddress(phoneNumber, 0), "phone", random, clock.millis());
        switchboard.register(phoneNumber, businessName, true, device.registration(clock.millis()));
        SimulatedPhone phone = new SimulatedPhone(phoneNumber, switchboard, clock, device, settings, random);
        phone.goOnline();
        return phone;
    }

    public String phoneNumber() {
        return phoneNumber;
    }

    public SimulatedDevice device() {
        return device;
    }

    // ------------------------------------------------------------------ linking

    /** The owner scanned the QR code shown by a companion. */
    public synchronized int scanQr(String qrText) throws PhoneException {
        QrCode qr;
        try {
            qr = QrCode.parse(qrText);
        } catch (InvalidQrCodeException e) {
            throw new PhoneException("invalid-qr-code", "this is not a link QR code: " + e.getMessage(), e);
        }
        LinkingSession session = switchboard.linkingByQrRef(qr.ref())
                .orElseThrow(() -> new PhoneException("qr-code-expired", "this QR code expired; scan the current one"));
        if (!MessageDigest.isEqual(qr.noisePublicKey(), session.request().noiseKey())) {
            throw new PhoneException("qr-code-mismatch", "the QR code does not belong to the device that showed it");
        }
        Instant now = clock.instant();
        return approve(session, id -> linking.approveQr(qrText, id, now));
    }

    /**
     * The owner typed the code shown on a companion. A wrong code fails here, clearly; the
     * network ends the attempt after a few wrong codes.
     */
    public synchronized int enterPairingCode(String typedCode) throws PhoneException {
        LinkingSession session = switchboard.linkingByCode(phoneNumber)
                .orElseThrow(() -> new PhoneException("no-pairing-request", "no device is waiting for a pairing code"));
        PrimaryHello hello;
        try {
            hello = linking.enterPairingCode(typedCode, session.wrappedKey());
        } catch (LinkingException e) {
            throw new PhoneException(e.kind().code(), "this is not a pairing code: " + e.getMessage(), e);
        }
        var bundle = session.awaitKeyBundle();
        switchboard.sendToLinking(session, Stanza.builder(StanzaType.PAIR_CODE_PRIMARY_HELLO, "pair-code")
                .text(StanzaField.REF, session.codeRef())
                .bytes(StanzaField.WRAPPED_KEY, hello.wrappedEphemeralKey())
                .bytes(StanzaField.IDENTITY_KEY, hello.identityPublicKey())
                .build());
        byte[] keyBundle;
        try {
            keyBundle = bundle.get(CODE_EXCHANGE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new PhoneException("companion-silent", "the device did not answer; is it still showing the code?");
        } catch (Exception e) {
            throw new PhoneException("companion-silent", "the device did not answer: " + e.getMessage(), e);
        }
        Instant now = clock.instant();
        try {
            return approve(session, id -> linking.onCompanionFinish(keyBundle, id, now));
        } catch (PhoneException e) {
            if (!e.reason().equals(LinkingException.Kind.WRONG_PAIRING_CODE.code())) {
                throw e;
            }
            int wrong = switchboard.wrongPairingCode(session);
            int max = switchboard.maxWrongPairingCodes();
            throw new PhoneException("wrong-pairing-code", "the code does not match the one shown on the device ("
                    + wrong + " of " + max + " attempts" + (wrong >= max ? "; the device must ask for a new code)" : ")"));
        }
    }

    private int approve(LinkingSession session, com.teaminbox.sandbox.linking.LinkSigner signer) throws PhoneException {
        try {
            switchboard.approve(phoneNumber, session, signer);
            switchboard.primaryUsed(phoneNumber);
            return session.approval().details().deviceId();
        } catch (LinkRefusedException e) {
            throw new PhoneException(e.reason(), e.getMessage(), e);
        } catch (LinkingException e) {
            throw new PhoneException(e.kind().code(), e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ linked devices

    public List<LinkedDeviceView> linkedDevices() {
        Account account = switchboard.directory().find(phoneNumber).orElseThrow();
        return account.companions().stream().map(d -> new LinkedDeviceView(d.id(), d.platform(),
                Instant.ofEpochMilli(d.lastSeenMillis()),
                switchboard.isOnline(new DeviceAddress(phoneNumber, d.id())))).toList();
    }

    /** "Log out" on a linked device: a new signed key-index list without it, and the network removes it. */
    public synchronized void unlink(int deviceId) throws PhoneException {
        RegisteredDevice companion = switchboard.directory().find(phoneNumber).flatMap(a -> a.device(deviceId))
                .filter(d -> d.id() != 0)
                .orElseThrow(() -> new PhoneException("no-such-device", "no linked device " + deviceId));
        byte[] list = linking.unlink(companion.keyIndex(), clock.instant()).encode();
        switchboard.directory().keyIndexListSigned(phoneNumber, list);
        switchboard.removeDevice(new DeviceAddress(phoneNumber, deviceId), "unlinked");
        switchboard.primaryUsed(phoneNumber);
    }

    // ------------------------------------------------------------------ chatting

    /** The owner writes to a customer from the phone; companions get it as "sent by me". */
    public String send(String customer, String text) throws PhoneException {
        String id = "phone-" + HexFormat.of().formatHex(randomBytes());
        try {
            device.client().send(new OutgoingMessage(id, customer, text.getBytes(StandardCharsets.UTF_8)))
                    .toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (IllegalStateException e) {
            throw new PhoneException("phone-offline", "the phone is offline", e);
        } catch (Exception e) {
            throw new PhoneException("send-failed", "could not send: " + e.getMessage(), e);
        }
        sentFromPhone.add(MessageContent.text(id, customer, clock.millis(), text));
        return id;
    }

    /** The owner opened the chat: read receipts from device 0 (which companions see as primary activity). */
    public void readChat(String customer) throws PhoneException {
        List<ReceivedMessage> unread = device.inbox().stream()
                .filter(m -> !m.sentByMe() && m.sender().account().equals(customer)).toList();
        if (unread.isEmpty()) {
            switchboard.primaryUsed(phoneNumber);
            return;
        }
        try {
            device.client().sendReceipt(unread.get(unread.size() - 1).sender(), Receipt.Kind.READ,
                    unread.stream().map(m -> m.content().messageId()).toList()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new PhoneException("send-failed", "could not send the read receipt: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ history bundle

    /**
     * A companion of this account just linked: like the real phone, send it the recent past of
     * each chat. Handed to the client's sending thread, which waits for the network's answers off
     * the switchboard's thread, and so goes out before anything the phone sends after the link.
     */
    private void companionLinked(DeviceAddress companion) {
        if (!companion.account().equals(phoneNumber) || !isOnline()) {
            return;
        }
        List<HistoryChunk> chunks = historyChunks();
        if (chunks.isEmpty()) {
            return; // nothing happened yet: nothing to tell
        }
        device.client().sendHistory(companion, chunks).whenComplete((sent, error) -> {
            if (error != null) {
                LOG.log(System.Logger.Level.WARNING, "could not send the history to {0}: {1}", companion, error.toString());
            }
        });
    }

    /** One chunk per chat, the last {@value #HISTORY_PER_CHAT} messages each, oldest first. */
    List<HistoryChunk> historyChunks() {
        java.util.Map<String, List<HistoryEntry>> byChat = new java.util.TreeMap<>();
        for (ReceivedMessage m : device.inbox()) {
            MessageContent c = m.content();
            byChat.computeIfAbsent(m.chat(), k -> new java.util.ArrayList<>()).add(new HistoryEntry(m.sentByMe(),
                    new MessageContent(c.messageId(), m.chat(), c.timestampMillis(), c.text(), c.media())));
        }
        for (MessageContent c : sentFromPhone) {
            byChat.computeIfAbsent(c.chatUser(), k -> new java.util.ArrayList<>()).add(new HistoryEntry(true, c));
        }
        List<HistoryChunk> chunks = new java.util.ArrayList<>();
        int done = 0;
        for (List<HistoryEntry> chat : byChat.values()) {
            chat.sort(java.util.Comparator.comparingLong(e -> e.content().timestampMillis()));
            done++;
            chunks.add(new HistoryChunk(done * 100 / byChat.size(),
                    chat.subList(Math.max(0, chat.size() - HISTORY_PER_CHAT), chat.size())));
        }
        return chunks;
    }

    public List<ReceivedMessage> messages() {
        return device.inbox();
    }

    /** "Use the phone": any use counts as activity for the 14-day rule. */
    public void use() {
        switchboard.primaryUsed(phoneNumber);
    }

    public void goOnline() {
        device.goOnline(settings, new DeviceEvents() {
            @Override
            public void messageDecrypted(ReceivedMessage message) {
                String reply = autoReply;
                if (reply != null && !message.sentByMe()) {
                    replier.execute(() -> replyAutomatically(message.chat(), reply));
                }
            }
        });
    }

    /** Answers every customer message with {@code text} (as a load run's business would); null stops it. */
    public void autoReply(String text) {
        autoReply = text;
    }

    private void replyAutomatically(String customer, String text) {
        try {
            send(customer, text);
        } catch (PhoneException e) {
            LOG.log(System.Logger.Level.WARNING, "automatic reply to {0} failed: {1}", customer, e.getMessage());
        }
    }

    public void goOffline() {
        device.goOffline();
    }

    public boolean isOnline() {
        return device.isOnline();
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "SimulatedPhone[" + phoneNumber + (isOnline() ? ", online" : ", offline") + "]";
    }
}
