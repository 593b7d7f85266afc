package com.teaminbox.bridge.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class X3dhSessionTest {
    private final TestDevice alice = new TestDevice("alice", 1);
    private final TestDevice bob = new TestDevice("bob", 0);

    @Test
    void sessionFromBundleCarriesBothWays() throws Exception {
        alice.startSessionWith(bob);

        CiphertextMessage first = alice.send(bob, "hello bob");
        assertInstanceOf(PreKeySignalMessage.class, first);
        assertEquals("hello bob", bob.receive(alice, first));

        CiphertextMessage reply = bob.send(alice, "hello alice");
        assertInstanceOf(SignalMessage.class, reply, "the responder never needs X3DH data");
        assertEquals("hello alice", alice.receive(bob, reply));

        CiphertextMessage next = alice.send(bob, "after the answer");
        assertInstanceOf(SignalMessage.class, next, "once bob answered, alice stops sending prekey messages");
        assertEquals("after the answer", bob.receive(alice, next));
    }

    @Test
    void initiatorKeepsSendingPreKeyMessagesUntilAnswered() throws Exception {
        alice.startSessionWith(bob);
        CiphertextMessage lost = alice.send(bob, "lost");
        CiphertextMessage second = alice.send(bob, "second");
        assertInstanceOf(PreKeySignalMessage.class, lost);
        assertInstanceOf(PreKeySignalMessage.class, second);

        assertEquals("second", bob.receive(alice, second), "any of the prekey messages can build the session");
        assertEquals("lost", bob.receive(alice, lost));
    }

    @Test
    void sessionWithoutOneTimePreKeyWorks() throws Exception {
        new SessionBuilder(alice.store, bob.address, TestDevice.RANDOM).process(bob.bundleWithoutOneTimePreKey());
        CiphertextMessage first = alice.send(bob, "no one-time prekey left");
        assertEquals(OptionalInt.empty(), ((PreKeySignalMessage) first).preKeyId());
        assertEquals("no one-time prekey left", bob.receive(alice, first));
    }

    @Test
    void badSignedPreKeySignatureIsRejected() {
        PreKeyBundle good = bob.bundle();
        byte[] signature = good.signedPreKeySignature();
        signature[10] ^= 0x01;
        PreKeyBundle forged = new PreKeyBundle(good.registrationId(), good.deviceId(), good.preKeyId(),
                good.preKeyPublic(), good.signedPreKeyId(), good.signedPreKeyPublic(), signature, good.identityKey());

        assertThrows(InvalidKeyException.class,
                () -> new SessionBuilder(alice.store, bob.address, TestDevice.RANDOM).process(forged));
        assertFalse(alice.store.containsSession(bob.address));
        assertTrue(alice.store.identity(bob.address).isEmpty(), "a rejected bundle must not become trusted");
    }

    @Test
    void signedPreKeyOfAnotherIdentityIsRejected() {
        TestDevice mallory = new TestDevice("mallory", 0);
        PreKeyBundle good = bob.bundle();
        PreKeyBundle substituted = new PreKeyBundle(good.registrationId(), good.deviceId(), good.preKeyId(),
                good.preKeyPublic(), good.signedPreKeyId(), good.signedPreKeyPublic(), good.signedPreKeySignature(),
                mallory.keys.identityKeyPair().publicKey());

        assertThrows(InvalidKeyException.class,
                () -> new SessionBuilder(alice.store, bob.address, TestDevice.RANDOM).process(substituted));
    }

    @Test
    void oneTimePreKeyIsConsumedByTheFirstMessage() throws Exception {
        alice.startSessionWith(bob);
        PreKeySignalMessage first = (PreKeySignalMessage) alice.send(bob, "hi");
        int preKeyId = first.preKeyId().getAsInt();
        assertTrue(bob.store.containsPreKey(preKeyId));

        bob.receive(alice, first);

        assertFalse(bob.store.containsPreKey(preKeyId));
    }

    @Test
    void replayedPreKeyMessageIsADuplicate() throws Exception {
        alice.startSessionWith(bob);
        CiphertextMessage first = alice.send(bob, "once");
        bob.receive(alice, first);

        assertThrows(DuplicateMessageException.class, () -> bob.receive(alice, first));
    }

    @Test
    void replayedPreKeyMessageAfterThePreKeyIsGoneFails() throws Exception {
        alice.startSessionWith(bob);
        CiphertextMessage first = alice.send(bob, "once");
        bob.receive(alice, first);
        bob.store.deleteSession(alice.address);

        InvalidKeyIdException failure = assertThrows(InvalidKeyIdException.class, () -> bob.receive(alice, first));
        assertTrue(failure.getMessage().contains("one-time prekey"));
        assertFalse(bob.store.containsSession(alice.address), "a failed replay must not build a session");
    }

    @Test
    void forgedPreKeyMessageConsumesNothing() throws Exception {
        alice.startSessionWith(bob);
        PreKeySignalMessage first = (PreKeySignalMessage) alice.send(bob, "hi");
        byte[] bytes = first.serialize();
        bytes[bytes.length - 1] ^= 0x01; // last byte of the inner message's MAC

        assertThrows(InvalidMacException.class,
                () -> bob.receive(alice, PreKeySignalMessage.deserialize(bytes)));
        assertTrue(bob.store.containsPreKey(first.preKeyId().getAsInt()));
        assertFalse(bob.store.containsSession(alice.address));
        assertEquals("hi", bob.receive(alice, first), "the genuine message still builds the session");
    }

    @Test
    void changedIdentityInANewBundleIsReportedAndCanBeAccepted() throws Exception {
        alice.startSessionWith(bob);
        bob.receive(alice, alice.send(bob, "hi"));

        TestDevice reinstalledBob = new TestDevice("bob", 0);
        SessionBuilder builder = new SessionBuilder(alice.store, bob.address, TestDevice.RANDOM);
        PreKeyBundle newBundle = reinstalledBob.bundle();
        UntrustedIdentityException failure = assertThrows(UntrustedIdentityException.class,
                () -> builder.process(newBundle));
        assertEquals(reinstalledBob.keys.identityKeyPair().publicKey(), failure.untrustedIdentity());
        assertEquals(bob.address, failure.address());
        assertEquals(bob.keys.identityKeyPair().publicKey(),
                alice.store.loadSession(bob.address).orElseThrow().remoteIdentity().orElseThrow(),
                "the old session is left as it was");

        assertTrue(alice.store.saveIdentity(bob.address, failure.untrustedIdentity()), "the caller accepts explicitly");
        builder.process(newBundle);
        assertEquals("welcome back", reinstalledBob.receive(alice, alice.send(reinstalledBob, "welcome back")));
    }

    @Test
    void changedIdentityInAnIncomingPreKeyMessageIsReported() throws Exception {
        alice.startSessionWith(bob);
        bob.receive(alice, alice.send(bob, "hi"));

        TestDevice impostor = new TestDevice("alice", 1);
        impostor.startSessionWith(bob);
        CiphertextMessage fromImpostor = impostor.send(bob, "it is me, really");

        UntrustedIdentityException failure = assertThrows(UntrustedIdentityException.class,
                () -> bob.receive(alice, fromImpostor));
        assertEquals(impostor.keys.identityKeyPair().publicKey(), failure.untrustedIdentity());
        assertEquals(alice.keys.identityKeyPair().publicKey(), bob.store.identity(alice.address).orElseThrow());
        assertEquals("still here", bob.receive(alice, alice.send(bob, "still here")), "the real session still works");
    }

    @Test
    void newSessionFromTheSamePeerArchivesTheOldOne() throws Exception {
        alice.startSessionWith(bob);
        CiphertextMessage late = alice.send(bob, "late from the first session");
        bob.receive(alice, alice.send(bob, "first session"));

        alice.startSessionWith(bob); // e.g. alice lost her session and fetched a new bundle
        assertEquals("second session", bob.receive(alice, alice.send(bob, "second session")));
        assertEquals("late from the first session", bob.receive(alice, late),
                "the archived state still decrypts late messages");
        SessionRecord record = bob.store.loadSession(alice.address).orElseThrow();
        assertSame(1, record.archivedStates().size());
    }
}
