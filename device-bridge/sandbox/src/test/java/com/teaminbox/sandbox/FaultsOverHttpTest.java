package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.client.ReceivedMessage;
import com.teaminbox.bridge.stanza.DeviceAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The fault endpoints of the admin API, driven over HTTP against companions on real sockets. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FaultsOverHttpTest {

    @TempDir
    Path dataDir;
    Sandbox sandbox;
    AdminClient admin;
    final List<TestCompanion> companions = new java.util.ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxSettings.defaults(dataDir).withPorts(0, 0));
        sandbox.createBusiness(SandboxTestBase.BUSINESS, "Demo Bakery");
        admin = new AdminClient(sandbox.adminPort());
        admin.post("/api/customers", Map.of("phoneNumber", SandboxTestBase.CUSTOMER, "name", "Anna"));
    }

    @AfterEach
    void stop() {
        companions.forEach(TestCompanion::close);
        sandbox.close();
    }

    @Test
    void aMessageQueuedForAnOfflineCompanionSurvivesARestartOfTheNetwork() throws Exception {
        TestCompanion online = linked();
        TestCompanion offline = linked();
        offline.client.close();
        customerWrites("while you were away");
        online.awaitMessages(1);
        assertEquals(1, sandbox.switchboard().queued(offline.address()));

        AdminClient.Reply restarted = admin.call("POST", "/api/faults/restart", null);
        assertEquals(200, restarted.status(), restarted.body().toString());
        assertEquals(1, sandbox.switchboard().queued(offline.address()), "read back from the data folder");

        TestCompanion back = new TestCompanion(sandbox, offline.registration);
        companions.add(back);
        back.client.connect().toCompletableFuture().get(TestCompanion.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(List.of("while you were away"), texts(back.awaitMessages(1)));
        TestCompanion.await(() -> sandbox.switchboard().queued(offline.address()) == 0, "acknowledged after the restart");

        // The connected companion was cut and logged in again by itself; the customer too.
        customerWrites("after the restart");
        assertEquals(List.of("while you were away", "after the restart"), texts(online.awaitMessages(2)));
        assertEquals(List.of("while you were away", "after the restart"), texts(back.awaitMessages(2)));
    }

    @Test
    void delayedAndDuplicatedDeliveriesReachTheApplicationOnceEachAndLate() throws Exception {
        TestCompanion companion = linked();
        long delayMillis = 1500;
        inject(companion.address(), "delay", 1, delayMillis);
        long sent = System.nanoTime();
        customerWrites("delayed");
        companion.awaitMessages(1);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        assertTrue(tookMillis >= delayMillis, "arrived after " + tookMillis + " ms, the delay is " + delayMillis);

        inject(companion.address(), "duplicate", 2, 0);
        customerWrites("twice on the wire 1");
        customerWrites("twice on the wire 2");
        assertEquals(List.of("delayed", "twice on the wire 1", "twice on the wire 2"),
                texts(companion.awaitUpTo(customerWritesMarker())));
        TestCompanion.await(() -> sandbox.switchboard().queued(companion.address()) == 0, "all acknowledged");
    }

    @Test
    void droppedAndReorderedDeliveriesReachTheApplicationOnceEach() throws Exception {
        TestCompanion companion = linked();
        // Held until "two" has gone out (the longest hold is far beyond the test), so the order
        // does not depend on how quickly "two" follows.
        inject(companion.address(), "reorder", 1, TimeUnit.MINUTES.toMillis(5));
        customerWrites("one");
        customerWrites("two");
        String afterReorder = customerWritesMarker();
        assertEquals(List.of("two", "one"), texts(companion.awaitUpTo(afterReorder)), "once each, reordered");

        inject(companion.address(), "drop", 1, 0);
        customerWrites("lost on the wire");
        String afterDrop = customerWritesMarker();
        assertEquals(List.of("two", "one", afterReorder), texts(companion.awaitUpTo(afterDrop)),
                "a dropped delivery does not arrive on this connection");
        TestCompanion.await(() -> sandbox.switchboard().queued(companion.address()) == 1, "but stays queued");

        assertTrue(admin.post("/api/faults/cut", Map.of("account", companion.address().account(),
                "device", companion.address().device())).get("cut").asBoolean());
        assertEquals(List.of("two", "one", afterReorder, afterDrop, "lost on the wire"),
                texts(companion.awaitUpTo(customerWritesMarker())), "the dropped one once, after the next login");
    }

    @Test
    void anUnknownFaultIsRefused() throws Exception {
        AdminClient.Reply reply = admin.call("POST", "/api/faults",
                Map.of("account", SandboxTestBase.BUSINESS, "device", 1, "fault", "explode"));
        assertEquals(400, reply.status());
        assertEquals("bad-request", reply.body().get("reason").asText());
    }

    private TestCompanion linked() throws Exception {
        TestCompanion companion = new TestCompanion(sandbox, "agent");
        companions.add(companion);
        admin.post("/api/phone/scan", Map.of("qr", companion.startQr()));
        companion.awaitLoggedIn();
        return companion;
    }

    private void inject(DeviceAddress device, String fault, int count, long delayMillis) throws Exception {
        admin.post("/api/faults", Map.of("account", device.account(), "device", device.device(), "fault", fault,
                "count", count, "delayMillis", delayMillis));
    }

    private void customerWrites(String text) throws Exception {
        admin.post("/api/customers/" + SandboxTestBase.CUSTOMER + "/send", Map.of("text", text));
    }

    /** A marker from the customer: see {@link SandboxTestBase#sendMarker} for why it beats a sleep. */
    private String customerWritesMarker() {
        return SandboxTestBase.sendMarker(sandbox.customer(SandboxTestBase.CUSTOMER).orElseThrow());
    }

    private static List<String> texts(List<ReceivedMessage> messages) {
        return messages.stream().map(m -> m.content().text()).toList();
    }
}
