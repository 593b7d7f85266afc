package com.teaminbox.bridge.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SessionRecordTest {
    private final TestDevice alice = new TestDevice("alice", 1);
    private final TestDevice bob = new TestDevice("bob", 0);

    @Test
    void sessionKeepsWorkingAfterASerialisationRoundTrip() throws Exception {
        alice.startSessionWith(bob);
        CiphertextMessage pendingPreKeyMessage = alice.send(bob, "first");
        CiphertextMessage skipped = alice.send(bob, "skipped");
        bob.receive(alice, alice.send(bob, "third"));

        for (TestDevice device : new TestDevice[] {alice, bob}) {
            SignalAddress peer = device == alice ? bob.address : alice.address;
            byte[] stored = device.store.loadSession(peer).orElseThrow().serialize();
            SessionRecord restored = SessionRecord.deserialize(stored);
            assertArrayEquals(stored, restored.serialize(), "the format is canonical");
            device.store.deleteSession(peer);
            device.store.storeSession(peer, restored);
        }

        assertEquals(2, bob.store.loadSession(alice.address).orElseThrow().skippedKeyCount(),
                "bob keeps the keys of the two messages he has not seen yet");
        assertEquals("skipped", bob.receive(alice, skipped), "skipped keys survive storage");
        assertEquals("first", bob.receive(alice, pendingPreKeyMessage));
        assertEquals("answer", alice.receive(bob, bob.send(alice, "answer")));
        assertEquals("on we go", bob.receive(alice, alice.send(bob, "on we go")));
    }

    @Test
    void emptyRecordRoundTrips() throws Exception {
        SessionRecord empty = new SessionRecord();
        SessionRecord restored = SessionRecord.deserialize(empty.serialize());
        assertTrue(restored.isEmpty());
    }

    @Test
    void truncatedTrailingAndUnknownVersionsAreRejected() throws Exception {
        byte[] stored = establishedRecordBytes();
        for (int length = 0; length < stored.length; length++) {
            byte[] truncated = Arrays.copyOf(stored, length);
            assertThrows(InvalidEncodingException.class, () -> SessionRecord.deserialize(truncated), "length " + length);
        }
        byte[] trailing = Arrays.copyOf(stored, stored.length + 1);
        assertThrows(InvalidEncodingException.class, () -> SessionRecord.deserialize(trailing));
        byte[] futureVersion = stored.clone();
        futureVersion[0] = 2;
        assertThrows(InvalidEncodingException.class, () -> SessionRecord.deserialize(futureVersion));
    }

    @Test
    void corruptedRecordsFailOnlyWithTheTypedError() throws Exception {
        byte[] stored = establishedRecordBytes();
        Random random = new Random(42);
        int rejected = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] corrupted = stored.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt(256);
            }
            try {
                SessionRecord.deserialize(corrupted);
            } catch (InvalidEncodingException expected) {
                rejected++;
            }
        }
        assertTrue(rejected > 0, "some corruptions hit a checked field");
    }

    private byte[] establishedRecordBytes() throws Exception {
        alice.startSessionWith(bob);
        alice.send(bob, "skipped");
        bob.receive(alice, alice.send(bob, "hi"));
        alice.receive(bob, bob.send(alice, "hello"));
        return bob.store.loadSession(alice.address).orElseThrow().serialize();
    }
}
