package com.teaminbox.bridge.stanza;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Regenerates the Jazzer seed corpus: {@code mvn test -Dtest=SeedCorpusWriter -Dstanza.writeSeeds=true}. */
class SeedCorpusWriter {

    @Test
    @EnabledIfSystemProperty(named = "stanza.writeSeeds", matches = "true")
    void writeSeeds() throws Exception {
        Path dir = Path.of("src/test/resources/com/teaminbox/bridge/stanza/StanzaCodecFuzzTestInputs/decodeYieldsStanzaOrFormatException");
        Files.createDirectories(dir);
        List<byte[]> valid = StanzaCodecRandomInputTest.validEncodings();
        List<Stanza> samples = StanzaSamples.everyType();
        for (int i = 0; i < samples.size(); i++) {
            Files.write(dir.resolve("full-" + samples.get(i).type().wireName()), valid.get(i));
        }
        for (int i = samples.size(); i < valid.size(); i++) {
            Files.write(dir.resolve("minimal-" + StanzaType.values()[i - samples.size()].wireName()), valid.get(i));
        }
    }
}
