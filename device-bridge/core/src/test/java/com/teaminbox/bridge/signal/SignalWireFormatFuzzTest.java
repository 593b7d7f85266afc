package com.teaminbox.bridge.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.teaminbox.bridge.fuzz.FuzzTally;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Coverage-guided fuzzing of the Signal wire format, the first bytes a peer's message reaches:
 * any input either decodes, as a {@link SignalMessage} or a {@link PreKeySignalMessage}, to
 * fields that encode back to exactly the same bytes, or is refused with
 * {@link InvalidMessageException}; nothing else may escape. Replayed in every test run, fuzzed
 * by the surefire execution {@code fuzz-signal-wire} and by {@code ./inbox fuzz}, like
 * {@code StanzaCodecFuzzTest}.
 */
class SignalWireFormatFuzzTest {
    private static final String METHOD = "decodeYieldsMessageOrInvalidMessageException";

    @RegisterExtension
    static final FuzzTally tally = new FuzzTally("SignalWireFormat", SignalWireFormatFuzzTest.class, METHOD);

    @FuzzTest(maxDuration = "30s")
    void decodeYieldsMessageOrInvalidMessageException(byte[] input) {
        tally.count();
        try {
            SignalMessage message = SignalMessage.deserialize(input);
            assertArrayEquals(input, reencode(message), "a decoded signal message must re-encode to its bytes");
        } catch (InvalidMessageException refused) {
            // the one acceptable failure
        }
        try {
            PreKeySignalMessage message = PreKeySignalMessage.deserialize(input);
            byte[] reencoded = SignalWireFormat.encodePreKeySignalMessage(message.registrationId(), message.preKeyId(),
                    message.signedPreKeyId(), message.baseKey(), message.identityKey(), message.message());
            assertArrayEquals(input, reencoded, "a decoded prekey message must re-encode to its bytes");
            assertArrayEquals(message.message().serialize(), reencode(message.message()));
        } catch (InvalidMessageException refused) {
            // the one acceptable failure
        }
    }

    /** Encodes the decoded fields again; the MAC is opaque to the format, so it is carried over. */
    private static byte[] reencode(SignalMessage message) {
        byte[] body = SignalWireFormat.encodeSignalMessageBody(message.senderRatchetKey(), message.counter(),
                message.previousCounter(), message.ciphertext());
        byte[] serialized = message.serialize();
        byte[] withMac = Arrays.copyOf(body, body.length + SignalMessage.MAC_LENGTH);
        System.arraycopy(serialized, serialized.length - SignalMessage.MAC_LENGTH, withMac, body.length,
                SignalMessage.MAC_LENGTH);
        return withMac;
    }

    /**
     * Regenerates the seeds from a real X3DH exchange:
     * {@code mvn test -Dtest=SignalWireFormatFuzzTest#writeSeeds -Dsignal.writeSeeds=true}.
     */
    @Test
    @EnabledIfSystemProperty(named = "signal.writeSeeds", matches = "true")
    void writeSeeds() throws Exception {
        TestDevice alice = new TestDevice("alice", 1);
        TestDevice bob = new TestDevice("bob", 0);
        alice.startSessionWith(bob);
        PreKeySignalMessage first = (PreKeySignalMessage) alice.send(bob, "hello");
        bob.receive(alice, first);
        SignalMessage reply = (SignalMessage) bob.send(alice, "hello back, with a longer text than one AES block");
        Path dir = Path.of("src/test/resources/com/teaminbox/bridge/signal/SignalWireFormatFuzzTestInputs", METHOD);
        Files.createDirectories(dir);
        Files.write(dir.resolve("prekey-message"), first.serialize());
        Files.write(dir.resolve("prekey-message-embedded"), first.message().serialize());
        Files.write(dir.resolve("signal-message"), reply.serialize());
    }
}
