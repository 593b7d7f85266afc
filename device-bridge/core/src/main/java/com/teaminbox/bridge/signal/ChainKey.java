package com.teaminbox.bridge.signal;

import com.teaminbox.bridge.crypto.Hkdf;
import com.teaminbox.bridge.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One step of a sending or receiving chain. The constants 0x01 (message key seed) and 0x02 (next
 * chain key) and the HKDF info "WhisperMessageKeys" are Signal's, so that keys match other clients.
 */
final class ChainKey {
    private static final byte[] MESSAGE_KEY_SEED = {0x01};
    private static final byte[] CHAIN_KEY_SEED = {0x02};
    private static final byte[] MESSAGE_KEYS_INFO = "WhisperMessageKeys".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZERO_SALT = new byte[32];

    private final byte[] key;
    private final int index;

    ChainKey(byte[] key, int index) {
        DjbPublicKey.requireKeyLength(key);
        this.key = key.clone();
        this.index = index;
    }

    byte[] key() {
        return key.clone();
    }

    int index() {
        return index;
    }

    ChainKey next() {
        return new ChainKey(HmacSha256.mac(key, CHAIN_KEY_SEED), index + 1);
    }

    MessageKeys messageKeys() {
        byte[] seed = HmacSha256.mac(key, MESSAGE_KEY_SEED);
        byte[] derived = Hkdf.derive(seed, ZERO_SALT, MESSAGE_KEYS_INFO, MessageKeys.DERIVED_LENGTH);
        int macStart = MessageKeys.CIPHER_KEY_LENGTH;
        int ivStart = macStart + MessageKeys.MAC_KEY_LENGTH;
        return new MessageKeys(Arrays.copyOfRange(derived, 0, macStart),
                Arrays.copyOfRange(derived, macStart, ivStart),
                Arrays.copyOfRange(derived, ivStart, MessageKeys.DERIVED_LENGTH),
                index);
    }

    @Override
    public String toString() {
        return "ChainKey[index=" + index + "]";
    }
}
