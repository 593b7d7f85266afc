package com.teaminbox.sandbox.server;

import com.teaminbox.bridge.fanout.DeviceListHash;
import com.teaminbox.bridge.linking.DeviceIdentity;
import com.teaminbox.bridge.linking.DeviceIdentityDetails;
import com.teaminbox.bridge.linking.LinkApproval;
import com.teaminbox.bridge.linking.LinkingException;
import com.teaminbox.bridge.linking.SignedDeviceIdentity;
import com.teaminbox.bridge.signal.SignalAddress;
import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.bridge.stanza.DeviceCiphertext;
import com.teaminbox.bridge.stanza.OneTimePreKey;
import com.teaminbox.bridge.stanza.Stanza;
import com.teaminbox.bridge.stanza.StanzaCodec;
import com.teaminbox.bridge.stanza.StanzaField;
import com.teaminbox.bridge.stanza.StanzaFormatException;
import com.teaminbox.bridge.stanza.StanzaType;
import com.teaminbox.sandbox.account.Account;
import com.teaminbox.sandbox.account.AccountDirectory;
import com.teaminbox.sandbox.account.InactivityRules;
import com.teaminbox.sandbox.account.RegisteredDevice;
import com.teaminbox.sandbox.clock.SandboxClock;
import com.teaminbox.sandbox.linking.LinkRefusedException;
import com.teaminbox.sandbox.linking.LinkRequest;
import com.teaminbox.sandbox.linking.LinkSigner;
import com.teaminbox.sandbox.linking.LinkingDesk;
import com.teaminbox.sandbox.linking.LinkingSession;
import com.teaminbox.sandbox.queue.QueueStore;
import com.teaminbox.sandbox.queue.QueuedDelivery;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The network's logic: who is online, logins, fan-out into per-device queues, acks, receipts,
 * prekeys, device-list notices, link completion, removals and the lifecycle rules. One lock for
 * all of it: the sandbox serves a handful of devices, and a single order of events makes its
 * behaviour easy to reason about and to test.
 */
public final class Switchboard {

    private static final System.Logger LOG = System.getLogger(Switchboard.class.getName());
    static final int PREKEY_LOW_THRESHOLD = 10;
    private static final int UNAUTHORIZED = 401;
    private static final int CONFLICT = 440;

    private final SandboxClock clock;
    private final AccountDirectory directory;
    private final QueueStore queues;
    private final LinkingDesk desk;
    private final InactivityRules rules;
    private final int companionLimit;
    private final ScheduledExecutorService timers;
    private final Map<DeviceAddress, DeviceSession> online = new HashMap<>();
    private final Map<DeviceAddress, FaultPlan> faults = new HashMap<>();
    private final Map<DeviceSession, byte[]> heldForReorder = new HashMap<>();
    private final AtomicLong deliveries = new AtomicLong();
    private final String deliveryPrefix;
    private boolean closed;
    private final List<java.util.function.Consumer<DeviceAddress>> linkListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Switchboard(SandboxClock clock, AccountDirectory directory, QueueStore queues, LinkingDesk desk,
                       InactivityRules rules, int companionLimit, ScheduledExecutorService timers) {
        this.clock = clock;
        this.directory = directory;
        this.queues = queues;
        this.desk = desk;
        this.rules = rules;
        this.companionLimit = companionLimit;
        this.timers = timers;
        // Delivery ids stay unique across restarts, so an ack never hits a newer delivery.
        this.deliveryPrefix = "d" + Long.toString(System.currentTimeMillis(), 36) + "-";
    }

    public AccountDirectory directory() {
        return directory;
    }

    public int companionLimit() {
        return companionLimit;
    }

    // ------------------------------------------------------------------ login

