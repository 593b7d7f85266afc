package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.teaminbox.bridge.client.ReceivedMessage;
import com.teaminbox.bridge.client.Receipt;
import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.sandbox.customer.SimulatedCustomer;
import com.teaminbox.sandbox.server.FaultPlan;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeliveryGuaranteesTest extends SandboxTestBase {

    /**
     * A reordered delivery is held until the next one to the device has gone out, or this long:
     * longer than any test, so that only "fifth" releases "fourth", however slowly it comes.
     */
    private static final long HELD_UNTIL_OVERTAKEN_MILLIS = TimeUnit.MINUTES.toMillis(5);

    @Test
    void anOfflineCompanionGetsItsQueueOnReconnectInOrder() throws Exception {
        TestCompanion companion = linkedByQr("agent");
        SimulatedCustomer customer = sandbox.createCustomer(CUSTOMER, "Anna", 1);
        companion.client.close();

        customer.send(BUSINESS, "one");
        customer.send(BUSINESS, "two");
        customer.send(BUSINESS, "three");
        assertEquals(3, sandbox.switchboard().queued(companion.address()));

        TestCompanion back = new TestCompanion(sandbox, companion.registration);
        companions.add(back);
        back.client.connect().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(List.of("one", "two", "three"), texts(back.awaitMessages(3)));
        TestCompanion.await(() -> sandbox.switchboard().queued(companion.address()) == 0, "acks empty the queue");
    }

    @Test
    void aSandboxRestartMidStreamLosesNoQueuedMessage() throws Exception {
        TestCompanion companion = linkedByQr("agent");
        SimulatedCustomer customer = sandbox.createCustomer(CUSTOMER, "Anna", 1);
        customer.send(BUSINESS, "before");
        companion.awaitMessages(1);
        // The network accepts these but "loses" them on the wire: only the queue has them.
        sandbox.switchboard().inject(companion.address(), FaultPlan.Fault.DROP, 2, 0);
        customer.send(BUSINESS, "queued 1");
        customer.send(BUSINESS, "queued 2");

        sandbox.close();
        sandbox = Sandbox.start(SandboxSettings.defaults(dataDir).withPorts(port, -1));

        // The companion reconnects by itself and logs in to the restarted network.
        assertEquals(List.of("before", "queued 1", "queued 2"), texts(companion.awaitMessages(3)));
        TestCompanion.await(() -> sandbox.switchboard().queued(companion.address()) == 0, "acked after restart");
    }

    @Test
    void theSimulatedPhoneAndCustomersComeBackAfterARestartWithTheirSessions() throws Exception {
        TestCompanion companion = linkedByQr("agent");
        sandbox.createCustomer(CUSTOMER, "Anna", 1).send(BUSINESS, "before the restart");
        phone.send(CUSTOMER, "reply before");
        companion.awaitMessages(2);

        sandbox.close();
        sandbox = Sandbox.start(SandboxSettings.defaults(dataDir).withPorts(port, -1));
        companion.awaitLoggedIn();
        phone = sandbox.phone().orElseThrow();

        sandbox.customer(CUSTOMER).orElseThrow().send(BUSINESS, "after the restart");
        phone.send(CUSTOMER, "reply after");
        List<ReceivedMessage> received = companion.awaitMessages(4);
        assertEquals(List.of("before the restart", "reply before", "after the restart", "reply after"), texts(received));
        assertEquals(List.of(false, true, false, true), received.stream().map(ReceivedMessage::sentByMe).toList());
        TestCompanion.await(() -> !companion.messageErrors.isEmpty() || companion.messages.size() == 4, "settled");
        assertEquals(List.of(), companion.messageErrors);

        phone.unlink(companion.address().device());
        TestCompanion.await(() -> companion.logouts.contains(com.teaminbox.bridge.client.LogoutReason.UNLINKED),
                "the restored phone can still unlink");
    }

    @Test
    void duplicatedAndReorderedStanzasReachTheApplicationOnceEach() throws Exception {
        TestCompanion companion = linkedByQr("agent");
        SimulatedCustomer customer = sandbox.createCustomer(CUSTOMER, "Anna", 1);
        customer.send(BUSINESS, "first");
        companion.awaitMessages(1);

        sandbox.switchboard().inject(companion.address(), FaultPlan.Fault.DUPLICATE, 2, 0);
        customer.send(BUSINESS, "second");
        customer.send(BUSINESS, "third");
        companion.awaitMessages(3);
        sandbox.switchboard().inject(companion.address(), FaultPlan.Fault.REORDER, 1, HELD_UNTIL_OVERTAKEN_MILLIS);
        customer.send(BUSINESS, "fourth");
        customer.send(BUSINESS, "fifth");

        List<String> texts = texts(companion.awaitUpTo(sendMarker(customer)));
        assertEquals(List.of("first", "second", "third", "fifth", "fourth"), texts, "once each, in the order they came");
    }

    @Test
    void aMessageIsDeliveredAgainWhenTheApplicationFailedToStoreIt() throws Exception {
        TestCompanion companion = linkedByQr("agent");
        SimulatedCustomer customer = sandbox.createCustomer(CUSTOMER, "Anna", 1);
        companion.failDeliveries = true;
        customer.send(BUSINESS, "keep me");
        customer.send(BUSINESS, "and me");
        // The client handles deliveries one after the other: once the listener failed for the
        // second, an ack for the first (if it were sent) is on the wire before the companion's
        // next stanza, which the network confirms only after reading what came before it. A
        // receipt, because the network queues nothing for its sender in return.
        TestCompanion.await(() -> companion.failedDeliveries.get() == 2, "the listener failed for both");
        companion.client.sendReceipt(new DeviceAddress(CUSTOMER, 0), Receipt.Kind.DELIVERED, List.of("unrelated"))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(2, sandbox.switchboard().queued(companion.address()), "not acknowledged while the listener fails");

        companion.failDeliveries = false;
        sandbox.switchboard().cut(companion.address());

        assertEquals(List.of("keep me", "and me"), texts(companion.awaitMessages(2)));
        TestCompanion.await(() -> sandbox.switchboard().queued(companion.address()) == 0, "acknowledged after storing");
    }

    private static List<String> texts(List<ReceivedMessage> messages) {
        return messages.stream().map(m -> m.content().text()).toList();
    }
}
