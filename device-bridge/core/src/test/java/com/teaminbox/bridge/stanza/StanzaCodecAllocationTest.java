package com.teaminbox.bridge.stanza;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The codec promises that a hostile length never costs more memory than the frame: lengths are
 * checked against the bytes present before anything is allocated. Here that promise is measured
 * with the JVM's per-thread allocation counter around each decode, for random and mutated
 * frames and for headers that claim far more than they carry.
 */
class StanzaCodecAllocationTest {

    private static final int ITERATIONS = 20_000;
    /** Room for the stanza objects, strings, an exception and its stack trace. */
    private static final long SLACK = 64 * 1024;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void decodingRandomAndMutatedFramesAllocatesAtMostSixteenTimesTheFrame() throws Exception {
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocations per thread");
        threads.setThreadAllocatedMemoryEnabled(true);
        Random random = new Random(Long.getLong("stanza.fuzz.seed", 0xA110CL));
        List<byte[]> valid = StanzaCodecRandomInputTest.validEncodings();
        for (byte[] frame : valid) {
            assertBounded(frame); // warm up the decode paths before counting in earnest
        }
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] frame;
            if (i % 4 == 0) {
                frame = new byte[random.nextInt(256)];
                random.nextBytes(frame);
                if (frame.length > 0) {
                    frame[0] = StanzaCodec.FORMAT_VERSION;
                }
            } else {
                frame = StanzaCodecRandomInputTest.mutate(valid.get(random.nextInt(valid.size())), random);
            }
            assertBounded(frame);
        }
    }

    @Test
    void aFieldHeaderClaimingSixteenMegabytesInAShortFrameIsRefusedWithoutAllocatingThem() throws Exception {
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocations per thread");
        threads.setThreadAllocatedMemoryEnabled(true);
        for (byte[] encoded : StanzaCodecRandomInputTest.validEncodings()) {
            int idLength = encoded[2] & 0xFF;
            int firstField = 3 + idLength + 1;
            if (encoded[firstField - 1] == 0 || encoded.length < firstField + 4) {
                continue; // no field to lie about
            }
            byte[] lying = Arrays.copyOf(encoded, Math.min(encoded.length, firstField + 4 + 8));
            lying[firstField + 1] = (byte) 0xFF; // length := 0xFFFFFF, the most a header can claim
            lying[firstField + 2] = (byte) 0xFF;
            lying[firstField + 3] = (byte) 0xFF;
            assertThrows(StanzaFormatException.class, () -> StanzaCodec.decode(lying));
            assertBounded(lying);
        }
    }

    @Test
    void aFrameOfSeveralMegabytesStaysWithinTheBoundToo() throws Exception {
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocations per thread");
        threads.setThreadAllocatedMemoryEnabled(true);
        byte[] valid = StanzaCodecRandomInputTest.validEncodings().get(0);
        byte[] big = Arrays.copyOf(valid, 4 * 1024 * 1024); // a valid stanza and then zeros
        assertThrows(StanzaFormatException.class, () -> StanzaCodec.decode(big));
        assertBounded(big);
    }

    private void assertBounded(byte[] frame) {
        long bound = 16L * frame.length + SLACK;
        long allocated = allocatedByDecoding(frame);
        if (allocated > bound) {
            // The first pass through an error message's string concatenation bootstraps it (a
            // one-off of the JVM, ~100 KB); what the codec itself allocates repeats every time.
            allocated = allocatedByDecoding(frame);
        }
        assertTrue(allocated <= bound, "decoding " + frame.length + " bytes allocated " + allocated
                + " bytes, more than " + bound + ": " + java.util.HexFormat.of().formatHex(frame, 0, Math.min(frame.length, 64)));
    }

    private long allocatedByDecoding(byte[] frame) {
        long before = threads.getCurrentThreadAllocatedBytes();
        try {
            StanzaCodec.decode(frame);
        } catch (StanzaFormatException expected) {
            // refusing is fine; what it costs is what is measured
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
