package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.client.ClientException;
import com.teaminbox.bridge.client.ConnectionState;
import com.teaminbox.bridge.client.LogoutReason;
import com.teaminbox.sandbox.customer.SimulatedCustomer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LifecycleTest extends SandboxTestBase {

    @Test
    void fourteenDaysWithoutThePrimaryRemovesEveryCompanionAndLaterLoginsFailWith401() throws Exception {
        TestCompanion online = linkedByQr("agent-online");
        TestCompanion offline = linkedByCode("agent-offline");
        offline.client.close();

        sandbox.advanceClock(Duration.ofDays(13));
        assertTrue(online.logouts.isEmpty(), "13 days are not enough");

        sandbox.advanceClock(Duration.ofDays(1).plusMinutes(1));

        TestCompanion.await(() -> online.logouts.contains(LogoutReason.DEVICE_REMOVED), "device_removed stream error");
        TestCompanion.await(() -> online.client.state() == ConnectionState.LOGGED_OUT, "logged out, no reconnects");
        assertTrue(phone.linkedDevices().isEmpty());

        TestCompanion again = new TestCompanion(sandbox, offline.registration);
        companions.add(again);
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> again.client.connect().toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertTrue(refused.getCause().getMessage().contains("device_removed"), refused.getCause().getMessage());
        // The status number itself, not only the text: the inbox decides on 401 to ask for a new link.
        assertEquals(401, assertInstanceOf(ClientException.class, refused.getCause()).status());
        assertEquals(LogoutReason.DEVICE_REMOVED, again.logouts.get(0));
    }

    @Test
    void usingThePhoneKeepsTheCompanionsLinked() throws Exception {
        TestCompanion companion = linkedByQr("agent");
        sandbox.advanceClock(Duration.ofDays(10));
        phone.use();
        sandbox.advanceClock(Duration.ofDays(10));
        awaitMarkerOrLogout(companion);
        assertTrue(companion.logouts.isEmpty(), companion.logouts.toString());
        assertEquals(1, phone.linkedDevices().size());
    }

    @Test
    void aCompanionUnseenForThirtyDaysIsRemovedWhileThePhoneStaysInUse() throws Exception {
        TestCompanion idle = linkedByQr("agent-idle");
        TestCompanion busy = linkedByQr("agent-busy");
        idle.client.close();
        for (int i = 0; i < 3; i++) {
            sandbox.advanceClock(Duration.ofDays(10));
            phone.use();
            busy.client.sendReceipt(new com.teaminbox.bridge.stanza.DeviceAddress(CUSTOMER, 0),
                    com.teaminbox.bridge.client.Receipt.Kind.READ, java.util.List.of("x")).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS); // any stanza counts as the companion being in use
        }
        sandbox.advanceClock(Duration.ofMinutes(1));

        assertEquals(1, phone.linkedDevices().size());
        assertEquals(busy.address().device(), phone.linkedDevices().get(0).deviceId());
        TestCompanion again = new TestCompanion(sandbox, idle.registration);
        companions.add(again);
        assertThrows(ExecutionException.class, () -> again.client.connect().toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertEquals(LogoutReason.DEVICE_REMOVED, again.logouts.get(0));
    }

    @Test
    void unlinkingOnThePhoneLogsThatCompanionOutAndOnlyThatOne() throws Exception {
        TestCompanion kept = linkedByQr("agent-kept");
        TestCompanion unlinked = linkedByQr("agent-unlinked");

        phone.unlink(unlinked.address().device());

        TestCompanion.await(() -> unlinked.logouts.contains(LogoutReason.UNLINKED), "unlinked companion logged out");
        awaitMarkerOrLogout(kept);
        assertTrue(kept.logouts.isEmpty(), kept.logouts.toString());
        assertEquals(ConnectionState.CONNECTED, kept.client.state());
        assertEquals(1, phone.linkedDevices().size());
        assertEquals(kept.address().device(), phone.linkedDevices().get(0).deviceId());
    }

    @Test
    void aCompanionCanUnlinkItself() throws Exception {
        TestCompanion leaving = linkedByCode("agent-leaving");

        leaving.client.unlink().toCompletableFuture().get(10, TimeUnit.SECONDS);

        TestCompanion.await(() -> leaving.logouts.contains(LogoutReason.UNLINKED), "logged out as unlinked");
        TestCompanion.await(() -> phone.linkedDevices().isEmpty(), "gone from the phone's list");
    }

    @Test
    void anUnlinkDuringAReconnectWaitsForTheNewConnectionAndIsConfirmed() throws Exception {
        TestCompanion leaving = linkedByCode("agent-leaving");
        sandbox.switchboard().cut(leaving.address());
        TestCompanion.await(() -> leaving.client.state() != ConnectionState.CONNECTED, "the cut noticed");

        // Completes only once the network has ended the stream, so the phone's list is already short.
        leaving.client.unlink().toCompletableFuture().get(20, TimeUnit.SECONDS);

        assertEquals(ConnectionState.LOGGED_OUT, leaving.client.state());
        assertTrue(phone.linkedDevices().isEmpty(), "gone from the phone's list: " + phone.linkedDevices());
        assertTrue(leaving.logouts.contains(LogoutReason.UNLINKED), leaving.logouts.toString());
    }

    /**
     * Waits for a customer's marker at the companion, or for its stream to end. A removal ends
     * the stream at once, before the marker could be queued, so once either is in, whether the
     * companion is still linked is known rather than hoped for after a sleep.
     */
    private void awaitMarkerOrLogout(TestCompanion companion) {
        SimulatedCustomer customer = sandbox.customer(CUSTOMER).orElseGet(() -> sandbox.createCustomer(CUSTOMER, "Anna", 1));
        String marker = sendMarker(customer);
        TestCompanion.await(() -> !companion.logouts.isEmpty()
                || companion.messages.stream().anyMatch(m -> marker.equals(m.content().text())), "the marker or a logout");
    }

    @Test
    void theSameDeviceConnectingTwiceReplacesTheOlderConnection() throws Exception {
        TestCompanion first = linkedByQr("agent");
        TestCompanion second = new TestCompanion(sandbox, first.registration);
        companions.add(second);

        second.client.connect().toCompletableFuture().get(10, TimeUnit.SECONDS);

        TestCompanion.await(() -> first.logouts.contains(LogoutReason.REPLACED), "older connection replaced");
        assertEquals(ConnectionState.CONNECTED, second.client.state());
        assertFalse(second.logouts.contains(LogoutReason.REPLACED));
    }
}
