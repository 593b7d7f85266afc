package com.teaminbox.bridge.stanza;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A bounded fuzz run in every build: random byte strings and mutations of valid stanzas must
 * decode (and then re-encode to the same bytes) or be rejected with StanzaFormatException,
 * never anything else. The seed is printed so a failure can be replayed with
 * {@code -Dstanza.fuzz.seed=...}.
 */
class StanzaCodecRandomInputTest {

    private static final int ITERATIONS = 200_000;

    @Test
    void randomAndMutatedInputsDecodeOrAreRejectedCleanly() throws Exception {
        long seed = Long.getLong("stanza.fuzz.seed", 0x5EED_57A7L);
        System.out.println("StanzaCodecRandomInputTest seed=" + seed + " iterations=" + ITERATIONS);
        Random random = new Random(seed);
        List<byte[]> valid = validEncodings();
        int decoded = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = i % 4 == 0 ? randomBytes(random) : mutate(valid.get(random.nextInt(valid.size())), random);
            try {
                Stanza stanza = StanzaCodec.decode(input);
                assertArrayEquals(input, StanzaCodec.encode(stanza), "not canonical: " + hex(input));
                decoded++;
            } catch (StanzaFormatException expected) {
                // the one allowed way to fail
            } catch (RuntimeException | Error unexpected) {
                fail("seed " + seed + ", iteration " + i + ", input " + hex(input) + ": " + unexpected, unexpected);
            }
        }
        // Some mutations (e.g. a changed key byte) stay valid; if none did, the mutator is broken.
        assertTrue(decoded > ITERATIONS / 100, "only " + decoded + " inputs decoded");
        System.out.println("StanzaCodecRandomInputTest decoded " + decoded + " of " + ITERATIONS);
    }

    static List<byte[]> validEncodings() throws StanzaFormatException {
        List<byte[]> valid = new java.util.ArrayList<>();
        for (Stanza stanza : StanzaSamples.everyType()) {
            valid.add(StanzaCodec.encode(stanza));
        }
        Random random = new Random(3);
        for (StanzaType type : StanzaType.values()) {
            valid.add(StanzaCodec.encode(StanzaSamples.minimal(type, random)));
        }
        return valid;
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        if (bytes.length > 0 && random.nextBoolean()) {
            bytes[0] = StanzaCodec.FORMAT_VERSION; // get past the first check more often
        }
        return bytes;
    }

    /** Byte flips, small-integer overwrites of length bytes, truncation, extension, splicing. */
    static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(7)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> bytes[at] = (byte) new int[] {0, 1, 2, 3, 0x7f, 0x80, 0xff}[random.nextInt(7)];
                case 3 -> bytes = Arrays.copyOf(bytes, at);
                case 4 -> {
                    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(8));
                    longer[longer.length - 1] = (byte) random.nextInt(256);
                    bytes = longer;
                }
                case 5 -> {
                    int from = random.nextInt(bytes.length);
                    int length = random.nextInt(bytes.length - Math.max(at, from)) + 1;
                    System.arraycopy(bytes, from, bytes, at, Math.min(length, bytes.length - at));
                }
                default -> {
                    if (at + 3 <= bytes.length) { // rewrite what may be a 3-byte length
                        int value = random.nextBoolean() ? random.nextInt(300) : random.nextInt(1 << 24);
                        bytes[at] = (byte) (value >>> 16);
                        bytes[at + 1] = (byte) (value >>> 8);
                        bytes[at + 2] = (byte) value;
                    }
                }
            }
        }
        return bytes;
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 512));
    }
}
