package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.client.LogoutReason;
import com.teaminbox.bridge.client.ReceivedMessage;
import com.teaminbox.sandbox.customer.SimulatedCustomer;
import com.teaminbox.sandbox.phone.SimulatedDevice;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A person moved the sandbox clock past the lifecycle rules with the phone simulator's buttons,
 * stopped the sandbox and starts it again on the same data folder: it must come up.
 */
class RestartAfterClockMovedTest extends SandboxTestBase {

    static final String ANNA = "4915111111111";
    static final String BEN = "4915122222222";
    static final String CHIARA = "4915133333333";

    @Test
    void theDemoWorldStartsAgainAfterTheClockMovedThirtyOneDays() throws Exception {
        TestCompanion agent = linkedByQr("agent");
        sandbox.createCustomer(ANNA, "Anna", 1);
        sandbox.createCustomer(BEN, "Ben", 2);
        sandbox.createCustomer(CHIARA, "Chiara", 1);

        sandbox.advanceClock(Duration.ofDays(31));
        TestCompanion.await(() -> agent.logouts.contains(LogoutReason.DEVICE_REMOVED), "the agent's device removed");
        assertTrue(sandbox.switchboard().directory().find(BEN).orElseThrow().wasRemoved(1),
                "the rules removed Ben's second device too");

        sandbox.close();
        sandbox = Sandbox.start(SandboxSettings.defaults(dataDir).withPorts(port, -1));
        phone = sandbox.phone().orElseThrow();

        assertTrue(phone.isOnline());
        assertEquals(List.of(), phone.linkedDevices(), "the business's companions stay removed");
        SimulatedCustomer ben = sandbox.customer(BEN).orElseThrow();
        assertEquals(2, ben.devices().size(), "Ben's second device is linked again");
        assertNotEquals(1, ben.devices().get(1).address().device(), "under a new id: ids are never reused");
        sandbox.switchboard().sweep(); // the rules again, as the sandbox's timer does every second
        assertEquals(2, sandbox.switchboard().directory().find(BEN).orElseThrow().devices().size());
        assertTrue(ben.devices().stream().allMatch(SimulatedDevice::isOnline), ben.devices().toString());

        for (String customer : List.of(ANNA, BEN, CHIARA)) {
            sandbox.customer(customer).orElseThrow().send(BUSINESS, "hello again from " + customer);
        }
        TestCompanion.await(() -> phone.messages().size() == 3, "the phone hears all three customers");
        phone.send(BEN, "welcome back");
        TestCompanion.await(() -> ben.devices().stream().allMatch(d -> d.inbox().stream()
                .map(ReceivedMessage::content).anyMatch(c -> "welcome back".equals(c.text()))),
                "the reply on both of Ben's devices");
    }
}
