package com.teaminbox.server.device.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.keys.DeviceKeys;
import com.teaminbox.bridge.signal.IdentityKey;
import com.teaminbox.bridge.signal.PreKeyRecord;
import com.teaminbox.bridge.signal.SessionBuilder;
import com.teaminbox.bridge.signal.SessionRecord;
import com.teaminbox.bridge.signal.SignalAddress;
import com.teaminbox.bridge.signal.memory.InMemorySignalProtocolStore;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PersistentSignalStoreTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SignalAddress CUSTOMER = new SignalAddress("+447700900123", 0);

    private final DeviceKeys ours = DeviceKeys.generate(RANDOM, 1, 1, 3, 1_700_000_000_000L);
    private final PersistentSignalStore store = new PersistentSignalStore(ours.identityKeyPair(), ours.registrationId(), 0);

    @Test
    void aSessionBuiltThroughTheStoreIsReadableAtOnceAndPending() throws Exception {
        DeviceKeys theirs = DeviceKeys.generate(RANDOM, 1, 1, 1, 1_700_000_000_000L);
        InMemorySignalProtocolStore remote = InMemorySignalProtocolStore.of(theirs);

        new SessionBuilder(store, CUSTOMER, RANDOM).process(theirs.bundle(0, theirs.oneTimePreKeys().get(0)));

        assertTrue(store.containsSession(CUSTOMER));
        assertTrue(store.loadSession(CUSTOMER).orElseThrow().hasCurrentSession());
        assertEquals(List.of(0), store.deviceIdsWithSessions(CUSTOMER.user()));
        assertEquals(theirs.identityKeyPair().publicKey(), store.identity(CUSTOMER).orElseThrow());
        Map<KeyKind, PendingKeyWrite> pending = byKind(store.pending());
        assertArrayEquals(store.loadSession(CUSTOMER).orElseThrow().serialize(), pending.get(KeyKind.SESSION).value());
        assertEquals("+447700900123:0", pending.get(KeyKind.SESSION).name());
        assertTrue(pending.containsKey(KeyKind.TRUSTED_IDENTITY));
        assertFalse(remote.containsSession(CUSTOMER), "only our side has a session so far");
    }

    @Test
    void everyKindOfWriteIsPendingWithIncreasingVersions() {
        PreKeyRecord preKey = ours.oneTimePreKeys().get(0);
        store.storePreKey(preKey);
        store.storeSignedPreKey(ours.signedPreKey());
        store.storeSession(CUSTOMER, new SessionRecord());
        store.saveIdentity(CUSTOMER, ours.identityKeyPair().publicKey());

        PendingKeyWrites pending = store.pending();

        assertEquals(List.of("write prekey " + preKey.id() + " v1", "write signed-prekey 1 v2",
                "write session +447700900123:0 v3", "write trusted-identity +447700900123:0 v4"),
                pending.writes().stream().map(PendingKeyWrite::toString).toList());
        assertTrue(store.containsPreKey(preKey.id()));
        assertArrayEquals(preKey.privateKey(), store.loadPreKey(preKey.id()).orElseThrow().privateKey());
        assertEquals(1, store.loadSignedPreKeys().size());
    }

    @Test
    void committedForgetsWhatWasWritten() {
        store.storeSession(CUSTOMER, new SessionRecord());
        store.storePreKey(ours.oneTimePreKeys().get(0));

        store.committed(store.pending());

        assertTrue(store.pending().isEmpty());
        assertTrue(store.containsSession(CUSTOMER), "memory keeps the values");
    }

    @Test
    void aWriteMadeWhileAFlushIsUnderWayStaysPending() {
        store.storeSession(CUSTOMER, new SessionRecord());
        store.storePreKey(ours.oneTimePreKeys().get(0));
        PendingKeyWrites flushing = store.pending();

        // The event thread advances the ratchet again before the flush commits.
        store.storeSession(CUSTOMER, new SessionRecord());
        SignalAddress other = new SignalAddress("+447700900999", 0);
        store.storeSession(other, new SessionRecord());
        store.committed(flushing);

        PendingKeyWrites left = store.pending();
        assertEquals(List.of("write session +447700900123:0 v3", "write session +447700900999:0 v4"),
                left.writes().stream().map(PendingKeyWrite::toString).toList());
        assertEquals(2, flushing.size(), "a snapshot does not change after it was taken");
    }

    @Test
    void deletionsArePendingAndLaterWritesReplaceThem() {
        PreKeyRecord preKey = ours.oneTimePreKeys().get(0);
        store.restore(KeyKind.PREKEY, Integer.toString(preKey.id()), preKey.serialize());
        store.restore(KeyKind.SESSION, "+447700900123:0", new SessionRecord().serialize());

        store.removePreKey(preKey.id());
        store.deleteSession(CUSTOMER);
        store.removePreKey(999); // never existed: nothing to delete

        assertFalse(store.containsPreKey(preKey.id()));
        assertFalse(store.containsSession(CUSTOMER));
        assertEquals(List.of("delete prekey " + preKey.id() + " v1", "delete session +447700900123:0 v2"),
                store.pending().writes().stream().map(PendingKeyWrite::toString).toList());

        store.storeSession(CUSTOMER, new SessionRecord());
        assertFalse(byKind(store.pending()).get(KeyKind.SESSION).deletion());
    }

    @Test
    void restoredValuesAreNotPendingAndVersionsContinueAboveTheStoredOnes() {
        PersistentSignalStore loaded = new PersistentSignalStore(ours.identityKeyPair(), ours.registrationId(), 41);
        loaded.restore(KeyKind.TRUSTED_IDENTITY, "+447700900123:0", ours.identityKeyPair().publicKey().publicKey());

        assertTrue(loaded.pending().isEmpty());
        assertTrue(loaded.isTrustedIdentity(CUSTOMER, ours.identityKeyPair().publicKey()));
        assertFalse(loaded.saveIdentity(CUSTOMER, ours.identityKeyPair().publicKey()), "same identity: no change");
        assertTrue(loaded.pending().isEmpty());

        IdentityKey replaced = DeviceKeys.generate(RANDOM, 1, 1, 0, 0).identityKeyPair().publicKey();
        assertFalse(loaded.isTrustedIdentity(CUSTOMER, replaced));
        assertTrue(loaded.saveIdentity(CUSTOMER, replaced));
        assertEquals(42, loaded.pending().writes().get(0).version());
    }

    @Test
    void concurrentWritersAndAFlusherLoseNothing() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> writers = List.of(
                    threads.submit(() -> writeSessions("alice")),
                    threads.submit(() -> writeSessions("bob")));
            Future<?> flusher = threads.submit(() -> {
                while (!writers.stream().allMatch(Future::isDone)) {
                    store.committed(store.pending());
                }
            });
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
            flusher.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        store.committed(store.pending());

        assertTrue(store.pending().isEmpty());
        assertEquals(200, store.deviceIdsWithSessions("alice").size());
        assertEquals(200, store.deviceIdsWithSessions("bob").size());
    }

    private void writeSessions(String user) {
        for (int device = 0; device < 200; device++) {
            store.storeSession(new SignalAddress(user, device), new SessionRecord());
            store.storeSession(new SignalAddress(user, device), new SessionRecord());
        }
    }

    private static Map<KeyKind, PendingKeyWrite> byKind(PendingKeyWrites pending) {
        return pending.writes().stream().collect(Collectors.toMap(PendingKeyWrite::kind, Function.identity()));
    }
}
