package com.teaminbox.server.device.keys;

import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.keys.DeviceKeys;
import com.teaminbox.bridge.signal.IdentityKeyPair;
import com.teaminbox.bridge.signal.InvalidEncodingException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Companion devices' key material in device_key_material, every value sealed by
 * {@link KeyMaterialCipher} under the {@link MasterKey}.
 *
 * <p>Use: {@link #create} when a device starts linking, {@link #load} when its session starts,
 * {@link #writePending} inside the transaction that stores what a decryption produced,
 * {@link #flush} for changes no message carries (prekeys consumed, identities trusted), and
 * {@link #erase} when the device is revoked or logged out.
 */
@ApplicationScoped
public class DeviceKeyVault {

    /** One-time prekeys made at link time; the device client tops them up later. */
    static final int INITIAL_PREKEYS = 20;
    static final String NOISE = "noise";
    static final String IDENTITY = "identity";
    static final String REGISTRATION = "registration";
    /** Advisory lock class for "key material of one device" (ASCII "KEYS"). */
    private static final int LOCK_CLASS = 0x4B455953;

    private final SecureRandom random = new SecureRandom();

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private MasterKey masterKey;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** New keys for a device that starts linking: Noise static key, Signal identity and prekeys, all stored sealed. */
    @Transactional
    public StoredDeviceKeys create(long deviceId, long nowMillis) {
        X25519KeyPair noise = X25519.generateKeyPair(random);
        DeviceKeys signal = DeviceKeys.generate(random, 1, 1, INITIAL_PREKEYS, nowMillis);
        insert(deviceId, KeyKind.NOISE_KEY, NOISE, noise.privateKey());
        insert(deviceId, KeyKind.IDENTITY_KEY_PAIR, IDENTITY, signal.identityKeyPair().serialize());
        insert(deviceId, KeyKind.REGISTRATION_ID, REGISTRATION, ByteBuffer.allocate(4).putInt(signal.registrationId()).array());

        PersistentSignalStore store = new PersistentSignalStore(signal.identityKeyPair(), signal.registrationId(), 0);
        store.storeSignedPreKey(signal.signedPreKey());
        signal.oneTimePreKeys().forEach(store::storePreKey);
        StoredDeviceKeys keys = new StoredDeviceKeys(deviceId, noise, store);
        // Written now; cleared in memory here too, so the caller gets a store with nothing pending
        // (if this transaction rolls back, the caller gets an exception, not the store).
        store.committed(writeRows(keys));
        return keys;
    }

    /** The device's keys as last committed. */
    @Transactional // also called from threads outside any request
    public StoredDeviceKeys load(long deviceId) {
        KeyMaterialCipher cipher = masterKey.cipher();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT kind, name, sealed, version FROM device_key_material WHERE device_id = ?1")
                .setParameter(1, deviceId).getResultList();
        Map<KeyKind, Map<String, byte[]>> opened = new EnumMap<>(KeyKind.class);
        long lastVersion = 0;
        for (Object[] row : rows) {
            KeyKind kind = KeyKind.of((String) row[0]);
            String name = (String) row[1];
            opened.computeIfAbsent(kind, k -> new HashMap<>()).put(name, cipher.open(deviceId, kind, name, (byte[]) row[2]));
            lastVersion = Math.max(lastVersion, ((Number) row[3]).longValue());
        }
        byte[] noise = opened.getOrDefault(KeyKind.NOISE_KEY, Map.of()).get(NOISE);
        byte[] identity = opened.getOrDefault(KeyKind.IDENTITY_KEY_PAIR, Map.of()).get(IDENTITY);
        byte[] registration = opened.getOrDefault(KeyKind.REGISTRATION_ID, Map.of()).get(REGISTRATION);
        if (noise == null || identity == null || registration == null) {
            throw new DeviceKeysMissing(deviceId);
        }
        PersistentSignalStore store;
        try {
            store = new PersistentSignalStore(IdentityKeyPair.deserialize(identity), ByteBuffer.wrap(registration).getInt(),
                    lastVersion);
        } catch (InvalidEncodingException | RuntimeException e) {
            throw new KeyMaterialUnreadable("The identity key pair or registration id of device " + deviceId + " is corrupt.", e);
        }
        for (KeyKind kind : List.of(KeyKind.PREKEY, KeyKind.SIGNED_PREKEY, KeyKind.SESSION, KeyKind.TRUSTED_IDENTITY)) {
            opened.getOrDefault(kind, Map.of()).forEach((name, value) -> store.restore(kind, name, value));
        }
        return new StoredDeviceKeys(deviceId, X25519.keyPairOf(noise), store);
    }

    /**
     * Writes the store's pending changes in the caller's transaction and returns what it wrote.
     * When that transaction commits, the store forgets them by itself; the caller may also call
     * {@code keys.store().committed(written)} after its commit (it is idempotent). On rollback they
     * stay pending and the next write carries them.
     */
    @Transactional(TxType.MANDATORY)
    public PendingKeyWrites writePending(StoredDeviceKeys keys) {
        PendingKeyWrites written = writeRows(keys);
        if (!written.isEmpty()) {
            PersistentSignalStore store = keys.store();
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        store.committed(written);
                    }
                }
            });
        }
        return written;
    }

    /** Writes the pending changes in a transaction of their own; the store forgets them once it commits. */
    @Transactional(TxType.REQUIRES_NEW)
    public void flush(StoredDeviceKeys keys) {
        writePending(keys);
    }

    /** Deletes all of the device's key material: a revoked or logged-out device's keys must not linger. */
    @Transactional
    public void erase(long deviceId) {
        em.createNativeQuery("DELETE FROM device_key_material WHERE device_id = ?1").setParameter(1, deviceId).executeUpdate();
    }

    private PendingKeyWrites writeRows(StoredDeviceKeys keys) {
        long deviceId = keys.deviceId();
        // Writers of one device take turns, and each snapshots only after its turn came: a later
        // transaction then always holds versions at least as new as an earlier one's.
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1, ?2)) AS locked")
                .setParameter(1, LOCK_CLASS).setParameter(2, (int) (deviceId ^ (deviceId >>> 32))).getSingleResult();
        PendingKeyWrites snapshot = keys.store().pending();
        KeyMaterialCipher cipher = masterKey.cipher();
        for (PendingKeyWrite write : snapshot.writes()) {
            if (write.deletion()) {
                em.createNativeQuery("""
                        DELETE FROM device_key_material
                         WHERE device_id = ?1 AND kind = ?2 AND name = ?3 AND version < ?4
                        """).setParameter(1, deviceId).setParameter(2, write.kind().code()).setParameter(3, write.name())
                        .setParameter(4, write.version()).executeUpdate();
            } else {
                // A device that was revoked or logged out gets nothing back; an older version never
                // overwrites a newer one.
                em.createNativeQuery("""
                        INSERT INTO device_key_material (device_id, kind, name, sealed, version, updated_at)
                        SELECT d.id, ?2, ?3, CAST(?4 AS bytea), ?5, now() FROM companion_device d
                         WHERE d.id = ?1 AND d.state NOT IN ('logged_out', 'revoked')
                        ON CONFLICT (device_id, kind, name) DO UPDATE
                           SET sealed = EXCLUDED.sealed, version = EXCLUDED.version, updated_at = now()
                         WHERE device_key_material.version < EXCLUDED.version
                        """).setParameter(1, deviceId).setParameter(2, write.kind().code()).setParameter(3, write.name())
                        .setParameter(4, cipher.seal(deviceId, write.kind(), write.name(), write.value()))
                        .setParameter(5, write.version()).executeUpdate();
            }
        }
        return snapshot;
    }

    private void insert(long deviceId, KeyKind kind, String name, byte[] value) {
        em.createNativeQuery("""
                INSERT INTO device_key_material (device_id, kind, name, sealed, version) VALUES (?1, ?2, ?3, CAST(?4 AS bytea), 0)
                """).setParameter(1, deviceId).setParameter(2, kind.code()).setParameter(3, name)
                .setParameter(4, masterKey.cipher().seal(deviceId, kind, name, value)).executeUpdate();
    }
}
