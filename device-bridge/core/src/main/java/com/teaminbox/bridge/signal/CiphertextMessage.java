package com.teaminbox.bridge.signal;

/** What {@link SessionCipher#encrypt} produces: a prekey message while the peer has not answered, else a normal one. */
public sealed interface CiphertextMessage permits SignalMessage, PreKeySignalMessage {
    /** Signal's type numbers, carried next to the bytes by the transport. */
    int SIGNAL_TYPE = 2;
    int PREKEY_TYPE = 3;

    int type();

    byte[] serialize();

    static CiphertextMessage deserialize(int type, byte[] serialized) throws InvalidMessageException {
        return switch (type) {
            case SIGNAL_TYPE -> SignalMessage.deserialize(serialized);
            case PREKEY_TYPE -> PreKeySignalMessage.deserialize(serialized);
            default -> throw new InvalidMessageException("unknown ciphertext type " + type);
        };
    }
}
