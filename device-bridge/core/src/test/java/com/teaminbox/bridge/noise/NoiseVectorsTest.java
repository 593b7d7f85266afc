package com.teaminbox.bridge.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.crypto.X25519;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Replays the published cacophony vectors for exactly {@code Noise_XX_25519_AESGCM_SHA256}
 * (see src/test/resources/noise/README.md): both sides use the vector's keys and prologue, each
 * side writes its messages, the bytes must equal the vector's ciphertexts and the other side
 * must read back the payloads. Messages after the third are transport messages.
 */
class NoiseVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");

    @Test
    void replaysEveryPublishedVector() throws Exception {
        List<Vector> vectors = load();
        assertFalse(vectors.isEmpty(), "vector file holds at least one vector");
        for (Vector vector : vectors) {
            assertEquals(HandshakeState.PROTOCOL_NAME, vector.fields.get("name"));
            replay(vector);
        }
    }

    private static void replay(Vector vector) throws Exception {
        HandshakeState initiator = HandshakeState.initiator(hex(vector, "init_prologue"),
                X25519.keyPairOf(hex(vector, "init_static")), X25519.keyPairOf(hex(vector, "init_ephemeral")));
        HandshakeState responder = HandshakeState.responder(hex(vector, "resp_prologue"),
                X25519.keyPairOf(hex(vector, "resp_static")), X25519.keyPairOf(hex(vector, "resp_ephemeral")));

        TransportSession initiatorSession = null;
        TransportSession responderSession = null;
        for (int i = 0; i < vector.messages.size(); i++) {
            byte[] payload = HEX.parseHex(vector.messages.get(i)[0]);
            String expected = vector.messages.get(i)[1];
            boolean fromInitiator = i % 2 == 0;
            if (i < 3) {
                HandshakeState writer = fromInitiator ? initiator : responder;
                HandshakeState reader = fromInitiator ? responder : initiator;
                byte[] message = writer.writeMessage(payload);
                assertEquals(expected, HEX.formatHex(message), "handshake message " + i);
                assertArrayEquals(payload, reader.readMessage(message), "payload " + i);
                if (i == 2) {
                    assertTrue(initiator.isComplete() && responder.isComplete());
                    assertArrayEquals(initiator.handshakeHash(), responder.handshakeHash());
                    if (vector.fields.containsKey("handshake_hash")) {
                        assertEquals(vector.fields.get("handshake_hash"), HEX.formatHex(initiator.handshakeHash()));
                    }
                    assertArrayEquals(X25519.publicKeyOf(hex(vector, "resp_static")), initiator.remoteStaticKey());
                    assertArrayEquals(X25519.publicKeyOf(hex(vector, "init_static")), responder.remoteStaticKey());
                    initiatorSession = initiator.split();
                    responderSession = responder.split();
                }
            } else {
                TransportSession writer = fromInitiator ? initiatorSession : responderSession;
                TransportSession reader = fromInitiator ? responderSession : initiatorSession;
                byte[] ciphertext = writer.encrypt(payload);
                assertEquals(expected, HEX.formatHex(ciphertext), "transport message " + i);
                assertArrayEquals(payload, reader.decrypt(ciphertext), "transport payload " + i);
            }
        }
        assertTrue(vector.messages.size() > 3, "vector exercises transport messages too");
    }

    private static byte[] hex(Vector vector, String field) {
        String value = vector.fields.get(field);
        if (value == null) {
            throw new IllegalStateException("vector lacks " + field);
        }
        return HEX.parseHex(value);
    }

    /**
     * The vector file is flat JSON of string fields; a full JSON library is not worth a
     * dependency here. Each object starting at a "name" field is one vector; "payload" and
     * "ciphertext" fields inside it form its message list in order.
     */
    private static List<Vector> load() throws IOException {
        String text;
        try (InputStream in = NoiseVectorsTest.class.getResourceAsStream("/noise/Noise_XX_25519_AESGCM_SHA256.json")) {
            if (in == null) {
                throw new IllegalStateException("vector file missing from test resources");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Vector> vectors = new ArrayList<>();
        Vector current = null;
        String pendingPayload = null;
        Matcher matcher = FIELD.matcher(text);
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = matcher.group(2);
            switch (key) {
                case "name", "protocol_name" -> {
                    current = new Vector();
                    current.fields.put("name", value);
                    vectors.add(current);
                }
                case "payload" -> pendingPayload = value;
                case "ciphertext" -> {
                    current.messages.add(new String[] {pendingPayload, value});
                    pendingPayload = null;
                }
                default -> current.fields.put(key, value);
            }
        }
        return vectors;
    }

    private static final class Vector {
        final Map<String, String> fields = new LinkedHashMap<>();
        final List<String[]> messages = new ArrayList<>();
    }
}
