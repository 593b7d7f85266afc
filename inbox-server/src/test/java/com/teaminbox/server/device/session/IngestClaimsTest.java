package com.teaminbox.server.device.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.server.conversation.IngestOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Four companions' copies of one message: one ingest, every copy returns after it, none lost on failure. */
class IngestClaimsTest {

    private static final IngestOutcome STORED = new IngestOutcome(true, 7, false, Optional.empty(), Optional.empty());

    @Test
    void concurrentCopiesRunOneIngestAndAllReturnAfterIt() throws Exception {
        IngestClaims claims = new IngestClaims();
        AtomicInteger ingests = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService devices = Executors.newFixedThreadPool(4);
        try {
            List<Future<IngestClaims.Result>> copies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                copies.add(devices.submit(() -> claims.ingestOnce(1, "m-1", () -> {
                    ingests.incrementAndGet();
                    started.countDown();
                    await(commit);
                    return STORED;
                })));
            }
            assertTrue(started.await(5, TimeUnit.SECONDS));
            Thread.sleep(100);
            assertTrue(copies.stream().noneMatch(Future::isDone), "no copy returns before the first one committed");
            commit.countDown();
            int ran = 0;
            for (Future<IngestClaims.Result> copy : copies) {
                IngestClaims.Result result = copy.get(5, TimeUnit.SECONDS);
                assertEquals(STORED, result.outcome());
                ran += result.ranIngest() ? 1 : 0;
            }
            assertEquals(1, ingests.get());
            assertEquals(1, ran);
        } finally {
            devices.shutdownNow();
        }
    }

    @Test
    void aFailedIngestIsRunAgainByAWaitingCopy() throws Exception {
        IngestClaims claims = new IngestClaims();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        ExecutorService devices = Executors.newFixedThreadPool(2);
        try {
            Future<IngestClaims.Result> first = devices.submit(() -> claims.ingestOnce(1, "m-2", () -> {
                started.countDown();
                await(fail);
                throw new IllegalStateException("database gone");
            }));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            Future<IngestClaims.Result> second = devices.submit(() -> claims.ingestOnce(1, "m-2", () -> STORED));
            Thread.sleep(100);
            assertFalse(second.isDone());
            fail.countDown();
            Exception failure = assertThrows(Exception.class, () -> first.get(5, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof IllegalStateException);
            IngestClaims.Result result = second.get(5, TimeUnit.SECONDS);
            assertTrue(result.ranIngest(), "the waiting copy stored it itself");
            assertEquals(STORED, result.outcome());
        } finally {
            devices.shutdownNow();
        }
    }

    @Test
    void aLateCopyGetsTheOutcomeWithoutAnotherIngest() {
        IngestClaims claims = new IngestClaims();
        assertTrue(claims.ingestOnce(1, "m-3", () -> STORED).ranIngest());
        IngestClaims.Result late = claims.ingestOnce(1, "m-3", () -> {
            throw new AssertionError("must not run");
        });
        assertFalse(late.ranIngest());
        assertTrue(claims.ingestOnce(2, "m-3", () -> STORED).ranIngest(), "another account's message is another claim");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
