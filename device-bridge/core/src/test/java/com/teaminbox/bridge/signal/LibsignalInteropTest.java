package com.teaminbox.bridge.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.crypto.XEdDSA;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our Signal layer against an independent implementation: the npm package libsignal (what
 * WhatsApp-Web gateways run), in Node, with only its two protobuf codecs replaced by our framing
 * (peer/our-framing.js, written from docs/protocol.md). X3DH, the ratchet, keys, MACs and version
 * bytes on its side are libsignal's own; every message crosses as bytes. Needs Node.js and npm.
 */
class LibsignalInteropTest {
    private static final SignalAddress PEER = new SignalAddress("libsignal", 1);

    private LibsignalPeer peer;
    private TestDevice ours;

    @BeforeEach
    void startPeer() throws Exception {
        peer = LibsignalPeer.start();
        ours = new TestDevice("teaminbox", 1);
    }

    @AfterEach
    void stopPeer() throws Exception {
        peer.close();
    }

    @Test
    void libsignalStartsFromOurBundleAndWeReadItsPrekeyMessagesInAnyOrder() throws Exception {
        PreKeyBundle bundle = ours.bundle();
        peer.request("start-session", bundle.registrationId(), bundle.identityKey().serialize(), bundle.signedPreKeyId(),
                DjbPublicKey.serialize(bundle.signedPreKeyPublic()), bundle.signedPreKeySignature(),
                bundle.preKeyId().getAsInt(), DjbPublicKey.serialize(bundle.preKeyPublic()));
        List<byte[]> first = List.of(theirs("one"), theirs("two"), theirs("three"));
        for (byte[] message : first) {
            assertEquals(CiphertextMessage.PREKEY_TYPE, message[0]);
        }

        assertEquals("three", read(first.get(2)));
        assertEquals("one", read(first.get(0)));
        assertEquals("two", read(first.get(1)));

        byte[] answer1 = write("answer one");
        byte[] answer2 = write("answer two");
        assertEquals(CiphertextMessage.SIGNAL_TYPE, answer1[0], "we answer with normal messages");
        assertEquals("answer two", peerReads(answer2));
        assertEquals("answer one", peerReads(answer1));
        byte[] normal = theirs("now a normal message");
        assertEquals(CiphertextMessage.SIGNAL_TYPE, normal[0], "libsignal stopped sending prekey messages");
        assertEquals("now a normal message", read(normal));
    }

    @Test
    void weStartFromLibsignalsBundleAndItReadsOurPrekeyMessagesInAnyOrder() throws Exception {
        startFromTheirBundle();
        byte[] one = write("one");
        byte[] two = write("two");
        byte[] three = write("three");
        assertEquals(CiphertextMessage.PREKEY_TYPE, one[0]);

        assertEquals("two", peerReads(two));
        assertEquals("three", peerReads(three));
        assertEquals("one", peerReads(one));

        assertEquals("reply", read(theirs("reply")));
        byte[] normal = write("normal");
        assertEquals(CiphertextMessage.SIGNAL_TYPE, normal[0]);
        assertEquals("normal", peerReads(normal));
    }

    /** Messages of a chain that arrive after the sender's ratchet moved on, in both directions. */
    @Test
    void lateMessagesFromAnEarlierChainAreReadOnBothSides() throws Exception {
        startFromTheirBundle();
        assertEquals("hello", peerReads(write("hello")));
        byte[] theirs1 = theirs("their chain 2, message 1");
        byte[] theirs2 = theirs("their chain 2, message 2");
        byte[] theirs3 = theirs("their chain 2, message 3");
        assertEquals("their chain 2, message 3", read(theirs3)); // 1 and 2 skipped

        byte[] ours1 = write("our chain 2, message 1");
        byte[] ours2 = write("our chain 2, message 2");
        assertEquals("our chain 2, message 2", peerReads(ours2)); // 1 skipped
        byte[] theirs4 = theirs("their chain 3");
        assertEquals("their chain 3", read(theirs4));
        assertEquals("their chain 2, message 2", read(theirs2));
        assertEquals("their chain 2, message 1", read(theirs1));

        assertEquals("our chain 3", peerReads(write("our chain 3")));
        assertEquals("our chain 2, message 1", peerReads(ours1));
    }

