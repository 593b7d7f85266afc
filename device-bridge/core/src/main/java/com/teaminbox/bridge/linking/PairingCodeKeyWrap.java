package com.teaminbox.bridge.linking;

import com.teaminbox.bridge.crypto.AesCtr;
import com.teaminbox.bridge.crypto.Pbkdf2;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Wraps an ephemeral public key under the pairing code, so only someone who knows the code can
 * use it: key = PBKDF2-HMAC-SHA256(code, salt, 2^17, 32); wrapped = salt(32) ‖ iv(16) ‖ AES-256-CTR(key, iv, pub).
 * CTR has no tag on purpose: a wrong code unwraps to a different, valid-looking key, and the
 * mistake only shows when the primary fails to open the key bundle (no offline guessing oracle).
 */
public final class PairingCodeKeyWrap {

    public static final int WRAPPED_LENGTH = 80;
    static final int ITERATIONS = 1 << 17;
    private static final int SALT_LENGTH = 32;
    private static final int IV_LENGTH = 16;
    private static final int KEY_LENGTH = 32;

    private PairingCodeKeyWrap() {
    }

    public static byte[] wrap(PairingCode code, byte[] ephemeralPublicKey, SecureRandom random) {
        if (ephemeralPublicKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("ephemeral public key must be " + KEY_LENGTH + " bytes");
        }
        byte[] salt = new byte[SALT_LENGTH];
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(salt);
        random.nextBytes(iv);
        byte[] encrypted = AesCtr.apply(keyFor(code, salt), iv, ephemeralPublicKey);
        return DeviceIdentity.concat(salt, iv, encrypted);
    }

    /** @throws LinkingException PROTOCOL_VIOLATION if the wrapped key does not have the wrapped shape */
    public static byte[] unwrap(PairingCode code, byte[] wrapped) throws LinkingException {
        if (wrapped == null || wrapped.length != WRAPPED_LENGTH) {
            throw new LinkingException(LinkingException.Kind.PROTOCOL_VIOLATION,
                    "a wrapped pairing key is " + WRAPPED_LENGTH + " bytes");
        }
        byte[] salt = Arrays.copyOfRange(wrapped, 0, SALT_LENGTH);
        byte[] iv = Arrays.copyOfRange(wrapped, SALT_LENGTH, SALT_LENGTH + IV_LENGTH);
        byte[] encrypted = Arrays.copyOfRange(wrapped, SALT_LENGTH + IV_LENGTH, WRAPPED_LENGTH);
        return AesCtr.apply(keyFor(code, salt), iv, encrypted);
    }

    private static byte[] keyFor(PairingCode code, byte[] salt) {
        return Pbkdf2.sha256(code.passwordBytes(), salt, ITERATIONS, KEY_LENGTH);
    }
}