    synchronized void loggingIn(DeviceSession session, Stanza login, byte[] remoteStaticKey) {
        if (closed) {
            session.closeQuietly();
            return;
        }
        switch (login.type()) {
            case LOGIN -> logIn(session, new DeviceAddress(login.text(StanzaField.ACCOUNT),
                    (int) login.number(StanzaField.DEVICE)), remoteStaticKey);
            case LINK_REQUEST -> {
                if (!MessageDigest.isEqual(login.bytes(StanzaField.NOISE_KEY), remoteStaticKey)) {
                    session.refuseLogin(UNAUTHORIZED, "noise-key-mismatch");
                    return;
                }
                session.linkingAs(desk.open(session, LinkRequest.from(login), clock.instant()));
            }
            default -> session.refuseLogin(400, "bad-login");
        }
    }

    private void logIn(DeviceSession session, DeviceAddress address, byte[] remoteStaticKey) {
        Optional<Account> account = directory.find(address.account());
        if (account.isPresent() && account.get().wasRemoved(address.device())) {
            session.refuseLogin(UNAUTHORIZED, "device_removed");
            return;
        }
        Optional<RegisteredDevice> device = account.flatMap(a -> a.device(address.device()));
        if (device.isEmpty()) {
            session.refuseLogin(UNAUTHORIZED, "unknown-device");
            return;
        }
        if (!MessageDigest.isEqual(device.get().noiseKey(), remoteStaticKey)) {
            // Only the device's own Noise key proves it is that device.
            session.refuseLogin(UNAUTHORIZED, "wrong-device-key");
            return;
        }
        DeviceSession previous = online.put(address, session);
        if (previous != null && previous != session) {
            previous.end(CONFLICT, "replaced");
        }
        session.loggedInAs(address);
        directory.seen(address, clock.millis());
        session.send(Stanza.builder(StanzaType.LOGIN_SUCCESS, "login")
                .number(StanzaField.TIMESTAMP, clock.instant().getEpochSecond()).build());
        session.send(deviceListNotice(account.get()));
        if (device.get().preKeyCount() < PREKEY_LOW_THRESHOLD) {
            session.send(Stanza.builder(StanzaType.PREKEY_LOW, "prekeys")
                    .number(StanzaField.COUNT, device.get().preKeyCount()).build());
        }
        for (QueuedDelivery waiting : queues.of(address).pending()) {
            deliver(session, address, waiting.encoded());
        }
    }

    synchronized void disconnected(DeviceSession session) {
        DeviceAddress address = session.address();
        if (address != null) {
            online.remove(address, session);
        }
        if (session.linking() != null) {
            desk.forget(session.linking());
        }
        heldForReorder.remove(session);
    }

    // ------------------------------------------------------------------ stanzas

    synchronized void received(DeviceSession session, Stanza stanza) {
        if (closed) {
            return; // shutting down: the next start will take over from the data folder
        }
        DeviceAddress from = session.address();
        if (from == null) {
            receivedWhileLinking(session, stanza);
            return;
        }
        if (online.get(from) != session) {
            return; // a replaced connection that has not closed yet
        }
        directory.seen(from, clock.millis());
        switch (stanza.type()) {
            case MESSAGE -> route(session, from, stanza);
            case MESSAGE_ACK -> queues.of(from).acknowledge(stanza.id());
            case RECEIPT -> relayReceipt(session, from, stanza);
            case PREKEY_UPLOAD -> {
                directory.publishPreKeys(from, (int) stanza.number(StanzaField.REGISTRATION_ID),
                        (int) stanza.number(StanzaField.SIGNED_PREKEY_ID), stanza.bytes(StanzaField.SIGNED_PREKEY),
                        stanza.bytes(StanzaField.SIGNED_PREKEY_SIGNATURE), stanza.preKeys(StanzaField.PREKEYS));
                session.send(ack(stanza.id()).build());
            }
            case PREKEY_FETCH -> handOutBundles(session, stanza);
            case PING -> session.send(Stanza.builder(StanzaType.PONG, stanza.id()).build());
            case UNLINK -> removeDevice(from, "unlinked");
            case PROBE -> relayProbe(session, from, stanza);
            case PROBE_ANSWER -> relayProbeAnswer(session, from, stanza);
            case HISTORY_SYNC -> relayHistory(session, from, stanza);
            default -> LOG.log(System.Logger.Level.DEBUG, "{0} sent an unexpected {1}", from, stanza.type());
        }
    }

