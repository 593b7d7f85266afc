package com.teaminbox.server.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InboxProfileTest {

    @Test
    void onlyTheWordDemoMakesADemo() {
        assertTrue(InboxProfile.isDemo("demo"));
        assertTrue(InboxProfile.isDemo(" demo\n"), "INBOX_PROFILE=demo from a file may end in a newline");
        for (String production : new String[] {null, "", "production", InboxProfile.DEFAULT, "Demo", "demo-ish"}) {
            assertFalse(InboxProfile.isDemo(production), String.valueOf(production));
        }
    }
}
