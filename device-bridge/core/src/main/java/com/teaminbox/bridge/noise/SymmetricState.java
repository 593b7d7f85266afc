package com.teaminbox.bridge.noise;

import com.teaminbox.bridge.crypto.AuthenticationFailedException;
import com.teaminbox.bridge.crypto.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Noise SymmetricState with SHA-256: the chaining key, the handshake hash and the current cipher. */
public final class SymmetricState {

    private static final int HASH_LENGTH = 32;

    private byte[] chainingKey;
    private byte[] handshakeHash;
    private final CipherState cipher = new CipherState();

    SymmetricState(String protocolName) {
        byte[] name = protocolName.getBytes(StandardCharsets.US_ASCII);
        // A name of at most HASHLEN bytes is used as h directly, zero-padded; longer ones are hashed.
        handshakeHash = name.length <= HASH_LENGTH ? Arrays.copyOf(name, HASH_LENGTH) : sha256(name);
        chainingKey = handshakeHash.clone();
    }

    void mixKey(byte[] inputKeyMaterial) {
        byte[] output = Hkdf.derive(inputKeyMaterial, chainingKey, new byte[0], 2 * HASH_LENGTH);
        chainingKey = Arrays.copyOf(output, HASH_LENGTH);
        cipher.initializeKey(Arrays.copyOfRange(output, HASH_LENGTH, 2 * HASH_LENGTH));
    }

    void mixHash(byte[] data) {
        handshakeHash = sha256(handshakeHash, data);
    }

    byte[] encryptAndHash(byte[] plaintext) {
        byte[] ciphertext = cipher.encryptWithAd(handshakeHash, plaintext);
        mixHash(ciphertext);
        return ciphertext;
    }

    byte[] decryptAndHash(byte[] ciphertext) throws AuthenticationFailedException {
        byte[] plaintext = cipher.decryptWithAd(handshakeHash, ciphertext);
        mixHash(ciphertext);
        return plaintext;
    }

    boolean hasKey() {
        return cipher.hasKey();
    }

    /** @return {initiator-to-responder, responder-to-initiator} */
    CipherState[] split() {
        byte[] output = Hkdf.derive(new byte[0], chainingKey, new byte[0], 2 * HASH_LENGTH);
        return new CipherState[] {
            new CipherState(Arrays.copyOf(output, HASH_LENGTH)),
            new CipherState(Arrays.copyOfRange(output, HASH_LENGTH, 2 * HASH_LENGTH))
        };
    }

    byte[] handshakeHash() {
        return handshakeHash.clone();
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SymmetricState[" + cipher + "]";
    }
}
