package com.teaminbox.bridge.noise;

import com.teaminbox.bridge.crypto.AuthenticationFailedException;
import java.util.HexFormat;

/**
 * The two transport ciphers after a completed handshake: one per direction, empty associated
 * data, independent counters. Sending and receiving may happen on different threads; each
 * direction is serialised on its own.
 */
public final class TransportSession {

    private static final byte[] NO_ASSOCIATED_DATA = new byte[0];

    private final CipherState sender;
    private final CipherState receiver;
    private final byte[] handshakeHash;
    private final byte[] remoteStaticKey;

    TransportSession(CipherState sender, CipherState receiver, byte[] handshakeHash, byte[] remoteStaticKey) {
        this.sender = sender;
        this.receiver = receiver;
        this.handshakeHash = handshakeHash.clone();
        this.remoteStaticKey = remoteStaticKey.clone();
    }

    public byte[] encrypt(byte[] plaintext) {
        synchronized (sender) {
            return sender.encryptWithAd(NO_ASSOCIATED_DATA, plaintext);
        }
    }

    /** @throws AuthenticationFailedException when the frame was forged, altered, replayed or reordered */
    public byte[] decrypt(byte[] ciphertext) throws AuthenticationFailedException {
        synchronized (receiver) {
            return receiver.decryptWithAd(NO_ASSOCIATED_DATA, ciphertext);
        }
    }

    /** The final handshake hash h, for channel binding. */
    public byte[] handshakeHash() {
        return handshakeHash.clone();
    }

    public byte[] remoteStaticKey() {
        return remoteStaticKey.clone();
    }

    @Override
    public String toString() {
        return "TransportSession[remoteStatic=" + HexFormat.of().formatHex(remoteStaticKey) + "]";
    }
}
