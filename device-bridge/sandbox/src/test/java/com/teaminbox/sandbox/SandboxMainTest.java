package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SandboxMainTest {

    @Test
    void demoChatterIsOffUnlessTheFlagIsGiven() {
        assertFalse(SandboxMain.parse().demoChatter());
        assertFalse(SandboxMain.parse("--port", "7790").demoChatter());
    }

    @Test
    void theDemoChatterFlagTakesNoValueAndMixesWithTheOtherOptions() {
        SandboxMain.Options options = SandboxMain.parse("--port", "7790", "--demo-chatter", "--data-dir", "d",
                "--companion-limit", "2");
        assertTrue(options.demoChatter());
        assertEquals(7790, options.settings().port());
        assertEquals(Path.of("d"), options.settings().dataDir());
        assertEquals(2, options.settings().companionLimit());
    }

    @Test
    void anOptionWithoutItsValueOrAnUnknownOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SandboxMain.parse("--port"));
        assertThrows(IllegalArgumentException.class, () -> SandboxMain.parse("--chatter"));
    }
}
