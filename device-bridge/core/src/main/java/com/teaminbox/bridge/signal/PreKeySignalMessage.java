package com.teaminbox.bridge.signal;

import java.util.OptionalInt;

/** The first messages of a session: a {@link SignalMessage} plus the X3DH data the recipient needs. */
public final class PreKeySignalMessage implements CiphertextMessage {
    private final int registrationId;
    private final OptionalInt preKeyId;
    private final int signedPreKeyId;
    private final byte[] baseKey;
    private final IdentityKey identityKey;
    private final SignalMessage message;
    private final byte[] serialized;

    PreKeySignalMessage(int registrationId, OptionalInt preKeyId, int signedPreKeyId, byte[] baseKey,
                        IdentityKey identityKey, SignalMessage message, byte[] serialized) {
        this.registrationId = registrationId;
        this.preKeyId = preKeyId;
        this.signedPreKeyId = signedPreKeyId;
        this.baseKey = baseKey.clone();
        this.identityKey = identityKey;
        this.message = message;
        this.serialized = serialized.clone();
    }

    static PreKeySignalMessage create(int registrationId, OptionalInt preKeyId, int signedPreKeyId, byte[] baseKey,
                                      IdentityKey identityKey, SignalMessage message) {
        byte[] serialized = SignalWireFormat.encodePreKeySignalMessage(registrationId, preKeyId, signedPreKeyId,
                baseKey, identityKey, message);
        return new PreKeySignalMessage(registrationId, preKeyId, signedPreKeyId, baseKey, identityKey, message,
                serialized);
    }

    public static PreKeySignalMessage deserialize(byte[] serialized) throws InvalidMessageException {
        return SignalWireFormat.decodePreKeySignalMessage(serialized);
    }

    public int version() {
        return SignalWireFormat.VERSION;
    }

    public int registrationId() {
        return registrationId;
    }

    public OptionalInt preKeyId() {
        return preKeyId;
    }

    public int signedPreKeyId() {
        return signedPreKeyId;
    }

    /** The initiator's X3DH ephemeral public key (32 bytes). */
    public byte[] baseKey() {
        return baseKey.clone();
    }

    public IdentityKey identityKey() {
        return identityKey;
    }

    public SignalMessage message() {
        return message;
    }

    @Override
    public int type() {
        return PREKEY_TYPE;
    }

    @Override
    public byte[] serialize() {
        return serialized.clone();
    }

    @Override
    public String toString() {
        return "PreKeySignalMessage[preKey=" + preKeyId + ", signedPreKey=" + signedPreKeyId
                + ", identity=" + identityKey.fingerprint() + ", " + message + "]";
    }
}
