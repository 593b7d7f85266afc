package com.teaminbox.server.device.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

    private final List<String> warnings = new ArrayList<>();

    @Test
    void aProductionInboxWithoutKeyRefusesToStartAndSaysHowToMakeOne() {
        for (String profile : new String[] {null, "production", "prod", ""}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> MasterKey.resolve(null, profile, warnings::add));
            assertTrue(refused.getMessage().startsWith("Missing setting inbox.devices.master-key"), refused.getMessage());
            assertTrue(refused.getMessage().contains("INBOX_DEVICES_MASTER_KEY"), refused.getMessage());
            assertTrue(refused.getMessage().contains("openssl rand -base64 32"), refused.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> MasterKey.resolve("   ", "production", warnings::add));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void theDemoProfileUsesThePublicDemoKeyWithOneWarning() {
        byte[] key = MasterKey.resolve(null, "demo", warnings::add);

        assertEquals(32, key.length);
        assertArrayEquals(MasterKey.demoKey(), key, "the demo key is fixed, so a demo database survives restarts");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("PUBLIC demo key"), warnings.get(0));
        assertTrue(warnings.get(0).contains("never use this inbox with real customers"), warnings.get(0));
    }

    @Test
    void aConfiguredKeyIsUsedAsIsAndNeverWarnedAbout() {
        byte[] raw = new byte[32];
        raw[0] = 7;
        raw[31] = 9;

        assertArrayEquals(raw, MasterKey.resolve(Base64.getEncoder().encodeToString(raw), "production", warnings::add));
        assertArrayEquals(raw, MasterKey.resolve(Base64.getEncoder().encodeToString(raw) + "\n", "demo", warnings::add));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void aKeyOfAnotherLengthIsRefusedWithItsLengthButNotItsValue() {
        String sixteen = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> MasterKey.resolve(sixteen, "demo", warnings::add));
        assertTrue(refused.getMessage().contains("inbox.devices.master-key"), refused.getMessage());
        assertTrue(refused.getMessage().contains("decodes to 16 bytes"), refused.getMessage());
        assertTrue(refused.getMessage().contains("exactly 32 bytes"), refused.getMessage());
        assertTrue(refused.getMessage().contains("openssl rand -base64 32"), refused.getMessage());
        assertFalse(refused.getMessage().contains(sixteen), "the setting's value stays out of messages");
    }

    @Test
    void aKeyThatIsNotBase64IsRefusedWithoutQuotingIt() {
        String garbage = "not*base64*at*all!";

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> MasterKey.resolve(garbage, "production", warnings::add));
        assertTrue(refused.getMessage().contains("is not valid base64"), refused.getMessage());
        assertTrue(refused.getMessage().contains("openssl rand -base64 32"), refused.getMessage());
        assertFalse(refused.getMessage().contains(garbage));
        assertEquals(null, refused.getCause(), "the decoder's message may quote the input");
    }
}
