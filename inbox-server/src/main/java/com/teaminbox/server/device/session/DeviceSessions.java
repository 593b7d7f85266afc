package com.teaminbox.server.device.session;

import com.teaminbox.bridge.client.LogoutReason;
import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.server.device.keys.DeviceKeyVault;
import com.teaminbox.server.device.keys.StoredDeviceKeys;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The running device sessions of this inbox: one per linked companion device, started when
 * the inbox starts and when a link is begun, stopped when the device is logged out or revoked.
 */
@ApplicationScoped
public class DeviceSessions {

    private static final Logger LOG = Logger.getLogger(DeviceSessions.class.getName());

    /** How the inbox's devices appear in the business phone's list of linked devices. */
    static final String PLATFORM = "Team Inbox";

    private final Map<Long, DeviceSession> running = new ConcurrentHashMap<>();

    @Inject
    private DeviceLifecycle lifecycle;

    @Inject
    private DeviceKeyVault vault;

    @Inject
    private SessionServices services;

    @Inject
    private ForeignDevices foreign;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private volatile ScheduledFuture<?> keyFlusher;

    /** Starts a session for every device that was linked when the inbox last ran. */
    public void startAll() {
        for (DeviceLifecycle.DeviceRow device : lifecycle.live()) {
            try {
                resume(device);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Device " + device.id() + " could not be started: " + e.getMessage(), e);
            }
        }
        flushKeysRegularly();
    }

    private void resume(DeviceLifecycle.DeviceRow device) {
        StoredDeviceKeys keys = vault.load(device.id());
        String[] address = device.networkAddress().split(":");
        DeviceSession session = new DeviceSession(device.id(), device.accountId(), keys,
                new DeviceAddress(address[0], Integer.parseInt(address[1])),
                device.platform() == null ? PLATFORM : device.platform(), services);
        replace(session);
        session.connect();
    }

    /** Begins linking a new device by QR; {@link #linkStatus} shows the QR text to scan. */
    public void startLinkByQr(long deviceId, long accountId) {
        DeviceSession session = newUnlinked(deviceId, accountId);
        session.linkByQr();
        flushKeysRegularly();
    }

    /** Begins linking a new device with a pairing code typed on the phone; returns the code. */
    public CompletionStage<String> startLinkByPairingCode(long deviceId, long accountId, String businessNumber) {
        DeviceSession session = newUnlinked(deviceId, accountId);
        flushKeysRegularly();
        return session.linkByPairingCode(businessNumber);
    }

    private DeviceSession newUnlinked(long deviceId, long accountId) {
        StoredDeviceKeys keys = vault.create(deviceId, Clock.systemUTC().millis());
        DeviceSession session = new DeviceSession(deviceId, accountId, keys, null, PLATFORM, services);
        replace(session);
        return session;
    }

    private void replace(DeviceSession session) {
        DeviceSession previous = running.put(session.deviceId(), session);
        if (previous != null) {
            previous.close();
        }
    }

    /** How the device's link is going; empty when it has no session here or resumed an old link. */
    public Optional<LinkProgress> linkProgress(long deviceId) {
        return Optional.ofNullable(running.get(deviceId)).flatMap(DeviceSession::linkProgress);
    }

    /** The link attempt failed or expired: the device row gives back its slot, with the reason. */
    void linkFailed(long deviceId, String sentence) {
        DeviceSession session = running.remove(deviceId);
        scheduler.execute(() -> {
            if (session != null) {
                session.close();
            }
            lifecycle.linkFailed(deviceId, sentence);
        });
    }

    /** Closes the device's connection and logs in again (an admin's "reconnect"). */
    public void reconnect(long deviceId) {
        DeviceSession session = running.remove(deviceId);
        if (session != null) {
            session.close();
        }
        DeviceLifecycle.DeviceRow device = lifecycle.find(deviceId)
                .orElseThrow(() -> new com.teaminbox.server.device.DeviceNotFound(deviceId));
        if (device.networkAddress() == null || !device.state().canBecome(com.teaminbox.server.device.DeviceState.CONNECTED)
                && device.state() != com.teaminbox.server.device.DeviceState.CONNECTED) {
            throw new com.teaminbox.server.device.DeviceTransitionRefused("Device " + deviceId + " is " + device.state().code()
                    + "; only a linked device can reconnect. Re-link it instead.");
        }
        resume(device);
        flushKeysRegularly();
    }

