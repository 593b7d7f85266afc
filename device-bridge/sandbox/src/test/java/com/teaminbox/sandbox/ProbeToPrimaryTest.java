package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.client.PrimaryActivitySource;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A companion's probe to device 0 is answered by the phone, but only while the phone is online. */
class ProbeToPrimaryTest extends SandboxTestBase {

    private static long probeAnswers(TestCompanion companion) {
        return companion.primaryActivities.stream()
                .filter(a -> a.source() == PrimaryActivitySource.PROBE_ANSWER).count();
    }

    @Test
    void theOnlinePhoneAnswersAProbeAsPrimaryActivity() throws Exception {
        TestCompanion companion = linkedByQr("agent-1");

        companion.client.probePrimary().toCompletableFuture().get(5, TimeUnit.SECONDS);

        TestCompanion.await(() -> probeAnswers(companion) == 1, "the probe answer");
        // A second copy of the answer would be queued with the first, before the marker.
        companion.awaitUpTo(sendMarker(sandbox.createCustomer(CUSTOMER, "Anna", 1)));
        assertEquals(1, probeAnswers(companion));
    }

    @Test
    void anOfflinePhoneAnswersTheQueuedProbeOnlyWhenItComesBack() throws Exception {
        TestCompanion companion = linkedByQr("agent-1");
        phone.goOffline();

        companion.client.probePrimary().toCompletableFuture().get(5, TimeUnit.SECONDS);
        // Only the network could answer now, at once, before the customer's marker.
        companion.awaitUpTo(sendMarker(sandbox.createCustomer(CUSTOMER, "Anna", 1)));
        assertEquals(0, probeAnswers(companion), "an offline phone cannot answer");

        phone.goOnline();
        TestCompanion.await(() -> probeAnswers(companion) == 1, "the answer to the queued probe");
    }

    @Test
    void otherCompanionsOfTheAccountDoNotHearTheAnswer() throws Exception {
        TestCompanion asking = linkedByQr("agent-1");
        TestCompanion other = linkedByQr("agent-2");

        asking.client.probePrimary().toCompletableFuture().get(5, TimeUnit.SECONDS);

        TestCompanion.await(() -> probeAnswers(asking) == 1, "the probe answer");
        // A copy for the other companion would have been queued with the asker's, before the marker.
        other.awaitUpTo(sendMarker(sandbox.createCustomer(CUSTOMER, "Anna", 1)));
        assertTrue(other.primaryActivities.stream().noneMatch(a -> a.source() == PrimaryActivitySource.PROBE_ANSWER));
    }
}
