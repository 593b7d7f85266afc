package com.teaminbox.bridge.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.crypto.XEdDSA;
import com.teaminbox.bridge.signal.DjbPublicKey;
import com.teaminbox.bridge.signal.PreKeyRecord;
import com.teaminbox.bridge.signal.SignedPreKeyRecord;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceKeysTest {
    private final DeviceKeys keys = DeviceKeys.generate(new SecureRandom(), 1, 500, 20, 1_700_000_000_000L);

    @Test
    void signedPreKeyIsSignedByTheIdentityOverTheTypedKey() {
        SignedPreKeyRecord signed = keys.signedPreKey();
        byte[] identity = keys.identityKeyPair().publicKey().publicKey();
        assertTrue(XEdDSA.verify(identity, DjbPublicKey.serialize(signed.publicKey()), signed.signature()));
        assertFalse(XEdDSA.verify(identity, signed.publicKey(), signed.signature()), "the 0x05 prefix is signed too");
    }

    @Test
    void batchHasConsecutiveIdsAndRegistrationIdIsInRange() {
        assertEquals(20, keys.oneTimePreKeys().size());
        assertEquals(500, keys.oneTimePreKeys().get(0).id());
        assertEquals(519, keys.oneTimePreKeys().get(19).id());
        assertTrue(keys.registrationId() >= 1 && keys.registrationId() <= DeviceKeys.MAX_REGISTRATION_ID);
        List<PreKeyRecord> wrapped = DeviceKeys.generatePreKeys(new SecureRandom(), DeviceKeys.MAX_PREKEY_ID, 2);
        assertEquals(List.of(DeviceKeys.MAX_PREKEY_ID, 1), wrapped.stream().map(PreKeyRecord::id).toList());
    }

    @Test
    void privateKeysStayOutOfToString() {
        String shown = keys + " " + keys.identityKeyPair() + " " + keys.signedPreKey() + " " + keys.oneTimePreKeys();
        HexFormat hex = HexFormat.of();
        assertFalse(shown.contains(hex.formatHex(keys.identityKeyPair().privateKey()).substring(0, 12)));
        assertFalse(shown.contains(hex.formatHex(keys.signedPreKey().privateKey()).substring(0, 12)));
    }
}
