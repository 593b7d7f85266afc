package com.teaminbox.bridge.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.crypto.AuthenticationFailedException;
import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A companion (initiator) and the server (responder) run XX end to end, then talk in frames. */
class NoiseHandshakeTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PROLOGUE = "TI\u0001\u0000".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private final X25519KeyPair clientStatic = X25519.generateKeyPair(RANDOM);
    private final X25519KeyPair serverStatic = X25519.generateKeyPair(RANDOM);
    private final X25519KeyPair root = X25519.generateKeyPair(RANDOM);
    private final X25519KeyPair intermediateKey = X25519.generateKeyPair(RANDOM);

    @Test
    void clientAndServerHandshakeWithPayloadsThenExchangeFramesBothWays() throws Exception {
        HandshakeState client = HandshakeState.initiator(PROLOGUE, clientStatic, RANDOM);
        HandshakeState server = HandshakeState.responder(PROLOGUE, serverStatic, RANDOM);
        FrameCodec clientFrames = new FrameCodec();
        FrameCodec serverFrames = new FrameCodec();

        // -> e, with a hello payload
        byte[] hello = utf8("client hello");
        byte[] m1 = single(serverFrames.decode(clientFrames.encode(client.writeMessage(hello))));
        assertArrayEquals(hello, server.readMessage(m1));

        // <- e, ee, s, es, with the certificate chain as payload
        byte[] chain = certificateChain().encode();
        byte[] m2 = single(clientFrames.decode(serverFrames.encode(server.writeMessage(chain))));
        byte[] receivedChain = client.readMessage(m2);
        assertArrayEquals(chain, receivedChain);
        assertArrayEquals(serverStatic.publicKey(), client.remoteStaticKey());
        assertDoesNotThrow(() -> new CertificateChainVerifier(0, root.publicKey())
                .verify(receivedChain, client.remoteStaticKey(), NOW));

        // -> s, se, with the login payload
        byte[] login = utf8("device 3 of account 15550001");
        byte[] m3 = single(serverFrames.decode(clientFrames.encode(client.writeMessage(login))));
        assertFalse(java.util.Arrays.equals(login, java.util.Arrays.copyOfRange(m3, 48, m3.length)), "login is encrypted");
        assertArrayEquals(login, server.readMessage(m3));
        assertArrayEquals(clientStatic.publicKey(), server.remoteStaticKey());

        assertTrue(client.isComplete() && server.isComplete());
        TransportSession clientSession = client.split();
        TransportSession serverSession = server.split();
        assertArrayEquals(clientSession.handshakeHash(), serverSession.handshakeHash());

        for (int i = 0; i < 5; i++) {
            byte[] up = utf8("message " + i + " to server");
            assertArrayEquals(up, serverSession.decrypt(single(serverFrames.decode(clientFrames.encode(clientSession.encrypt(up))))));
            byte[] down = utf8("receipt " + i + " to client");
            assertArrayEquals(down, clientSession.decrypt(single(clientFrames.decode(serverFrames.encode(serverSession.encrypt(down))))));
        }
    }

    @Test
    void transportRejectsTamperingReplayAndReordering() throws Exception {
        TransportSession[] sessions = handshake(PROLOGUE, PROLOGUE);
        TransportSession client = sessions[0];
        TransportSession server = sessions[1];

        byte[] first = client.encrypt(utf8("first"));
        byte[] second = client.encrypt(utf8("second"));
        assertThrows(AuthenticationFailedException.class, () -> server.decrypt(second), "out of order");
        byte[] flipped = first.clone();
        flipped[2] ^= 0x40;
        assertThrows(AuthenticationFailedException.class, () -> server.decrypt(flipped), "tampered");
        assertArrayEquals(utf8("first"), server.decrypt(first));
        assertThrows(AuthenticationFailedException.class, () -> server.decrypt(first), "replayed");
        assertArrayEquals(utf8("second"), server.decrypt(second));

        // A frame for one direction does not decrypt in the other.
        byte[] up = client.encrypt(utf8("up"));
        assertThrows(AuthenticationFailedException.class, () -> client.decrypt(up));
    }

    @Test
    void differentProloguesFailAtTheFirstAuthenticatedMessage() throws Exception {
        HandshakeState client = HandshakeState.initiator(PROLOGUE, clientStatic, RANDOM);
        HandshakeState server = HandshakeState.responder(utf8("other"), serverStatic, RANDOM);
        server.readMessage(client.writeMessage(new byte[0]));
        byte[] m2 = server.writeMessage(new byte[0]);
        NoiseHandshakeException e = assertThrows(NoiseHandshakeException.class, () -> client.readMessage(m2));
        assertTrue(e.getMessage().contains("did not authenticate"));
        assertThrows(NoiseHandshakeException.class, () -> client.writeMessage(new byte[0]), "failed state is dead");
    }

    @Test
    void tamperedOrTruncatedHandshakeMessagesFail() throws Exception {
        HandshakeState client = HandshakeState.initiator(PROLOGUE, clientStatic, RANDOM);
        HandshakeState server = HandshakeState.responder(PROLOGUE, serverStatic, RANDOM);
        server.readMessage(client.writeMessage(new byte[0]));
        byte[] m2 = server.writeMessage(utf8("chain"));
        byte[] tampered = m2.clone();
        tampered[40] ^= 1; // inside the encrypted server static key
        assertThrows(NoiseHandshakeException.class, () -> client.readMessage(tampered));

        HandshakeState other = HandshakeState.responder(PROLOGUE, serverStatic, RANDOM);
        assertThrows(NoiseHandshakeException.class, () -> other.readMessage(new byte[31]), "shorter than a key");
    }

    @Test
    void lowOrderEphemeralKeyIsRefused() throws Exception {
        HandshakeState client = HandshakeState.initiator(PROLOGUE, clientStatic, RANDOM);
        HandshakeState server = HandshakeState.responder(PROLOGUE, serverStatic, RANDOM);
        client.writeMessage(new byte[0]);
        server.readMessage(new byte[32]); // all-zero "ephemeral key"
        assertThrows(NoiseHandshakeException.class, () -> server.writeMessage(new byte[0]));
    }

    @Test
    void messagesOutOfTurnAreRefused() throws Exception {
        HandshakeState client = HandshakeState.initiator(PROLOGUE, clientStatic, RANDOM);
        HandshakeState server = HandshakeState.responder(PROLOGUE, serverStatic, RANDOM);
        assertThrows(NoiseHandshakeException.class, () -> server.writeMessage(new byte[0]));
        assertThrows(NoiseHandshakeException.class, () -> client.readMessage(new byte[48]));
        assertThrows(NoiseHandshakeException.class, client::split);
        assertNull(client.remoteStaticKey());
        assertEquals(28, HandshakeState.PROTOCOL_NAME.length(), "short name: zero-padded to 32 bytes as h");
    }

    @Test
    void stateDescriptionsCarryNoKeys() throws Exception {
        TransportSession[] sessions = handshake(PROLOGUE, PROLOGUE);
        String text = sessions[0].toString() + HandshakeState.initiator(PROLOGUE, clientStatic, RANDOM);
        String privateHex = java.util.HexFormat.of().formatHex(clientStatic.privateKey());
        assertFalse(text.contains(privateHex));
    }

    private TransportSession[] handshake(byte[] clientPrologue, byte[] serverPrologue) throws Exception {
        HandshakeState client = HandshakeState.initiator(clientPrologue, clientStatic, RANDOM);
        HandshakeState server = HandshakeState.responder(serverPrologue, serverStatic, RANDOM);
        server.readMessage(client.writeMessage(new byte[0]));
        client.readMessage(server.writeMessage(new byte[0]));
        server.readMessage(client.writeMessage(new byte[0]));
        return new TransportSession[] {client.split(), server.split()};
    }

    private ServerCertificateChain certificateChain() {
        Instant from = NOW.minus(Duration.ofDays(1));
        Instant until = NOW.plus(Duration.ofDays(30));
        ServerCertificate intermediate = ServerCertificate.issue(
                new CertificateDetails(1, 0, intermediateKey.publicKey(), from, until), root.privateKey(), RANDOM);
        ServerCertificate leaf = ServerCertificate.issue(
                new CertificateDetails(2, 1, serverStatic.publicKey(), from, until), intermediateKey.privateKey(), RANDOM);
        return new ServerCertificateChain(intermediate, leaf);
    }

    private static byte[] single(List<byte[]> frames) {
        assertEquals(1, frames.size());
        return frames.get(0);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
