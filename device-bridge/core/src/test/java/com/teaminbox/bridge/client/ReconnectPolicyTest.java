package com.teaminbox.bridge.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    private static List<Duration> delays(long seed, int attempts) {
        ReconnectPolicy policy = ReconnectPolicy.standard(new Random(seed));
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 0; attempt < attempts; attempt++) {
            delays.add(policy.delayBefore(attempt));
        }
        return delays;
    }

    @Test
    void delaysGrowExponentiallyWithinHalfToFullOfTheCeiling() {
        List<Duration> delays = delays(42, 12);
        for (int attempt = 0; attempt < delays.size(); attempt++) {
            long ceiling = Math.min(1000L << attempt, 120_000L);
            long millis = delays.get(attempt).toMillis();
            assertTrue(millis >= ceiling / 2 && millis <= ceiling, "attempt " + attempt + ": " + millis + " ms");
        }
    }

    @Test
    void theCapHoldsForever() {
        ReconnectPolicy policy = ReconnectPolicy.standard(new Random(1));
        assertEquals(120_000, policy.ceilingMillis(7));
        assertEquals(120_000, policy.ceilingMillis(Integer.MAX_VALUE));
        assertTrue(policy.delayBefore(1_000_000).compareTo(Duration.ofMinutes(2)) <= 0);
    }

    @Test
    void sameSeedSameDelaysDifferentSeedDifferentDelays() {
        assertEquals(delays(7, 10), delays(7, 10));
        assertNotEquals(delays(7, 10), delays(8, 10), "jitter must spread devices apart");
    }

    @Test
    void pinnedSequenceForSeed42() {
        // Guards the formula: half the ceiling fixed, the other half random.
        List<Long> millis = delays(42, 4).stream().map(Duration::toMillis).toList();
        Random random = new Random(42);
        List<Long> expected = new ArrayList<>();
        for (long ceiling : new long[] {1000, 2000, 4000, 8000}) {
            expected.add(ceiling / 2 + (long) (random.nextDouble() * (ceiling / 2 + 1)));
        }
        assertEquals(expected, millis);
    }

    @Test
    void rejectsNonsenseConfiguration() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1), new Random()));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()));
        assertThrows(IllegalArgumentException.class, () -> ReconnectPolicy.standard(new Random()).delayBefore(-1));
    }
}
