package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.sandbox.customer.LoadGenerator;
import org.junit.jupiter.api.Test;

/** A load run against a phone that answers automatically counts the replies and their latency. */
class LoadGeneratorTest extends SandboxTestBase {

    @Test
    void automaticRepliesAreCountedWithTheirLatency() {
        phone.autoReply("Thanks, we will get back to you");

        LoadGenerator load = sandbox.startLoad(2, 10, 1, 20);

        TestCompanion.await(() -> {
            LoadGenerator.Report report = load.report();
            return !report.running() && report.sent() > 0 && report.repliesReceived() == report.sent();
        }, "a reply to every message");
        LoadGenerator.Report report = load.report();
        assertEquals(0, report.failed());
        // Ten ticks at least (at 0, 100, ... 900 ms), however late the ticker thread runs: a
        // fixed-rate schedule catches up on missed ticks before the stop due at one second.
        assertTrue(report.offered() >= 10, "10 messages a second for one second: " + report);
        assertEquals(report.offered(), report.sent(), "every message offered was sent: " + report);
        assertTrue(report.replyP95Millis() >= report.replyP50Millis() && report.replyP50Millis() > 0,
                "reply latencies are measured: " + report);
    }

    @Test
    void withoutAutomaticRepliesNoReplyIsCounted() throws Exception {
        LoadGenerator load = sandbox.startLoad(1, 10, 1, 20);

        TestCompanion.await(() -> !load.report().running(), "the run ends");
        settle();
        assertEquals(0, load.report().repliesReceived());
        assertEquals(0, load.report().replyP50Millis());
    }
}
