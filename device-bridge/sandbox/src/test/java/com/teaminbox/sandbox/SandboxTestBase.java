package com.teaminbox.sandbox;

import com.teaminbox.sandbox.customer.SimulatedCustomer;
import com.teaminbox.sandbox.phone.SimulatedPhone;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/** A fresh sandbox with the demo business phone per test, on a loopback port of its own. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class SandboxTestBase {

    static final String BUSINESS = "4930123456";
    static final String CUSTOMER = "4915111111111";

    @TempDir
    Path dataDir;
    int port;
    Sandbox sandbox;
    SimulatedPhone phone;
    final List<TestCompanion> companions = new ArrayList<>();

    @BeforeEach
    void startSandbox() {
        // The sandbox binds a free port itself: a port found free by a probe socket and bound
        // after the probe closed is anyone's in between. Restarts reuse the port it got.
        sandbox = Sandbox.start(SandboxSettings.defaults(dataDir).withPorts(0, -1));
        port = sandbox.uri().getPort();
        phone = sandbox.createBusiness(BUSINESS, "Demo Bakery");
    }

    @AfterEach
    void stopSandbox() {
        companions.forEach(TestCompanion::close);
        sandbox.close();
    }

    /** Replaces this test's sandbox with a fresh one (new data folder) run with other settings. */
    void restartFreshWith(java.util.function.UnaryOperator<SandboxSettings> change) throws IOException {
        sandbox.close();
        Path fresh = java.nio.file.Files.createTempDirectory(dataDir, "fresh");
        sandbox = Sandbox.start(change.apply(SandboxSettings.defaults(fresh).withPorts(port, -1)));
        phone = sandbox.createBusiness(BUSINESS, "Demo Bakery");
    }

    TestCompanion companion(String platform) {
        TestCompanion companion = new TestCompanion(sandbox, platform);
        companions.add(companion);
        return companion;
    }

    TestCompanion linkedByQr(String platform) throws Exception {
        TestCompanion companion = companion(platform);
        phone.scanQr(companion.startQr());
        companion.awaitLoggedIn();
        return companion;
    }

    TestCompanion linkedByCode(String platform) throws Exception {
        TestCompanion companion = companion(platform);
        phone.enterPairingCode(companion.startPairingCode(BUSINESS));
        companion.awaitLoggedIn();
        return companion;
    }

    static void settle() throws InterruptedException {
        Thread.sleep(300); // long enough for a stray duplicate to arrive, if there were one
    }

    private static final AtomicInteger MARKERS = new AtomicInteger();

    /**
     * Sends a marker message from {@code customer} to the business and returns its text, for
     * {@link TestCompanion#awaitUpTo}. The network delivers to a device in order over one
     * connection, and the companion handles what arrives in order: once the marker is in,
     * whatever was already on its way (a duplicate, a stray copy, a stream error) has been
     * handled too. An absence asserted then is real however loaded the machine, where a fixed
     * sleep may end before the stray thing arrives and pass when it should fail.
     */
    static String sendMarker(SimulatedCustomer customer) {
        String marker = "marker " + MARKERS.incrementAndGet();
        customer.send(BUSINESS, marker);
        return marker;
    }
}
