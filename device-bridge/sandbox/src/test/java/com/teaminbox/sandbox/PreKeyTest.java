package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.sandbox.account.AccountDirectory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The network tells a device when its one-time prekeys run low, and the device tops them up. */
class PreKeyTest extends SandboxTestBase {

    /** Switchboard.PREKEY_LOW_THRESHOLD: below this the device is told. */
    private static final int THRESHOLD = 10;

    @Test
    void aDeviceWhosePrekeysFallBelowTheThresholdIsToldAndUploadsMore() throws Exception {
        TestCompanion companion = linkedByQr("agent");
        DeviceAddress address = companion.address();
        AccountDirectory directory = sandbox.switchboard().directory();
        TestCompanion.await(() -> count(address) >= THRESHOLD, "the first batch after linking");
        while (count(address) > THRESHOLD) {
            directory.takePreKey(address); // as other senders' fetches would have
        }

        // A new customer fetches a bundle of every business device: the companion falls to 9.
        sandbox.createCustomer(CUSTOMER, "Anna", 1).send(BUSINESS, "hello");

        TestCompanion.await(() -> count(address) > THRESHOLD, "prekey-low answered with a new batch");
        assertTrue(count(address) >= THRESHOLD - 1 + 20, "a whole batch arrived: " + count(address));
        companion.awaitMessages(1);
    }

    @Test
    void aDeviceThatLogsInWithFewPrekeysIsToldAtLogin() throws Exception {
        TestCompanion companion = linkedByQr("agent");
        DeviceAddress address = companion.address();
        TestCompanion.await(() -> count(address) >= THRESHOLD, "the first batch after linking");
        companion.client.close();
        while (count(address) > 3) {
            sandbox.switchboard().directory().takePreKey(address);
        }

        TestCompanion back = new TestCompanion(sandbox, companion.registration);
        companions.add(back);
        back.client.connect().toCompletableFuture().get(TestCompanion.WAIT.toSeconds(), TimeUnit.SECONDS);

        TestCompanion.await(() -> count(address) > THRESHOLD, "topped up after the login notice");
    }

    private int count(DeviceAddress address) {
        return sandbox.switchboard().directory().device(address).orElseThrow().preKeyCount();
    }
}
