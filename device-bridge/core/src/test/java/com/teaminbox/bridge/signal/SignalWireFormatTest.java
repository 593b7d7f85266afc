package com.teaminbox.bridge.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignalWireFormatTest {
    private final TestDevice alice = new TestDevice("alice", 1);
    private final TestDevice bob = new TestDevice("bob", 0);
    private PreKeySignalMessage preKeyMessage;
    private SignalMessage signalMessage;

    @BeforeEach
    void exchange() throws Exception {
        alice.startSessionWith(bob);
        preKeyMessage = (PreKeySignalMessage) alice.send(bob, "hello");
        bob.receive(alice, preKeyMessage);
        signalMessage = (SignalMessage) bob.send(alice, "hello back");
    }

    @Test
    void messagesRoundTripThroughBytes() throws Exception {
        PreKeySignalMessage decoded = PreKeySignalMessage.deserialize(preKeyMessage.serialize());
        assertEquals(preKeyMessage.registrationId(), decoded.registrationId());
        assertEquals(preKeyMessage.preKeyId(), decoded.preKeyId());
        assertEquals(preKeyMessage.signedPreKeyId(), decoded.signedPreKeyId());
        assertArrayEquals(preKeyMessage.baseKey(), decoded.baseKey());
        assertEquals(alice.keys.identityKeyPair().publicKey(), decoded.identityKey());
        assertArrayEquals(preKeyMessage.serialize(), decoded.serialize());

        SignalMessage message = SignalMessage.deserialize(signalMessage.serialize());
        assertEquals(signalMessage.counter(), message.counter());
        assertArrayEquals(signalMessage.senderRatchetKey(), message.senderRatchetKey());
        assertEquals(0x33, message.serialize()[0], "Signal's version byte");
        assertEquals(DjbPublicKey.TYPE, message.serialize()[1], "keys carry the 0x05 type byte");
    }

    @Test
    void everyTruncationAndTrailingByteIsRejected() {
        for (boolean preKey : new boolean[] {true, false}) {
            byte[] valid = preKey ? preKeyMessage.serialize() : signalMessage.serialize();
            for (int length = 0; length < valid.length; length++) {
                byte[] truncated = Arrays.copyOf(valid, length);
                assertThrows(InvalidMessageException.class, () -> decode(preKey, truncated), "length " + length);
            }
            byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
            assertThrows(InvalidMessageException.class, () -> decode(preKey, trailing));
        }
    }

    @Test
    void unknownVersionAndKeyTypeAreRejected() {
        byte[] version2 = signalMessage.serialize();
        version2[0] = 0x22;
        assertThrows(InvalidMessageException.class, () -> SignalMessage.deserialize(version2));
        byte[] keyType = signalMessage.serialize();
        keyType[1] = 0x06;
        assertThrows(InvalidMessageException.class, () -> SignalMessage.deserialize(keyType));
        assertThrows(InvalidMessageException.class, () -> CiphertextMessage.deserialize(9, signalMessage.serialize()));
    }

    @Test
    void ciphertextMustBeWholeAesBlocks() {
        byte[] valid = signalMessage.serialize();
        int lengthOffset = 1 + 33 + 4 + 4;
        byte[] odd = valid.clone();
        odd[lengthOffset + 3] -= 1; // declared one byte shorter: not a block multiple
        assertThrows(InvalidMessageException.class, () -> SignalMessage.deserialize(odd));
    }

    /** Random corruption must never escape as anything but the typed error. */
    @Test
    void fuzzedBytesFailOnlyWithInvalidMessageException() {
        Random random = new Random(1234);
        int rejected = 0;
        for (int i = 0; i < 5000; i++) {
            boolean preKey = random.nextBoolean();
            byte[] bytes = preKey ? preKeyMessage.serialize() : signalMessage.serialize();
            switch (random.nextInt(3)) {
                case 0 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 8));
                default -> random.nextBytes(bytes);
            }
            try {
                decode(preKey, bytes);
            } catch (InvalidMessageException expected) {
                rejected++;
            }
        }
        assertTrue(rejected > 2500, "most corruptions are structural: " + rejected);
    }

    private static CiphertextMessage decode(boolean preKey, byte[] bytes) throws InvalidMessageException {
        return preKey ? PreKeySignalMessage.deserialize(bytes) : SignalMessage.deserialize(bytes);
    }
}
