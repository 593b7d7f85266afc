package com.teaminbox.bridge.linking;

import com.teaminbox.bridge.crypto.AesGcm;
import com.teaminbox.bridge.crypto.AuthenticationFailedException;
import com.teaminbox.bridge.crypto.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The companion's "finish" message of the pairing-code exchange: its identity key, the
 * primary's identity key and 32 fresh random bytes, under a key derived from the ephemeral
 * agreement s1: K = HKDF(s1, salt, "link_code_pairing_key_bundle_encryption_key");
 * bundle = salt(32) ‖ nonce(12) ‖ AES-GCM(K, companionIdPub ‖ primaryIdPub ‖ random32).
 */
public final class PairingKeyBundle {

    public static final int LENGTH = 32 + 12 + 96 + 16;
    private static final byte[] INFO = "link_code_pairing_key_bundle_encryption_key".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_LENGTH = 32;
    private static final int KEY_LENGTH = 32;

    /** What the bundle carries. */
    public record Contents(byte[] companionIdentityPublicKey, byte[] primaryIdentityPublicKey, byte[] random) {
        @Override
        public String toString() {
            return "PairingKeyBundle.Contents[redacted]";
        }
    }

    private PairingKeyBundle() {
    }

    static byte[] seal(byte[] s1, Contents contents, SecureRandom random) {
        byte[] salt = new byte[SALT_LENGTH];
        byte[] nonce = new byte[AesGcm.NONCE_LENGTH];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] plaintext = DeviceIdentity.concat(contents.companionIdentityPublicKey(),
                contents.primaryIdentityPublicKey(), contents.random());
        byte[] ciphertext = AesGcm.encrypt(keyFor(s1, salt), nonce, plaintext, new byte[0]);
        return DeviceIdentity.concat(salt, nonce, ciphertext);
    }

    /**
     * @throws LinkingException WRONG_PAIRING_CODE when the bundle does not open: the two sides
     *                          did not agree on s1, which is what a mistyped code leads to
     */
    static Contents open(byte[] s1, byte[] bundle) throws LinkingException {
        if (bundle == null || bundle.length != LENGTH) {
            throw new LinkingException(LinkingException.Kind.PROTOCOL_VIOLATION, "a key bundle is " + LENGTH + " bytes");
        }
        byte[] salt = Arrays.copyOfRange(bundle, 0, SALT_LENGTH);
        byte[] nonce = Arrays.copyOfRange(bundle, SALT_LENGTH, SALT_LENGTH + AesGcm.NONCE_LENGTH);
        byte[] ciphertext = Arrays.copyOfRange(bundle, SALT_LENGTH + AesGcm.NONCE_LENGTH, LENGTH);
        byte[] plaintext;
        try {
            plaintext = AesGcm.decrypt(keyFor(s1, salt), nonce, ciphertext, new byte[0]);
        } catch (AuthenticationFailedException e) {
            throw new LinkingException(LinkingException.Kind.WRONG_PAIRING_CODE,
                    "the code entered on the phone does not match the code shown on the device", e);
        }
        return new Contents(Arrays.copyOfRange(plaintext, 0, 32), Arrays.copyOfRange(plaintext, 32, 64),
                Arrays.copyOfRange(plaintext, 64, 96));
    }

    private static byte[] keyFor(byte[] s1, byte[] salt) {
        return Hkdf.derive(s1, salt, INFO, KEY_LENGTH);
    }
}
