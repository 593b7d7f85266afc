package com.teaminbox.bridge.signal;

import com.teaminbox.bridge.crypto.Hkdf;
import com.teaminbox.bridge.crypto.InvalidPublicKeyException;
import com.teaminbox.bridge.crypto.X25519;
import java.nio.charset.StandardCharsets;

/** The root of the Double Ratchet: every DH ratchet step mixes a fresh DH output into it. */
final class RootKey {
    private static final byte[] RATCHET_INFO = "WhisperRatchet".getBytes(StandardCharsets.US_ASCII);

    private final byte[] key;

    RootKey(byte[] key) {
        DjbPublicKey.requireKeyLength(key);
        this.key = key.clone();
    }

    byte[] key() {
        return key.clone();
    }

    /** KDF_RK: HKDF(salt = root key, ikm = DH(our ratchet private, their ratchet public)). */
    DerivedKeys createChain(byte[] theirRatchetKey, byte[] ourRatchetPrivateKey) throws InvalidKeyException {
        byte[] sharedSecret;
        try {
            sharedSecret = X25519.agree(ourRatchetPrivateKey, theirRatchetKey);
        } catch (InvalidPublicKeyException e) {
            throw new InvalidKeyException("ratchet key is a low-order point", e);
        }
        return DerivedKeys.split(Hkdf.derive(sharedSecret, key, RATCHET_INFO, 64));
    }

    @Override
    public String toString() {
        return "RootKey[redacted]";
    }
}