    private void receivedWhileLinking(DeviceSession session, Stanza stanza) {
        LinkingSession linking = session.linking();
        if (linking == null) {
            return;
        }
        switch (stanza.type()) {
            case PAIR_CODE_HELLO -> {
                String accountNumber = stanza.text(StanzaField.ACCOUNT);
                if (directory.find(accountNumber).isEmpty()) {
                    desk.close(linking, 404, "no-such-account");
                    return;
                }
                desk.pairingCodeRequested(linking, accountNumber, stanza.bytes(StanzaField.WRAPPED_KEY), stanza.id());
            }
            case PAIR_CODE_FINISH -> desk.keyBundleArrived(linking, stanza.text(StanzaField.REF),
                    stanza.bytes(StanzaField.KEY_BUNDLE));
            case PAIR_DEVICE_SIGN -> completeLink(session, linking, stanza);
            case PING -> session.send(Stanza.builder(StanzaType.PONG, stanza.id()).build());
            default -> LOG.log(System.Logger.Level.DEBUG, "linking companion sent {0}", stanza.type());
        }
    }

    private void route(DeviceSession session, DeviceAddress from, Stanza stanza) {
        String recipient = stanza.text(StanzaField.ACCOUNT);
        Optional<Account> recipientAccount = directory.find(recipient);
        Account own = directory.find(from.account()).orElseThrow();
        if (recipientAccount.isEmpty() || recipient.equals(from.account())) {
            session.send(ack(stanza.id()).build());
            return;
        }
        Set<DeviceAddress> targets = new LinkedHashSet<>(recipientAccount.get().addresses());
        own.addresses().stream().filter(a -> !a.equals(from)).forEach(targets::add);
        long now = clock.instant().getEpochSecond();
        for (DeviceCiphertext copy : stanza.ciphertexts(StanzaField.CIPHERTEXTS)) {
            DeviceAddress target = copy.device();
            if (!targets.contains(target)) {
                continue; // encrypted for a device that is gone: nobody to queue it for
            }
            boolean ownCopy = target.account().equals(from.account());
            queue(target, Stanza.builder(StanzaType.MESSAGE, nextDeliveryId())
                    .text(StanzaField.ACCOUNT, ownCopy ? recipient : from.account())
                    .ciphertexts(StanzaField.CIPHERTEXTS, List.of(copy))
                    .text(StanzaField.SENDER_ACCOUNT, from.account())
                    .number(StanzaField.SENDER_DEVICE, from.device())
                    .number(StanzaField.TIMESTAMP, now)
                    .flag(StanzaField.FROM_OWN_ACCOUNT, ownCopy)
                    .build());
        }
        if (from.isPrimary()) {
            directory.primaryActive(from.account(), clock.millis());
        }
        byte[] current = hash(targets).value();
        boolean stale = !stanza.has(StanzaField.DEVICE_LIST_HASH)
                || !Arrays.equals(current, stanza.bytes(StanzaField.DEVICE_LIST_HASH));
        if (stale) {
            // The notices go first, so the sender has the current lists when it reads the ack.
            session.send(deviceListNotice(recipientAccount.get()));
            session.send(deviceListNotice(own));
        }
        session.send(ack(stanza.id()).flag(StanzaField.DEVICE_LIST_CHANGED, stale)
                .bytes(StanzaField.DEVICE_LIST_HASH, current).build());
    }

