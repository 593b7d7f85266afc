package com.teaminbox.server.device.keys;

import com.teaminbox.bridge.signal.IdentityKey;
import com.teaminbox.bridge.signal.IdentityKeyPair;
import com.teaminbox.bridge.signal.InvalidEncodingException;
import com.teaminbox.bridge.signal.PreKeyRecord;
import com.teaminbox.bridge.signal.SessionRecord;
import com.teaminbox.bridge.signal.SignalAddress;
import com.teaminbox.bridge.signal.SignalProtocolStore;
import com.teaminbox.bridge.signal.SignedPreKeyRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Signal stores of ONE device, served from memory and backed by device_key_material.
 *
 * <p>Every change is applied in memory at once and remembered as a pending write; the store never
 * writes to the database itself. The device client decrypts (which advances the ratchet, i.e.
 * {@link #storeSession}) before the inbox stores the message, so the caller writes the pending
 * changes with {@link DeviceKeyVault#writePending} in the same transaction as the message row:
 * a crash between the two then loses neither the message nor the ratchet step.
 *
 * <p>Thread-safe: the device client calls it from its event thread, a flusher from another.
 * The identity key pair and registration id never change, so they are never pending.
 */
public final class PersistentSignalStore implements SignalProtocolStore {

    private record Ref(KeyKind kind, String name) {
    }

    private final IdentityKeyPair identityKeyPair;
    private final int registrationId;
    private final Object lock = new Object();
    /** Serialized current values of prekeys, signed prekeys, sessions and trusted identities. */
    private final Map<Ref, byte[]> values = new HashMap<>();
    private final Map<Ref, PendingKeyWrite> pending = new HashMap<>();
    /** Last version given out; starts above every stored row's so that new writes win the upsert. */
    private long version;

    PersistentSignalStore(IdentityKeyPair identityKeyPair, int registrationId, long lastStoredVersion) {
        this.identityKeyPair = Objects.requireNonNull(identityKeyPair);
        this.registrationId = registrationId;
        this.version = lastStoredVersion;
    }

    /** Puts a value read from the database into memory, without making it pending. */
    void restore(KeyKind kind, String name, byte[] value) {
        synchronized (lock) {
            values.put(new Ref(kind, name), value.clone());
        }
    }

    /** What changed since the last commit, as a snapshot (later changes do not alter it). */
    public PendingKeyWrites pending() {
        synchronized (lock) {
            return pending.isEmpty() ? PendingKeyWrites.NONE : new PendingKeyWrites(List.copyOf(pending.values()));
        }
    }

    /**
     * The given writes are in the database: forget them, except where the key changed again since
     * (its newer version stays pending). Calling it twice for the same writes is harmless.
     */
    public void committed(PendingKeyWrites written) {
        synchronized (lock) {
            for (PendingKeyWrite write : written.writes()) {
                Ref ref = new Ref(write.kind(), write.name());
                PendingKeyWrite current = pending.get(ref);
                if (current != null && current.version() == write.version()) {
                    pending.remove(ref);
                }
            }
        }
    }

    private void put(KeyKind kind, String name, byte[] value) {
        synchronized (lock) {
            Ref ref = new Ref(kind, name);
            values.put(ref, value);
            pending.put(ref, new PendingKeyWrite(kind, name, value, ++version));
        }
    }

    private void remove(KeyKind kind, String name) {
        synchronized (lock) {
            Ref ref = new Ref(kind, name);
            if (values.remove(ref) != null || pending.containsKey(ref)) {
                pending.put(ref, new PendingKeyWrite(kind, name, null, ++version));
            }
        }
    }

    private byte[] get(KeyKind kind, String name) {
        synchronized (lock) {
            return values.get(new Ref(kind, name));
        }
    }

    private boolean has(KeyKind kind, String name) {
        synchronized (lock) {
            return values.containsKey(new Ref(kind, name));
        }
    }

    private List<String> names(KeyKind kind) {
        synchronized (lock) {
            return values.keySet().stream().filter(ref -> ref.kind() == kind).map(Ref::name).toList();
        }
    }

    static String name(SignalAddress address) {
        return address.user() + ":" + address.deviceId();
    }

    static SignalAddress address(String name) {
        int colon = name.lastIndexOf(':');
        return new SignalAddress(name.substring(0, colon), Integer.parseInt(name.substring(colon + 1)));
    }

    // ---------------------------------------------------------------- identities

    @Override
    public IdentityKeyPair identityKeyPair() {
        return identityKeyPair;
    }

    @Override
    public int localRegistrationId() {
        return registrationId;
    }

    @Override
    public boolean saveIdentity(SignalAddress address, IdentityKey identityKey) {
        byte[] key = identityKey.publicKey();
        synchronized (lock) {
            byte[] previous = get(KeyKind.TRUSTED_IDENTITY, name(address));
            if (Arrays.equals(previous, key)) {
                return false;
            }
            put(KeyKind.TRUSTED_IDENTITY, name(address), key);
            return previous != null;
        }
    }

    @Override
    public boolean isTrustedIdentity(SignalAddress address, IdentityKey identityKey) {
        byte[] known = get(KeyKind.TRUSTED_IDENTITY, name(address));
        return known == null || Arrays.equals(known, identityKey.publicKey());
    }

    @Override
    public Optional<IdentityKey> identity(SignalAddress address) {
        return Optional.ofNullable(get(KeyKind.TRUSTED_IDENTITY, name(address))).map(IdentityKey::new);
    }

    // ---------------------------------------------------------------- one-time prekeys

    @Override
    public Optional<PreKeyRecord> loadPreKey(int preKeyId) {
        byte[] stored = get(KeyKind.PREKEY, Integer.toString(preKeyId));
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PreKeyRecord.deserialize(stored));
        } catch (InvalidEncodingException e) {
            throw new KeyMaterialUnreadable("Stored prekey " + preKeyId + " is corrupt.", e);
        }
    }

    @Override
    public void storePreKey(PreKeyRecord record) {
        put(KeyKind.PREKEY, Integer.toString(record.id()), record.serialize());
    }

    @Override
    public boolean containsPreKey(int preKeyId) {
        return has(KeyKind.PREKEY, Integer.toString(preKeyId));
    }

    @Override
    public void removePreKey(int preKeyId) {
        remove(KeyKind.PREKEY, Integer.toString(preKeyId));
    }

    // ---------------------------------------------------------------- signed prekeys

    @Override
    public Optional<SignedPreKeyRecord> loadSignedPreKey(int signedPreKeyId) {
        byte[] stored = get(KeyKind.SIGNED_PREKEY, Integer.toString(signedPreKeyId));
        return stored == null ? Optional.empty() : Optional.of(signedPreKey(signedPreKeyId, stored));
    }

    @Override
    public List<SignedPreKeyRecord> loadSignedPreKeys() {
        List<SignedPreKeyRecord> records = new ArrayList<>();
        for (String name : names(KeyKind.SIGNED_PREKEY)) {
            byte[] stored = get(KeyKind.SIGNED_PREKEY, name);
            if (stored != null) {
                records.add(signedPreKey(Integer.parseInt(name), stored));
            }
        }
        records.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return records;
    }

    @Override
    public void storeSignedPreKey(SignedPreKeyRecord record) {
        put(KeyKind.SIGNED_PREKEY, Integer.toString(record.id()), record.serialize());
    }

    @Override
    public boolean containsSignedPreKey(int signedPreKeyId) {
        return has(KeyKind.SIGNED_PREKEY, Integer.toString(signedPreKeyId));
    }

    @Override
    public void removeSignedPreKey(int signedPreKeyId) {
        remove(KeyKind.SIGNED_PREKEY, Integer.toString(signedPreKeyId));
    }

    private static SignedPreKeyRecord signedPreKey(int id, byte[] stored) {
        try {
            return SignedPreKeyRecord.deserialize(stored);
        } catch (InvalidEncodingException e) {
            throw new KeyMaterialUnreadable("Stored signed prekey " + id + " is corrupt.", e);
        }
    }

    // ---------------------------------------------------------------- sessions

    @Override
    public Optional<SessionRecord> loadSession(SignalAddress address) {
        byte[] stored = get(KeyKind.SESSION, name(address));
        if (stored == null) {
            return Optional.empty();
        }
        try {
            // A fresh record on every load, as SessionStore promises.
            return Optional.of(SessionRecord.deserialize(stored));
        } catch (InvalidEncodingException e) {
            throw new KeyMaterialUnreadable("Stored session with " + address + " is corrupt.", e);
        }
    }

    @Override
    public void storeSession(SignalAddress address, SessionRecord record) {
        put(KeyKind.SESSION, name(address), record.serialize());
    }

    @Override
    public boolean containsSession(SignalAddress address) {
        return has(KeyKind.SESSION, name(address));
    }

    @Override
    public void deleteSession(SignalAddress address) {
        remove(KeyKind.SESSION, name(address));
    }

    @Override
    public List<Integer> deviceIdsWithSessions(String user) {
        return names(KeyKind.SESSION).stream().map(PersistentSignalStore::address)
                .filter(address -> address.user().equals(user))
                .map(SignalAddress::deviceId).sorted().toList();
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "PersistentSignalStore[identity=" + identityKeyPair.publicKey().fingerprint() + ", values=" + values.size()
                    + ", pending=" + pending.size() + "]";
        }
    }
}
