package com.teaminbox.bridge.stanza;

/** Which Signal message shape a per-device ciphertext has; the receiver needs it to pick the decryptor. */
public enum CiphertextKind {
    /** A normal Double Ratchet message on an existing session. */
    MESSAGE(0),
    /** The first message to a device: carries the X3DH data that starts the session. */
    PREKEY_MESSAGE(1);

    private final int code;

    CiphertextKind(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static CiphertextKind fromCode(int code) {
        for (CiphertextKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return null;
    }
}