    /**
     * The one way to reach the own account's device 0: a companion's probe, queued for the
     * primary like any delivery (so an offline phone answers it when it comes back). Ordinary
     * messages to the own account stay refused in {@link #route}.
     */
    private void relayProbe(DeviceSession session, DeviceAddress from, Stanza stanza) {
        if (!from.isPrimary()) {
            queue(new DeviceAddress(from.account(), 0), Stanza.builder(StanzaType.PROBE, nextDeliveryId())
                    .number(StanzaField.SENDER_DEVICE, from.device())
                    .number(StanzaField.TIMESTAMP, clock.instant().getEpochSecond())
                    .build());
        }
        session.send(ack(stanza.id()).build());
    }

    /** Only the primary answers, only to a companion of its own account; the answer is primary activity. */
    private void relayProbeAnswer(DeviceSession session, DeviceAddress from, Stanza stanza) {
        DeviceAddress companion = new DeviceAddress(from.account(), (int) stanza.number(StanzaField.DEVICE));
        if (from.isPrimary() && !companion.isPrimary() && directory.device(companion).isPresent()) {
            queue(companion, Stanza.builder(StanzaType.PROBE_ANSWER, nextDeliveryId())
                    .number(StanzaField.DEVICE, 0)
                    .number(StanzaField.TIMESTAMP, clock.instant().getEpochSecond())
                    .build());
            directory.primaryActive(from.account(), clock.millis());
        }
        session.send(ack(stanza.id()).build());
    }

    /** History goes only from the primary to a companion of its own account, one copy each. */
    private void relayHistory(DeviceSession session, DeviceAddress from, Stanza stanza) {
        for (DeviceCiphertext copy : stanza.ciphertexts(StanzaField.CIPHERTEXTS)) {
            DeviceAddress target = copy.device();
            if (from.isPrimary() && target.account().equals(from.account()) && !target.isPrimary()
                    && directory.device(target).isPresent()) {
                queue(target, Stanza.builder(StanzaType.HISTORY_SYNC, nextDeliveryId())
                        .ciphertexts(StanzaField.CIPHERTEXTS, List.of(copy))
                        .text(StanzaField.SENDER_ACCOUNT, from.account())
                        .number(StanzaField.SENDER_DEVICE, from.device())
                        .number(StanzaField.TIMESTAMP, clock.instant().getEpochSecond())
                        .build());
            }
        }
        session.send(ack(stanza.id()).build());
    }

    private void relayReceipt(DeviceSession session, DeviceAddress from, Stanza stanza) {
        String about = stanza.text(StanzaField.ACCOUNT);
        Set<DeviceAddress> targets = new LinkedHashSet<>();
        directory.find(about).ifPresent(a -> targets.addAll(a.addresses()));
        // The author's other devices learn it too: a read on the phone shows as read everywhere.
        directory.find(from.account()).ifPresent(a -> targets.addAll(a.addresses()));
        targets.remove(from);
        for (DeviceAddress target : targets) {
            queue(target, Stanza.builder(StanzaType.RECEIPT, nextDeliveryId())
                    .text(StanzaField.ACCOUNT, from.account())
                    .number(StanzaField.DEVICE, from.device())
                    .text(StanzaField.RECEIPT_KIND, stanza.text(StanzaField.RECEIPT_KIND))
                    .texts(StanzaField.MESSAGE_IDS, stanza.texts(StanzaField.MESSAGE_IDS))
                    .number(StanzaField.TIMESTAMP, clock.instant().getEpochSecond())
                    .build());
        }
        if (from.isPrimary()) {
            directory.primaryActive(from.account(), clock.millis());
        }
        session.send(ack(stanza.id()).build());
    }

