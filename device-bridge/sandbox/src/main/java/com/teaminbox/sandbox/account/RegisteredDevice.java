package com.teaminbox.sandbox.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.teaminbox.bridge.stanza.OneTimePreKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * What the network knows of one device: the keys that authenticate it (Noise) and that others
 * encrypt to (Signal identity, signed prekey, one-time prekeys), its platform and when it was
 * last seen. Public keys only: the network never holds a device's private keys.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class RegisteredDevice {

    private int id;
    private String platform;
    private byte[] noiseKey;
    private byte[] identityKey;
    private int registrationId;
    private int signedPreKeyId;
    private byte[] signedPreKey;
    private byte[] signedPreKeySignature;
    private List<StoredPreKey> preKeys = new ArrayList<>();
    private long lastSeenMillis;
    private long keyIndex;

    /** A one-time prekey as kept on disk. */
    public record StoredPreKey(int id, byte[] key) {
    }

    RegisteredDevice() {
        // for Jackson
    }

    public RegisteredDevice(int id, String platform, byte[] noiseKey, byte[] identityKey, int registrationId,
                            int signedPreKeyId, byte[] signedPreKey, byte[] signedPreKeySignature, long keyIndex,
                            long lastSeenMillis) {
        this.id = id;
        this.platform = platform;
        this.noiseKey = noiseKey.clone();
        this.identityKey = identityKey.clone();
        this.registrationId = registrationId;
        this.signedPreKeyId = signedPreKeyId;
        this.signedPreKey = signedPreKey.clone();
        this.signedPreKeySignature = signedPreKeySignature.clone();
        this.keyIndex = keyIndex;
        this.lastSeenMillis = lastSeenMillis;
    }

    public int id() {
        return id;
    }

    public String platform() {
        return platform;
    }

    public byte[] noiseKey() {
        return noiseKey.clone();
    }

    public byte[] identityKey() {
        return identityKey.clone();
    }

    public int registrationId() {
        return registrationId;
    }

    public int signedPreKeyId() {
        return signedPreKeyId;
    }

    public byte[] signedPreKey() {
        return signedPreKey.clone();
    }

    public byte[] signedPreKeySignature() {
        return signedPreKeySignature.clone();
    }

    public long keyIndex() {
        return keyIndex;
    }

    public long lastSeenMillis() {
        return lastSeenMillis;
    }

    void seenAt(long millis) {
        lastSeenMillis = Math.max(lastSeenMillis, millis);
    }

    /** A new upload replaces the signed prekey and adds one-time prekeys. */
    void publish(int newRegistrationId, int newSignedPreKeyId, byte[] newSignedPreKey, byte[] newSignature,
                 List<OneTimePreKey> oneTime) {
        registrationId = newRegistrationId;
        signedPreKeyId = newSignedPreKeyId;
        signedPreKey = newSignedPreKey.clone();
        signedPreKeySignature = newSignature.clone();
        oneTime.forEach(p -> preKeys.add(new StoredPreKey(p.id(), p.publicKey())));
    }

    /** Hands out a one-time prekey once: a second session with the same one would weaken X3DH. */
    Optional<OneTimePreKey> takePreKey() {
        if (preKeys.isEmpty()) {
            return Optional.empty();
        }
        StoredPreKey taken = preKeys.remove(0);
        return Optional.of(new OneTimePreKey(taken.id(), taken.key()));
    }

    public int preKeyCount() {
        return preKeys.size();
    }

    @Override
    public String toString() {
        return "RegisteredDevice[" + id + ", " + platform + ", " + preKeys.size() + " prekeys]";
    }
}
