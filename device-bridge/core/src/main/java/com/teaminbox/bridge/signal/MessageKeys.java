package com.teaminbox.bridge.signal;

/** The keys of one message: AES-256-CBC key, HMAC-SHA256 key and IV, derived from a chain step. */
record MessageKeys(byte[] cipherKey, byte[] macKey, byte[] iv, int counter) {
    static final int CIPHER_KEY_LENGTH = 32;
    static final int MAC_KEY_LENGTH = 32;
    static final int IV_LENGTH = 16;
    static final int DERIVED_LENGTH = CIPHER_KEY_LENGTH + MAC_KEY_LENGTH + IV_LENGTH;

    @Override
    public String toString() {
        return "MessageKeys[counter=" + counter + "]";
    }
}