    /** libsignal really checks the MAC over our bytes (it does not just parse them). */
    @Test
    void libsignalRefusesOurMessageWithOneBitChanged() throws Exception {
        startFromTheirBundle();
        assertEquals("hello", peerReads(write("hello")));
        byte[] message = write("tampered");
        message[message.length - 20] ^= 1;
        LibsignalPeer.PeerRefusedException refused = assertThrows(LibsignalPeer.PeerRefusedException.class,
                () -> peerReads(message));
        assertTrue(refused.getMessage().contains("Bad MAC"), refused.getMessage());
    }

    /** XEdDSA both ways, for keys of both Edwards signs (libsignal marks the sign in the signature). */
    @Test
    void signaturesVerifyOnBothSides() throws Exception {
        byte[] message = "signed prekey".getBytes(StandardCharsets.UTF_8);
        int[] signBits = new int[2];
        for (int i = 0; i < 32; i++) {
            X25519KeyPair key = X25519.generateKeyPair(TestDevice.RANDOM);
            byte[] ourSignature = XEdDSA.sign(key.privateKey(), message, TestDevice.RANDOM);
            assertEquals(List.of("true"), peer.request("verify", DjbPublicKey.serialize(key.publicKey()), message, ourSignature));
            byte[] theirSignature = hex(peer.request("sign", key.privateKey(), message).get(0));
            assertTrue(XEdDSA.verify(key.publicKey(), message, theirSignature), "libsignal's signature " + i);
            signBits[(theirSignature[63] & 0xFF) >>> 7]++;
        }
        assertTrue(signBits[0] > 0 && signBits[1] > 0, "keys of both signs: " + signBits[0] + "/" + signBits[1]);
    }

    private void startFromTheirBundle() throws Exception {
        List<String> b = peer.request("bundle");
        PreKeyBundle bundle = new PreKeyBundle(Integer.parseInt(b.get(0)), PEER.deviceId(),
                OptionalInt.of(Integer.parseInt(b.get(5))), DjbPublicKey.deserialize(hex(b.get(6))),
                Integer.parseInt(b.get(2)), DjbPublicKey.deserialize(hex(b.get(3))), hex(b.get(4)),
                IdentityKey.deserialize(hex(b.get(1))));
        new SessionBuilder(ours.store, PEER, TestDevice.RANDOM).process(bundle);
    }

    /** libsignal encrypts; returns type byte ‖ message bytes. */
    private byte[] theirs(String text) throws Exception {
        List<String> answer = peer.request("encrypt", text.getBytes(StandardCharsets.UTF_8));
        byte[] body = hex(answer.get(1));
        byte[] typed = new byte[body.length + 1];
        typed[0] = (byte) Integer.parseInt(answer.get(0));
        System.arraycopy(body, 0, typed, 1, body.length);
        return typed;
    }

    private String read(byte[] typed) throws Exception {
        CiphertextMessage message = CiphertextMessage.deserialize(typed[0], Arrays.copyOfRange(typed, 1, typed.length));
        return new String(new SessionCipher(ours.store, PEER, TestDevice.RANDOM).decrypt(message), StandardCharsets.UTF_8);
    }

    private byte[] write(String text) throws Exception {
        CiphertextMessage message = new SessionCipher(ours.store, PEER, TestDevice.RANDOM)
                .encrypt(text.getBytes(StandardCharsets.UTF_8));
        byte[] body = message.serialize();
        byte[] typed = new byte[body.length + 1];
        typed[0] = (byte) message.type();
        System.arraycopy(body, 0, typed, 1, body.length);
        return typed;
    }

    private String peerReads(byte[] typed) throws Exception {
        List<String> answer = peer.request("decrypt", typed[0], Arrays.copyOfRange(typed, 1, typed.length));
        return new String(hex(answer.get(0)), StandardCharsets.UTF_8);
    }

    private static byte[] hex(String word) {
        return HexFormat.of().parseHex(word);
    }
}
