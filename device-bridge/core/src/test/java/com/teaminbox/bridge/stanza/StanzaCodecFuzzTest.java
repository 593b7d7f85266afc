package com.teaminbox.bridge.stanza;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.teaminbox.bridge.fuzz.FuzzTally;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Coverage-guided fuzzing of the decoder with Jazzer. Every build does both: the normal test run
 * replays the kept inputs in {@code StanzaCodecFuzzTestInputs/decodeYieldsStanzaOrFormatException}
 * (seeds, coverage found earlier, former crashes), and the surefire execution
 * {@code fuzz-stanza-codec} of this module fuzzes for {@code fuzz.seconds} (30 s) with
 * JAZZER_FUZZ=1. {@code ./inbox fuzz [seconds]} fuzzes longer and keeps what it finds.
 * {@link StanzaCodecRandomInputTest} covers random inputs in every normal run.
 */
class StanzaCodecFuzzTest {
    @RegisterExtension
    static final FuzzTally tally = new FuzzTally("StanzaCodec", StanzaCodecFuzzTest.class,
            "decodeYieldsStanzaOrFormatException");

    @FuzzTest(maxDuration = "30s")
    void decodeYieldsStanzaOrFormatException(byte[] input) throws Exception {
        tally.count();
        Stanza stanza;
        try {
            stanza = StanzaCodec.decode(input);
        } catch (StanzaFormatException expected) {
            return; // the only acceptable failure; anything else escapes and fails the run
        }
        byte[] reencoded = StanzaCodec.encode(stanza);
        assertArrayEquals(input, reencoded, "a decoded stanza must re-encode to the same bytes");
        assertEquals(stanza, StanzaCodec.decode(reencoded));
    }
}
