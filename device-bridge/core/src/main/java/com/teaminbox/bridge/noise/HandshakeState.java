package com.teaminbox.bridge.noise;

import com.teaminbox.bridge.crypto.AuthenticationFailedException;
import com.teaminbox.bridge.crypto.InvalidPublicKeyException;
import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The {@code Noise_XX_25519_AESGCM_SHA256} handshake for one side of one connection:
 *
 * <pre>
 *   -&gt; e
 *   &lt;- e, ee, s, es
 *   -&gt; s, se
 * </pre>
 *
 * Each of the three messages may carry a payload (the client's login payload rides in the third,
 * the server's certificate chain in the second). Call {@link #writeMessage} and
 * {@link #readMessage} in turn; after the third message {@link #split()} gives the transport
 * session. A failed step leaves the state unusable: start a new handshake.
 */
public final class HandshakeState {

    public static final String PROTOCOL_NAME = "Noise_XX_25519_AESGCM_SHA256";

    private static final int DH_LENGTH = 32;
    private static final int TAG_LENGTH = 16;

    private final boolean initiator;
    private final SymmetricState symmetric = new SymmetricState(PROTOCOL_NAME);
    private final X25519KeyPair localStatic;
    private final X25519KeyPair localEphemeral;
    private byte[] remoteStatic;
    private byte[] remoteEphemeral;
    private int messageIndex;
    private boolean failed;

    private HandshakeState(boolean initiator, byte[] prologue, X25519KeyPair localStatic, X25519KeyPair localEphemeral) {
        this.initiator = initiator;
        this.localStatic = requireNonNull(localStatic, "local static key");
        this.localEphemeral = requireNonNull(localEphemeral, "local ephemeral key");
        symmetric.mixHash(prologue == null ? new byte[0] : prologue);
    }

    public static HandshakeState initiator(byte[] prologue, X25519KeyPair localStatic, SecureRandom random) {
        return new HandshakeState(true, prologue, localStatic, X25519.generateKeyPair(random));
    }

    public static HandshakeState responder(byte[] prologue, X25519KeyPair localStatic, SecureRandom random) {
        return new HandshakeState(false, prologue, localStatic, X25519.generateKeyPair(random));
    }

    /** With a fixed ephemeral key: for test vectors only, never in production. */
    static HandshakeState initiator(byte[] prologue, X25519KeyPair localStatic, X25519KeyPair localEphemeral) {
        return new HandshakeState(true, prologue, localStatic, localEphemeral);
    }

    /** With a fixed ephemeral key: for test vectors only, never in production. */
    static HandshakeState responder(byte[] prologue, X25519KeyPair localStatic, X25519KeyPair localEphemeral) {
        return new HandshakeState(false, prologue, localStatic, localEphemeral);
    }

    public boolean isInitiator() {
        return initiator;
    }

    /** True when it is this side's turn to write. */
    public boolean isMyTurn() {
        return !isComplete() && (messageIndex % 2 == 0) == initiator;
    }

    public boolean isComplete() {
        return messageIndex >= 3;
    }

    /** @return the remote static key once received (initiator: after message 2; responder: after message 3) */
    public byte[] remoteStaticKey() {
        return remoteStatic == null ? null : remoteStatic.clone();
    }

    public byte[] handshakeHash() {
        return symmetric.handshakeHash();
    }

    public byte[] writeMessage(byte[] payload) throws NoiseHandshakeException {
        checkUsable();
        if (!isMyTurn()) {
            throw new NoiseHandshakeException("not this side's turn to write handshake message " + (messageIndex + 1));
        }
        try {
            Message out = new Message();
            switch (messageIndex) {
                case 0 -> writeEphemeral(out);
                case 1 -> {
                    writeEphemeral(out);
                    symmetric.mixKey(dh(localEphemeral, remoteEphemeral));          // ee
                    out.append(symmetric.encryptAndHash(localStatic.publicKey()));  // s
                    symmetric.mixKey(dh(localStatic, remoteEphemeral));             // es (responder side)
                }
                case 2 -> {
                    out.append(symmetric.encryptAndHash(localStatic.publicKey()));  // s
                    symmetric.mixKey(dh(localStatic, remoteEphemeral));             // se (initiator side)
                }
                default -> throw new IllegalStateException("handshake already complete");
            }
            out.append(symmetric.encryptAndHash(payload == null ? new byte[0] : payload));
            messageIndex++;
            return out.bytes();
        } catch (InvalidPublicKeyException e) {
            failed = true;
            throw new NoiseHandshakeException("peer ephemeral key is unusable", e);
        }
    }

    public byte[] readMessage(byte[] message) throws NoiseHandshakeException {
        checkUsable();
        if (isComplete() || isMyTurn()) {
            throw new NoiseHandshakeException("not expecting to read handshake message " + (messageIndex + 1));
        }
        try {
            Reader in = new Reader(message);
            switch (messageIndex) {
                case 0 -> readEphemeral(in);
                case 1 -> {
                    readEphemeral(in);
                    symmetric.mixKey(dh(localEphemeral, remoteEphemeral));                       // ee
                    remoteStatic = symmetric.decryptAndHash(in.take(DH_LENGTH + TAG_LENGTH));   // s
                    symmetric.mixKey(dh(localEphemeral, remoteStatic));                          // es (initiator side)
                }
                case 2 -> {
                    remoteStatic = symmetric.decryptAndHash(in.take(DH_LENGTH + TAG_LENGTH));   // s
                    symmetric.mixKey(dh(localEphemeral, remoteStatic));                          // se (responder side)
                }
                default -> throw new IllegalStateException("handshake already complete");
            }
            byte[] payload = symmetric.decryptAndHash(in.rest());
            messageIndex++;
            return payload;
        } catch (AuthenticationFailedException e) {
            failed = true;
            throw new NoiseHandshakeException("handshake message " + (messageIndex + 1) + " did not authenticate", e);
        } catch (InvalidPublicKeyException e) {
            failed = true;
            throw new NoiseHandshakeException("peer sent an unusable public key", e);
        } catch (NoiseHandshakeException e) {
            failed = true;
            throw e;
        }
    }

    /** Ends the handshake: the transport ciphers for this side (send, receive). */
    public TransportSession split() throws NoiseHandshakeException {
        checkUsable();
        if (!isComplete()) {
            throw new NoiseHandshakeException("handshake not complete");
        }
        CipherState[] pair = symmetric.split();
        CipherState send = initiator ? pair[0] : pair[1];
        CipherState receive = initiator ? pair[1] : pair[0];
        failed = true; // a split state must not be reused
        return new TransportSession(send, receive, symmetric.handshakeHash(), remoteStatic);
    }

    private void writeEphemeral(Message out) {
        byte[] publicKey = localEphemeral.publicKey();
        out.append(publicKey);
        symmetric.mixHash(publicKey);
    }

    private void readEphemeral(Reader in) throws NoiseHandshakeException {
        remoteEphemeral = in.take(DH_LENGTH);
        symmetric.mixHash(remoteEphemeral);
    }

    private static byte[] dh(X25519KeyPair local, byte[] remotePublic) throws InvalidPublicKeyException {
        return X25519.agree(local.privateKey(), remotePublic);
    }

    private void checkUsable() throws NoiseHandshakeException {
        if (failed) {
            throw new NoiseHandshakeException("handshake state already failed or split; start a new handshake");
        }
    }

    private static X25519KeyPair requireNonNull(X25519KeyPair key, String what) {
        if (key == null) {
            throw new IllegalArgumentException(what + " is required for XX");
        }
        return key;
    }

    @Override
    public String toString() {
        return "HandshakeState[" + (initiator ? "initiator" : "responder") + ", message=" + messageIndex + "]";
    }

    /** Accumulates an outgoing handshake message. */
    private static final class Message {
        private byte[] bytes = new byte[0];

        void append(byte[] part) {
            byte[] joined = Arrays.copyOf(bytes, bytes.length + part.length);
            System.arraycopy(part, 0, joined, bytes.length, part.length);
            bytes = joined;
        }

        byte[] bytes() {
            return bytes;
        }
    }

    /** Reads an incoming handshake message front to back, refusing to run past its end. */
    private static final class Reader {
        private final byte[] message;
        private int position;

        Reader(byte[] message) throws NoiseHandshakeException {
            if (message == null) {
                throw new NoiseHandshakeException("empty handshake message");
            }
            this.message = message;
        }

        byte[] take(int length) throws NoiseHandshakeException {
            if (message.length - position < length) {
                throw new NoiseHandshakeException("handshake message too short");
            }
            byte[] part = Arrays.copyOfRange(message, position, position + length);
            position += length;
            return part;
        }

        byte[] rest() {
            byte[] part = Arrays.copyOfRange(message, position, message.length);
            position = message.length;
            return part;
        }
    }
}
