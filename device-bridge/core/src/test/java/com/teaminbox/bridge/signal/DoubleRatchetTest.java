package com.teaminbox.bridge.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DoubleRatchetTest {
    private final TestDevice alice = new TestDevice("alice", 1);
    private final TestDevice bob = new TestDevice("bob", 0);

    @BeforeEach
    void establish() throws Exception {
        alice.startSessionWith(bob);
        assertEquals("hi", bob.receive(alice, alice.send(bob, "hi")));
        assertEquals("hello", alice.receive(bob, bob.send(alice, "hello")));
    }

    @Test
    void longConversationInBothDirections() throws Exception {
        Random random = new Random(7);
        int exchanged = 0;
        for (int round = 0; round < 60; round++) {
            TestDevice from = round % 2 == 0 ? bob : alice;
            TestDevice to = from == bob ? alice : bob;
            int burst = 1 + random.nextInt(5);
            for (int i = 0; i < burst; i++) {
                String text = "round " + round + " message " + i + " " + "x".repeat(random.nextInt(300));
                assertEquals(text, to.receive(from, from.send(to, text)));
                exchanged++;
            }
        }
        assertTrue(exchanged > 150);
    }

    @Test
    void ratchetKeyChangesWhenTheConversationTurns() throws Exception {
        SignalMessage fromBob1 = (SignalMessage) bob.send(alice, "1");
        SignalMessage fromBob2 = (SignalMessage) bob.send(alice, "2");
        alice.receive(bob, fromBob1);
        alice.receive(bob, fromBob2);
        SignalMessage fromAlice = (SignalMessage) alice.send(bob, "3");
        bob.receive(alice, fromAlice);
        SignalMessage fromBob3 = (SignalMessage) bob.send(alice, "4");

        assertTrue(Arrays.equals(fromBob1.senderRatchetKey(), fromBob2.senderRatchetKey()), "same chain");
        assertEquals(2, fromBob2.counter(), "bob's \"hello\" in the set-up was counter 0");
        assertNotEquals(Arrays.toString(fromBob1.senderRatchetKey()), Arrays.toString(fromBob3.senderRatchetKey()));
        assertEquals(0, fromBob3.counter(), "a new chain starts at 0");
        assertEquals(2, fromBob3.previousCounter(), "and names the last counter of the previous one");
    }

    @Test
    void outOfOrderWithinAChain() throws Exception {
        List<CiphertextMessage> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(alice.send(bob, "m" + i));
        }
        for (int i : new int[] {4, 1, 5, 0, 3, 2}) {
            assertEquals("m" + i, bob.receive(alice, sent.get(i)));
        }
    }

    @Test
    void outOfOrderAcrossChains() throws Exception {
        CiphertextMessage a1 = alice.send(bob, "a1");
        CiphertextMessage a2 = alice.send(bob, "a2");
        alice.receive(bob, bob.send(alice, "b1")); // alice turns the ratchet
        CiphertextMessage a3 = alice.send(bob, "a3");
        CiphertextMessage a4 = alice.send(bob, "a4");

        assertEquals("a4", bob.receive(alice, a4));
        assertEquals("a2", bob.receive(alice, a2));
        assertEquals("a3", bob.receive(alice, a3));
        assertEquals("a1", bob.receive(alice, a1));
    }

    @Test
    void duplicateDeliveryIsReported() throws Exception {
        CiphertextMessage message = alice.send(bob, "once only");
        bob.receive(alice, message);

        assertThrows(DuplicateMessageException.class, () -> bob.receive(alice, message));
        assertEquals("goes on", bob.receive(alice, alice.send(bob, "goes on")));
    }

    @Test
    void duplicateOfASkippedMessageIsReported() throws Exception {
        CiphertextMessage early = alice.send(bob, "early");
        CiphertextMessage later = alice.send(bob, "later");
        bob.receive(alice, later);
        bob.receive(alice, early);

        assertThrows(DuplicateMessageException.class, () -> bob.receive(alice, early));
    }

    @Test
    void skipBoundIsEnforcedAndLeavesTheSessionIntact() throws Exception {
        List<CiphertextMessage> sent = new ArrayList<>();
        for (int i = 0; i <= RatchetLimits.MAX_FORWARD_JUMP + 1; i++) {
            sent.add(alice.send(bob, "m" + i));
        }
        // bob's receiving chain stands at 0; the last message has counter MAX_FORWARD_JUMP + 1
        assertThrows(SkippedMessageLimitException.class, () -> bob.receive(alice, sent.get(sent.size() - 1)));
        assertEquals("m0", bob.receive(alice, sent.get(0)), "nothing was skipped by the rejected message");
        assertEquals("m" + (sent.size() - 1), bob.receive(alice, sent.get(sent.size() - 1)),
                "now it is within the bound");
    }

    @Test
    void storedSkippedKeysAreCappedAndForgottenKeysReportTooOld() throws Exception {
        List<CiphertextMessage> sent = new ArrayList<>();
        for (int i = 0; i < RatchetLimits.MAX_STORED_SKIPPED_KEYS + 5; i++) {
            sent.add(alice.send(bob, "m" + i));
        }
        bob.receive(alice, sent.get(RatchetLimits.MAX_STORED_SKIPPED_KEYS)); // skips 0 .. MAX-1
        bob.receive(alice, sent.get(sent.size() - 1)); // skips 4 more: the 4 oldest are forgotten

        SessionRecord record = bob.store.loadSession(alice.address).orElseThrow();
        assertEquals(RatchetLimits.MAX_STORED_SKIPPED_KEYS, record.skippedKeyCount());
        InvalidMessageException tooOld = assertThrows(InvalidMessageException.class,
                () -> bob.receive(alice, sent.get(0)));
        assertTrue(tooOld.getMessage().contains("too old"));
        assertEquals("m4", bob.receive(alice, sent.get(4)), "the first kept key still works");
    }

    @Test
    void tamperedCiphertextIsRejected() throws Exception {
        SignalMessage message = (SignalMessage) alice.send(bob, "do not touch");
        byte[] bytes = message.serialize();
        bytes[60] ^= 0x40; // inside the ciphertext

        assertThrows(InvalidMessageException.class, () -> bob.receive(alice, SignalMessage.deserialize(bytes)));
        assertEquals("do not touch", bob.receive(alice, message), "the genuine message still decrypts");
    }

    @Test
    void tamperedMacIsRejected() throws Exception {
        SignalMessage message = (SignalMessage) alice.send(bob, "do not touch");
        byte[] bytes = message.serialize();
        bytes[bytes.length - 3] ^= 0x01;

        assertThrows(InvalidMacException.class, () -> bob.receive(alice, SignalMessage.deserialize(bytes)));
        assertEquals("do not touch", bob.receive(alice, message));
    }

    @Test
    void tamperedCounterIsRejected() throws Exception {
        SignalMessage message = (SignalMessage) alice.send(bob, "counter");
        byte[] bytes = message.serialize();
        bytes[37] ^= 0x01; // low byte of the counter: the MAC covers the header too

        assertThrows(InvalidMessageException.class, () -> bob.receive(alice, SignalMessage.deserialize(bytes)));
        assertEquals("counter", bob.receive(alice, message));
    }

    @Test
    void messageForSomeoneElseIsRejected() throws Exception {
        TestDevice carol = new TestDevice("carol", 0);
        alice.startSessionWith(carol);
        carol.receive(alice, alice.send(carol, "hi carol"));
        alice.receive(carol, carol.send(alice, "hi alice"));
        CiphertextMessage toCarol = alice.send(carol, "private");

        assertThrows(InvalidMessageException.class, () -> bob.receive(alice, toCarol));
    }

    @Test
    void decryptingWithoutASessionIsTyped() throws Exception {
        TestDevice stranger = new TestDevice("stranger", 3);
        CiphertextMessage message = alice.send(bob, "hi");
        assertInstanceOf(SignalMessage.class, message);
        assertThrows(NoSessionException.class, () -> stranger.receive(alice, message));
        assertThrows(NoSessionException.class, () -> stranger.cipherFor(alice).encrypt(new byte[1]));
    }

    @Test
    void emptyAndLargePlaintextsRoundTrip() throws Exception {
        assertEquals("", bob.receive(alice, alice.send(bob, "")));
        String large = "ü".repeat(50_000);
        assertEquals(large, bob.receive(alice, alice.send(bob, large)));
    }

    @Test
    void encryptingAfterTheRemoteIdentityWasReplacedIsRefused() throws Exception {
        TestDevice other = new TestDevice("bob", 0);
        alice.store.saveIdentity(bob.address, other.keys.identityKeyPair().publicKey());

        assertThrows(UntrustedIdentityException.class, () -> alice.cipherFor(bob).encrypt(new byte[] {1}));
    }
}