    /** A device list the network sent: the account's own one tells which companions are not ours. */
    void deviceListSeen(long accountId, String listAccount, java.util.List<DeviceAddress> devices) {
        foreign.listSeen(accountId, listAccount, devices);
    }

    /** True when the device is logged in to the network right now (the stored state may lag a moment). */
    public boolean isConnected(long deviceId) {
        DeviceSession session = running.get(deviceId);
        return session != null && session.isConnected();
    }

    /** Sends a reply from the device; completes when the network has taken it. */
    public CompletionStage<Void> send(long deviceId, String networkMessageId, String contactPhone, String text) {
        return withSession(deviceId, session -> session.send(networkMessageId, contactPhone, text));
    }

    public CompletionStage<Void> sendMedia(long deviceId, String networkMessageId, String contactPhone, String caption,
                                           com.teaminbox.bridge.fanout.MediaReference media) {
        return withSession(deviceId, session -> session.sendMedia(networkMessageId, contactPhone, caption, media));
    }

    /** A send through the device's running session; fails (without throwing) when it has none here. */
    private CompletionStage<Void> withSession(long deviceId,
                                              java.util.function.Function<DeviceSession, CompletionStage<Void>> send) {
        DeviceSession session = running.get(deviceId);
        if (session == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("device " + deviceId + " has no session in this inbox"));
        }
        return send.apply(session);
    }

    /**
     * Sends a probe to the phone (device 0) of each given account from one connected companion
     * of it; the phone answers while it is online, and the answer counts as primary activity.
     */
    public int probePrimaryPhones(java.util.Set<Long> accounts) {
        Map<Long, DeviceSession> onePerAccount = new java.util.TreeMap<>();
        for (DeviceSession session : running.values()) {
            if (session.isConnected() && accounts.contains(session.accountId())) {
                onePerAccount.putIfAbsent(session.accountId(), session);
            }
        }
        onePerAccount.values().forEach(session -> session.probePrimary().whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.fine(() -> "Device " + session.deviceId() + " could not probe the primary phone: " + failure.getMessage());
            }
        }));
        return onePerAccount.size();
    }

    /** The network logged the device out: record it, destroy its keys, stop its session. */
    void loggedOut(long deviceId, LogoutReason reason) {
        DeviceSession session = running.remove(deviceId);
        // Not on the client's own thread: closing waits for that thread.
        scheduler.execute(() -> {
            if (session != null) {
                session.close();
            }
            lifecycle.loggedOut(deviceId, reason);
            vault.erase(deviceId);
        });
    }

    /** An admin revoked the device: tell the network, stop the session, destroy the keys. */
    public void revoked(long deviceId) {
        DeviceSession session = running.remove(deviceId);
        if (session != null) {
            try {
                // waits out a reconnect in progress: a lost unlink would leave the device on the phone
                session.unlink().toCompletableFuture()
                        .get(services.network().clientSettings().requestTimeout().toSeconds() + 5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warning(() -> "Device " + deviceId + " could not tell the network it leaves (" + e.getMessage()
                        + "); it stays listed on the business phone until it is logged out there");
            }
            session.close();
        }
        vault.erase(deviceId);
    }

    /** Key changes outside message transactions (sending, prekeys) are written once a second. */
    private synchronized void flushKeysRegularly() {
        if (keyFlusher == null) {
            keyFlusher = scheduler.scheduleWithFixedDelay(this::flushKeys, 1, 1, TimeUnit.SECONDS);
        }
    }

    private void flushKeys() {
        boolean seenTick = ++ticks % LAST_SEEN_EVERY_TICKS == 0;
        for (DeviceSession session : running.values()) {
            try {
                session.flushKeys();
                long in = session.takeMessagesIn();
                if (in > 0 || seenTick && session.isConnected()) {
                    lifecycle.seen(session.deviceId(), in, session.isConnected());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Device " + session.deviceId() + ": key changes not written yet", e);
            }
        }
    }

    /** "Last seen" is written every 30 s while connected, not at every message. */
    private static final int LAST_SEEN_EVERY_TICKS = 30;
    private long ticks;

    @PreDestroy
    void stopAll() {
        if (keyFlusher != null) {
            keyFlusher.cancel(false);
        }
        running.values().forEach(session -> {
            try {
                session.flushKeys();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Device " + session.deviceId() + ": key changes not written at shutdown", e);
            }
            session.close();
        });
        running.clear();
    }
}