    private void handOutBundles(DeviceSession session, Stanza fetch) {
        for (DeviceAddress wanted : fetch.devices(StanzaField.DEVICES)) {
            Optional<RegisteredDevice> device = directory.device(wanted);
            if (device.isEmpty()) {
                continue;
            }
            RegisteredDevice d = device.get();
            Optional<OneTimePreKey> oneTime = directory.takePreKey(wanted);
            Stanza.Builder bundle = Stanza.builder(StanzaType.PREKEY_BUNDLE, fetch.id())
                    .text(StanzaField.ACCOUNT, wanted.account())
                    .number(StanzaField.DEVICE, wanted.device())
                    .number(StanzaField.REGISTRATION_ID, d.registrationId())
                    .bytes(StanzaField.IDENTITY_KEY, d.identityKey())
                    .number(StanzaField.SIGNED_PREKEY_ID, d.signedPreKeyId())
                    .bytes(StanzaField.SIGNED_PREKEY, d.signedPreKey())
                    .bytes(StanzaField.SIGNED_PREKEY_SIGNATURE, d.signedPreKeySignature());
            oneTime.ifPresent(p -> bundle.preKeys(StanzaField.PREKEYS, List.of(p)));
            session.send(bundle.build());
            DeviceSession owner = online.get(wanted);
            if (owner != null && d.preKeyCount() < PREKEY_LOW_THRESHOLD) {
                owner.send(Stanza.builder(StanzaType.PREKEY_LOW, "prekeys").number(StanzaField.COUNT, d.preKeyCount()).build());
            }
        }
        session.send(ack(fetch.id()).build());
    }

    // ------------------------------------------------------------------ queues and delivery

    private void queue(DeviceAddress target, Stanza stanza) {
        byte[] encoded;
        try {
            encoded = StanzaCodec.encode(stanza);
        } catch (StanzaFormatException e) {
            throw new IllegalStateException("the network built an invalid stanza " + stanza, e);
        }
        queues.of(target).enqueue(stanza.id(), encoded);
        DeviceSession session = online.get(target);
        if (session != null) {
            deliver(session, target, encoded);
        }
    }

