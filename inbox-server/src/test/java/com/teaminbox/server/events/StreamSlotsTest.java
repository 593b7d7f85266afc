package com.teaminbox.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.server.Refusal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The places for live event streams: five per person, a fixed number per node, each freed once. */
class StreamSlotsTest {

    private static final long ALICE = 1;
    private static final long BOB = 2;

    @Test
    void aPersonsSixthStreamIsRefusedWithWhenToTryAgain() {
        StreamSlots slots = new StreamSlots(5, 2000);
        for (int i = 0; i < 5; i++) {
            slots.take(ALICE);
        }
        TooManyStreams sixth = assertThrows(TooManyStreams.class, () -> slots.take(ALICE));
        assertEquals(Refusal.Kind.BUSY, sixth.kind(), "429 at the API");
        assertEquals(Duration.ofSeconds(30), sixth.retryAfter().orElseThrow());
        assertTrue(sixth.getMessage().contains("5 live event streams") && sixth.getMessage().contains("30 seconds"), sixth.getMessage());
        assertEquals(5, slots.openOf(ALICE), "the refusal holds no place");
        slots.take(BOB); // someone else is not affected
        assertEquals(6, slots.open());
    }

    @Test
    void aFreedPlaceLetsOneMoreInAndFreeingTwiceFreesOnce() {
        StreamSlots slots = new StreamSlots(5, 2000);
        List<StreamSlots.Slot> alices = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alices.add(slots.take(ALICE));
        }
        StreamSlots.Slot ended = alices.get(0);
        ended.free();
        ended.free(); // the client's failed write and the sweep both noticed
        slots.take(ALICE);
        assertThrows(TooManyStreams.class, () -> slots.take(ALICE), "the second free gave nothing back");
        assertEquals(5, slots.open());
    }

    @Test
    void theNodeRefusesPastItsLimitWhoeverAsks() {
        StreamSlots slots = new StreamSlots(5, 3);
        slots.take(ALICE);
        slots.take(ALICE);
        StreamSlots.Slot bobs = slots.take(BOB);
        TooManyStreams full = assertThrows(TooManyStreams.class, () -> slots.take(3));
        assertTrue(full.getMessage().contains("This server already holds 3"), full.getMessage());
        bobs.free();
        slots.take(3);
        assertEquals(0, slots.openOf(BOB));
    }

    @Test
    void manyTabsOpeningAtOnceGetFivePlacesNoMore() throws Exception {
        StreamSlots slots = new StreamSlots(5, 2000);
        ExecutorService tabs = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<StreamSlots.Slot> taken = new ConcurrentLinkedQueue<>();
        try {
            for (int i = 0; i < 40; i++) {
                tabs.execute(() -> {
                    try {
                        go.await();
                        taken.add(slots.take(ALICE));
                    } catch (TooManyStreams refused) {
                        // expected for all but five
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            go.countDown();
        } finally {
            tabs.shutdown();
            assertTrue(tabs.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(5, taken.size());
        taken.forEach(StreamSlots.Slot::free);
        assertEquals(0, slots.open());
    }
}
