package com.teaminbox.server.device.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.keys.DeviceKeys;
import com.teaminbox.bridge.signal.SessionBuilder;
import com.teaminbox.bridge.signal.SessionRecord;
import com.teaminbox.bridge.signal.SignalAddress;
import com.teaminbox.server.api.TestData;
import com.teaminbox.server.device.DeviceRegistry;
import com.teaminbox.server.device.DeviceState;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Device key material in PostgreSQL, inside Payara Micro (profile demo, so the public demo
 * master key seals it). Each scenario links its own device.
 */
@ExtendWith(ArquillianExtension.class)
class DeviceKeyVaultIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SignalAddress CUSTOMER = new SignalAddress("+447700900123", 0);

    @Inject
    private DeviceKeyVault vault;

    @Inject
    private DeviceRegistry devices;

    @Resource(lookup = "java:comp/UserTransaction")
    private UserTransaction transaction;

    @Resource(lookup = "java:app/jdbc/inbox")
    private DataSource dataSource;

    @Deployment
    static WebArchive inboxServerWithTests() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("inbox.war")))
                .addClasses(DeviceKeyVaultIT.class, TestData.class);
    }

    @Test
    void createdKeysLoadBackEqualWithNothingPending() throws Exception {
        long device = newDevice();

        StoredDeviceKeys created = vault.create(device, System.currentTimeMillis());
        StoredDeviceKeys loaded = vault.load(device);

        assertTrue(created.store().pending().isEmpty());
        assertEquals(created.store().identityKeyPair().publicKey(), loaded.store().identityKeyPair().publicKey());
        assertArrayEquals(created.store().identityKeyPair().privateKey(), loaded.store().identityKeyPair().privateKey());
        assertEquals(created.store().localRegistrationId(), loaded.store().localRegistrationId());
        assertArrayEquals(created.noiseKey().publicKey(), loaded.noiseKey().publicKey());
        assertEquals(created.noiseKey(), loaded.noiseKey());
        assertEquals(1, loaded.store().loadSignedPreKeys().size());
        assertTrue(loaded.store().containsPreKey(1) && loaded.store().containsPreKey(DeviceKeyVault.INITIAL_PREKEYS));
        assertTrue(loaded.store().pending().isEmpty());
        assertEquals(3 + 1 + DeviceKeyVault.INITIAL_PREKEYS, rows(device));
    }

    @Test
    void aSessionWrittenInTheCallersTransactionIsThereAtTheNextLoad() throws Exception {
        long device = newDevice();
        StoredDeviceKeys keys = vault.create(device, System.currentTimeMillis());
        DeviceKeys customer = DeviceKeys.generate(RANDOM, 1, 1, 1, System.currentTimeMillis());
        new SessionBuilder(keys.store(), CUSTOMER, RANDOM).process(customer.bundle(0, customer.oneTimePreKeys().get(0)));

        transaction.begin();
        // ... the message row would be inserted here, in the same transaction ...
        PendingKeyWrites written = vault.writePending(keys);
        transaction.commit();

        assertEquals(2, written.size(), "the session and the customer's trusted identity: " + written);
        assertTrue(keys.store().pending().isEmpty(), "the commit cleared what it wrote");
        StoredDeviceKeys loaded = vault.load(device);
        assertArrayEquals(keys.store().loadSession(CUSTOMER).orElseThrow().serialize(),
                loaded.store().loadSession(CUSTOMER).orElseThrow().serialize());
        assertEquals(customer.identityKeyPair().publicKey(), loaded.store().identity(CUSTOMER).orElseThrow());
    }

    @Test
    void aRolledBackTransactionLeavesTheChangesPendingForTheNextWrite() throws Exception {
        long device = newDevice();
        StoredDeviceKeys keys = vault.create(device, System.currentTimeMillis());
        keys.store().removePreKey(1);

        transaction.begin();
        vault.writePending(keys);
        transaction.rollback();

        assertEquals(1, keys.store().pending().size());
        assertTrue(vault.load(device).store().containsPreKey(1));

        vault.flush(keys);

        assertTrue(keys.store().pending().isEmpty());
        assertFalse(vault.load(device).store().containsPreKey(1));
        assertThrows(TransactionalException.class, () -> vault.writePending(keys), "writePending needs the caller's transaction");
    }

    @Test
    void theDatabaseHoldsNoPlainKeysAndARowMovedToAnotherNameDoesNotOpen() throws Exception {
        long device = newDevice();
        StoredDeviceKeys keys = vault.create(device, System.currentTimeMillis());

        byte[] sealed;
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement(
                     "SELECT sealed FROM device_key_material WHERE device_id = ? AND kind = 'identity-key-pair'")) {
            select.setLong(1, device);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                sealed = row.getBytes(1);
            }
        }
        assertFalse(contains(sealed, keys.store().identityKeyPair().privateKey()), "the identity private key is sealed");
        assertFalse(contains(sealed, keys.store().identityKeyPair().publicKey().publicKey()));

        try (Connection db = dataSource.getConnection();
             PreparedStatement swap = db.prepareStatement(
                     "UPDATE device_key_material SET name = '999' WHERE device_id = ? AND kind = 'prekey' AND name = '1'")) {
            swap.setLong(1, device);
            assertEquals(1, swap.executeUpdate());
        }
        KeyMaterialUnreadable refused = assertThrows(KeyMaterialUnreadable.class, () -> vault.load(device));
        assertTrue(refused.getMessage().contains("prekey '999' of device " + device), refused.getMessage());
    }

    @Test
    void eraseRemovesEveryRowAndRevokingADeviceErasesItsKeys() throws Exception {
        long erased = newDevice();
        vault.create(erased, System.currentTimeMillis());

        vault.erase(erased);

        assertEquals(0, rows(erased));
        assertThrows(DeviceKeysMissing.class, () -> vault.load(erased));

        long revoked = newDevice();
        StoredDeviceKeys keys = vault.create(revoked, System.currentTimeMillis());
        devices.transition(revoked, DeviceState.REVOKED, "admin revoked it", "test");
        assertEquals(0, rows(revoked));

        // A late flush from the dead device's client writes nothing back.
        keys.store().storeSession(CUSTOMER, new SessionRecord());
        vault.flush(keys);
        assertEquals(0, rows(revoked));
    }

    @Test
    void aDeviceWithoutKeysIsReportedMissing() throws Exception {
        long device = newDevice();

        DeviceKeysMissing missing = assertThrows(DeviceKeysMissing.class, () -> vault.load(device));
        assertTrue(missing.getMessage().startsWith("Device " + device + " has no stored key material"), missing.getMessage());
    }

    private long newDevice() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            TestData data = new TestData(db);
            long account = data.account();
            long agent = data.agent("keys", 5, "online");
            return devices.startLinking(account, agent, "keys test phone", "test");
        }
    }

    private long rows(long device) throws Exception {
        try (Connection db = dataSource.getConnection()) {
            return new TestData(db).count("SELECT count(*) FROM device_key_material WHERE device_id = ?", device);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
