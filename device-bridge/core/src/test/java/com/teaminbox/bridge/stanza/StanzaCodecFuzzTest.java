package com.teaminbox.bridge.stanza;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the decoder with Jazzer. A normal {@code mvn test} replays the
 * seed corpus in {@code StanzaCodecFuzzTestInputs/decodeYieldsStanzaOrFormatException}; run
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=StanzaCodecFuzzTest} to fuzz for real (30 s).
 * {@link StanzaCodecRandomInputTest} covers random inputs in every normal run.
 */
class StanzaCodecFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void decodeYieldsStanzaOrFormatException(byte[] input) throws Exception {
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
