package com.teaminbox.bridge.signal;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the server hands out for a device without a session: its identity, signed prekey with
 * signature, registration id and, while the device has any left, one one-time prekey.
 */
public final class PreKeyBundle {
    private final int registrationId;
    private final int deviceId;
    private final OptionalInt preKeyId;
    private final byte[] preKeyPublic;
    private final int signedPreKeyId;
    private final byte[] signedPreKeyPublic;
    private final byte[] signedPreKeySignature;
    private final IdentityKey identityKey;

    /** @param preKeyId the one-time prekey's id, or empty when the device has none left (then preKeyPublic is null) */
    public PreKeyBundle(int registrationId, int deviceId, OptionalInt preKeyId, byte[] preKeyPublic,
                        int signedPreKeyId, byte[] signedPreKeyPublic, byte[] signedPreKeySignature,
                        IdentityKey identityKey) {
        if (preKeyId.isPresent() != (preKeyPublic != null)) {
            throw new IllegalArgumentException("one-time prekey id and key go together");
        }
        if (preKeyPublic != null) {
            DjbPublicKey.requireKeyLength(preKeyPublic);
        }
        DjbPublicKey.requireKeyLength(signedPreKeyPublic);
        this.registrationId = registrationId;
        this.deviceId = deviceId;
        this.preKeyId = preKeyId;
        this.preKeyPublic = preKeyPublic == null ? null : preKeyPublic.clone();
        this.signedPreKeyId = signedPreKeyId;
        this.signedPreKeyPublic = signedPreKeyPublic.clone();
        this.signedPreKeySignature = signedPreKeySignature.clone();
        this.identityKey = Objects.requireNonNull(identityKey, "identityKey");
    }

    public int registrationId() {
        return registrationId;
    }

    public int deviceId() {
        return deviceId;
    }

    public OptionalInt preKeyId() {
        return preKeyId;
    }

    /** The one-time prekey, or null when the bundle has none. */
    public byte[] preKeyPublic() {
        return preKeyPublic == null ? null : preKeyPublic.clone();
    }

    public int signedPreKeyId() {
        return signedPreKeyId;
    }

    public byte[] signedPreKeyPublic() {
        return signedPreKeyPublic.clone();
    }

    public byte[] signedPreKeySignature() {
        return signedPreKeySignature.clone();
    }

    public IdentityKey identityKey() {
        return identityKey;
    }

    @Override
    public String toString() {
        return "PreKeyBundle[device=" + deviceId + ", preKey=" + preKeyId + ", signedPreKey=" + signedPreKeyId
                + ", identity=" + identityKey.fingerprint() + "]";
    }
}