    private void deliver(DeviceSession session, DeviceAddress target, byte[] encoded) {
        FaultPlan plan = faults.get(target);
        FaultPlan.Fault fault = plan == null ? null : plan.next();
        if (fault == FaultPlan.Fault.DROP) {
            return; // still queued: the device gets it on its next login
        }
        if (fault == FaultPlan.Fault.DELAY) {
            timers.schedule(() -> session.sendPlain(encoded), plan.delayMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        if (fault == FaultPlan.Fault.REORDER) {
            // Released right after the next delivery to this device (below), which so overtakes it;
            // the timer only frees a held delivery that nothing follows.
            heldForReorder.put(session, encoded);
            timers.schedule(() -> releaseHeld(session), plan.reorderHoldMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        session.sendPlain(encoded);
        if (fault == FaultPlan.Fault.DUPLICATE) {
            session.sendPlain(encoded);
        }
        byte[] held = heldForReorder.remove(session);
        if (held != null) {
            session.sendPlain(held);
        }
    }

    private synchronized void releaseHeld(DeviceSession session) {
        byte[] held = heldForReorder.remove(session);
        if (held != null) {
            session.sendPlain(held);
        }
    }

    private String nextDeliveryId() {
        return deliveryPrefix + deliveries.incrementAndGet();
    }

    private static Stanza.Builder ack(String id) {
        return Stanza.builder(StanzaType.SERVER_ACK, id);
    }

    private static DeviceListHash hash(Set<DeviceAddress> devices) {
        List<SignalAddress> addresses = new ArrayList<>();
        devices.forEach(d -> addresses.add(new SignalAddress(d.account(), d.device())));
        return DeviceListHash.of(addresses);
    }

    private Stanza deviceListNotice(Account account) {
        return Stanza.builder(StanzaType.DEVICE_LIST_CHANGED_NOTICE, "devices-" + account.phoneNumber())
                .text(StanzaField.ACCOUNT, account.phoneNumber())
                .devices(StanzaField.DEVICES, account.addresses())
                .bytes(StanzaField.DEVICE_LIST_HASH, hash(new LinkedHashSet<>(account.addresses())).value())
                .build();
    }

    /** Every online device hears of the change: in the sandbox everyone may be someone's contact. */
    private void announceDevices(String accountNumber) {
        directory.find(accountNumber).ifPresent(account -> {
            Stanza notice = deviceListNotice(account);
            online.values().forEach(s -> s.send(notice));
        });
    }

    // ------------------------------------------------------------------ linking

    /**
     * The phone approved a companion: refuse beyond the companion limit, else reserve the device
     * id, let the phone sign, and send the companion its pair-success.
     */
    public synchronized void approve(String accountNumber, LinkingSession session, LinkSigner signer)
            throws LinkRefusedException, LinkingException {
        Account account = directory.find(accountNumber)
                .orElseThrow(() -> new LinkRefusedException("no-such-account", "no account " + accountNumber));
        if (account.companions().size() >= companionLimit) {
            desk.close(session, 403, "companion-limit-reached");
            throw new LinkRefusedException("companion-limit-reached", "the account already has "
                    + account.companions().size() + " linked devices, the limit is " + companionLimit
                    + "; unlink one first");
        }
        int deviceId = directory.reserveDeviceId(accountNumber);
        LinkApproval approval = signer.sign(deviceId);
        session.approved(accountNumber, approval);
        directory.keyIndexListSigned(accountNumber, approval.keyIndexes().encode());
        session.line().send(Stanza.builder(StanzaType.PAIR_SUCCESS, "pair")
                .bytes(StanzaField.SIGNED_IDENTITY, approval.identity().encode())
                .number(StanzaField.DEVICE, deviceId)
                .text(StanzaField.PLATFORM, session.request().platform())
                .text(StanzaField.BUSINESS_NAME, account.displayName())
                .bytes(StanzaField.KEY_INDEX_LIST, approval.keyIndexes().encode())
                .build());
    }

    private void completeLink(DeviceSession session, LinkingSession linking, Stanza stanza) {
        LinkApproval approval = linking.approval();
        if (approval == null) {
            desk.close(linking, 400, "not-approved");
            return;
        }
        try {
            SignedDeviceIdentity countersigned = SignedDeviceIdentity.decode(stanza.bytes(StanzaField.SIGNED_IDENTITY));
            DeviceIdentityDetails details = DeviceIdentity.verifySignatures(countersigned, linking.request().identityKey());
            if (!details.equals(approval.details())) {
                throw new LinkingException(LinkingException.Kind.PROTOCOL_VIOLATION, "signed other details");
            }
        } catch (LinkingException e) {
            desk.close(linking, 401, e.kind().code());
            return;
        }
        LinkRequest request = linking.request();
        DeviceIdentityDetails details = approval.details();
        directory.addDevice(linking.account(), new RegisteredDevice(details.deviceId(), request.platform(),
                request.noiseKey(), request.identityKey(), request.registrationId(), request.signedPreKeyId(),
                request.signedPreKey(), request.signedPreKeySignature(), details.keyIndex(), clock.millis()));
        desk.forget(linking);
        session.send(Stanza.builder(StanzaType.RESTART_REQUIRED, "restart").build());
        session.closeQuietly();
        announceDevices(linking.account());
        LOG.log(System.Logger.Level.INFO, "linked {0}:{1} ({2})", linking.account(), details.deviceId(), request.platform());
        DeviceAddress linked = new DeviceAddress(linking.account(), details.deviceId());
        linkListeners.forEach(listener -> listener.accept(linked));
    }

    /**
     * Hears of every completed link (the phone sends its history then). Called under the
     * switchboard's lock: listeners must hand work off, not call back in.
     */
    public void onLinked(java.util.function.Consumer<DeviceAddress> listener) {
        linkListeners.add(listener);
    }

    public synchronized Optional<LinkingSession> linkingByQrRef(String ref) {
        return desk.byQrRef(ref, clock.instant());
    }

    public synchronized Optional<LinkingSession> linkingByCode(String accountNumber) {
        return desk.latestCodeAttempt(accountNumber);
    }

    /** Sends the primary's pairing-code hello to the companion. */
    public synchronized void sendToLinking(LinkingSession session, Stanza stanza) {
        session.line().send(stanza);
    }

    public synchronized int wrongPairingCode(LinkingSession session) {
        return desk.wrongCode(session);
    }

    public int maxWrongPairingCodes() {
        return desk.maxWrongCodes();
    }

    // ------------------------------------------------------------------ accounts, removal, lifecycle

    public synchronized Account register(String phoneNumber, String displayName, boolean business, RegisteredDevice primary) {
        Account account = directory.create(phoneNumber, displayName, business, primary, clock.millis());
        announceDevices(phoneNumber);
        return account;
    }

    /** Adds a device that needs no linking ceremony (a simulated customer's second phone). */
    public synchronized void registerDevice(String phoneNumber, RegisteredDevice device) {
        directory.addDevice(phoneNumber, device);
        announceDevices(phoneNumber);
    }

    public synchronized int reserveDeviceId(String phoneNumber) {
        return directory.reserveDeviceId(phoneNumber);
    }

    /** Removes a companion: its queue goes, a connected one gets a 401 stream error, a later login a 401. */
    public synchronized boolean removeDevice(DeviceAddress address, String reason) {
        if (address.isPrimary() || !directory.remove(address)) {
            return false;
        }
        queues.delete(address);
        DeviceSession session = online.remove(address);
        if (session != null) {
            session.end(UNAUTHORIZED, reason);
        }
        faults.remove(address);
        announceDevices(address.account());
        LOG.log(System.Logger.Level.INFO, "removed {0}: {1}", address, reason);
        return true;
    }

    /** The owner used the phone (opened a chat, scrolled): that alone resets the 14-day clock. */
    public synchronized void primaryUsed(String phoneNumber) {
        directory.primaryActive(phoneNumber, clock.millis());
    }

    /** Applies the lifecycle rules and ends expired link attempts; run after the clock moves and periodically. */
    public synchronized void sweep() {
        if (closed) {
            return;
        }
        desk.sweep(clock.instant());
        long now = clock.millis();
        for (Account account : directory.all()) {
            boolean primaryGone = rules.primaryExpired(account, now);
            for (RegisteredDevice companion : account.companions()) {
                if (primaryGone || rules.companionExpired(companion, now)) {
                    removeDevice(new DeviceAddress(account.phoneNumber(), companion.id()), "device_removed");
                }
            }
        }
    }

    // ------------------------------------------------------------------ admin and faults

    public synchronized boolean isOnline(DeviceAddress address) {
        return online.containsKey(address);
    }

    public synchronized int queued(DeviceAddress address) {
        return queues.of(address).size();
    }

    public synchronized void inject(DeviceAddress address, FaultPlan.Fault fault, int count, long delayMillis) {
        faults.computeIfAbsent(address, a -> new FaultPlan()).add(fault, count, delayMillis);
    }

    /** Drops the device's connection without a goodbye, as a network failure would. */
    public boolean cut(DeviceAddress address) {
        DeviceSession session;
        synchronized (this) {
            session = online.remove(address);
        }
        if (session == null) {
            return false;
        }
        session.cut();
        return true;
    }

    /** Closes every connection and accepts nothing more (shutdown). */
    public void disconnectAll() {
        synchronized (this) {
            closed = true;
        }
        cutAll();
    }

    /** Cuts every connection without a goodbye; devices may log in again (a network restart). */
    public void cutAll() {
        List<DeviceSession> sessions;
        synchronized (this) {
            sessions = new ArrayList<>(online.values());
            online.clear();
            heldForReorder.clear();
        }
        sessions.forEach(DeviceSession::cut);
    }

    /**
     * Forgets the queues held in memory so each is read back from its log on next use, as a
     * restarted network would: what survives is what was forced to disk.
     */
    public synchronized void reloadQueues() {
        queues.close();
    }
}
