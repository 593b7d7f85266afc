package com.teaminbox.bridge.keys;

import com.teaminbox.bridge.signal.IdentityKeyPair;
import com.teaminbox.bridge.signal.PreKeyBundle;
import com.teaminbox.bridge.signal.PreKeyRecord;
import com.teaminbox.bridge.signal.SignedPreKeyRecord;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The Signal keys a device makes for itself before it links: identity key pair, registration id,
 * a signed prekey and a batch of one-time prekeys to upload. (The Noise static key belongs to the
 * transport and is made there.)
 */
public final class DeviceKeys {
    /** Signal's registration ids are 14-bit and never 0. */
    public static final int MAX_REGISTRATION_ID = 16380;
    /** Prekey ids are 24-bit on the wire of the real network; we stay in that range and wrap. */
    public static final int MAX_PREKEY_ID = 0xFFFFFF;

    private final IdentityKeyPair identityKeyPair;
    private final int registrationId;
    private final SignedPreKeyRecord signedPreKey;
    private final List<PreKeyRecord> oneTimePreKeys;

    public DeviceKeys(IdentityKeyPair identityKeyPair, int registrationId, SignedPreKeyRecord signedPreKey,
                      List<PreKeyRecord> oneTimePreKeys) {
        this.identityKeyPair = Objects.requireNonNull(identityKeyPair);
        this.registrationId = registrationId;
        this.signedPreKey = Objects.requireNonNull(signedPreKey);
        this.oneTimePreKeys = List.copyOf(oneTimePreKeys);
    }

    public static DeviceKeys generate(SecureRandom random, int signedPreKeyId, int firstPreKeyId, int preKeyCount,
                                      long timestampMillis) {
        IdentityKeyPair identity = IdentityKeyPair.generate(random);
        int registrationId = 1 + random.nextInt(MAX_REGISTRATION_ID);
        SignedPreKeyRecord signedPreKey = SignedPreKeyRecord.generate(signedPreKeyId, timestampMillis, identity, random);
        return new DeviceKeys(identity, registrationId, signedPreKey, generatePreKeys(random, firstPreKeyId, preKeyCount));
    }

    /** A batch of one-time prekeys with consecutive ids (wrapping within the 24-bit range, skipping 0). */
    public static List<PreKeyRecord> generatePreKeys(SecureRandom random, int firstId, int count) {
        List<PreKeyRecord> preKeys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int id = ((firstId - 1 + i) % MAX_PREKEY_ID) + 1;
            preKeys.add(PreKeyRecord.generate(id, random));
        }
        return preKeys;
    }

    public IdentityKeyPair identityKeyPair() {
        return identityKeyPair;
    }

    public int registrationId() {
        return registrationId;
    }

    public SignedPreKeyRecord signedPreKey() {
        return signedPreKey;
    }

    public List<PreKeyRecord> oneTimePreKeys() {
        return oneTimePreKeys;
    }

    /** The bundle a server would hand out for this device, with the given one-time prekey (or null for none). */
    public PreKeyBundle bundle(int deviceId, PreKeyRecord oneTimePreKey) {
        return new PreKeyBundle(registrationId, deviceId,
                oneTimePreKey == null ? OptionalInt.empty() : OptionalInt.of(oneTimePreKey.id()),
                oneTimePreKey == null ? null : oneTimePreKey.publicKey(),
                signedPreKey.id(), signedPreKey.publicKey(), signedPreKey.signature(), identityKeyPair.publicKey());
    }

    @Override
    public String toString() {
        return "DeviceKeys[identity=" + identityKeyPair.publicKey().fingerprint() + ", registrationId=" + registrationId
                + ", signedPreKey=" + signedPreKey.id() + ", oneTimePreKeys=" + oneTimePreKeys.size() + "]";
    }
}
