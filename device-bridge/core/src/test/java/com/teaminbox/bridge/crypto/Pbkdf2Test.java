package com.teaminbox.bridge.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Pbkdf2Test {

    private static final HexFormat HEX = HexFormat.of();

    // RFC 7914 §11, first PBKDF2-HMAC-SHA256 vector: P = "passwd", S = "salt", c = 1, dkLen = 64.
    @Test
    void rfc7914Section11OneIteration() {
        assertEquals("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                        + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783",
                HEX.formatHex(Pbkdf2.sha256(ascii("passwd"), ascii("salt"), 1, 64)));
    }

    // RFC 7914 §11, second vector: P = "Password", S = "NaCl", c = 80000, dkLen = 64.
    @Test
    void rfc7914Section11EightyThousandIterations() {
        assertEquals("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                        + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d",
                HEX.formatHex(Pbkdf2.sha256(ascii("Password"), ascii("NaCl"), 80000, 64)));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
