package com.teaminbox.bridge.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.teaminbox.bridge.linking.InvalidQrCodeException.Problem;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class QrCodeTest {

    private static final byte[] NOISE = filled(1);
    private static final byte[] IDENTITY = filled(2);
    private static final AdvSecret SECRET = AdvSecret.of(filled(3));
    private static final String B64_1 = Base64.getEncoder().encodeToString(NOISE);

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void textHasTheDocumentedLayoutAndParsesBack() throws Exception {
        QrCode qr = new QrCode("2@abc", NOISE, IDENTITY, SECRET, "web");
        String text = qr.text();
        assertEquals("sandbox-link:2@abc," + B64_1 + "," + Base64.getEncoder().encodeToString(IDENTITY) + ","
                + Base64.getEncoder().encodeToString(filled(3)) + ",web", text);
        assertEquals(qr, QrCode.parse(text));
    }

    @Test
    void toStringDoesNotRevealTheAdvSecret() {
        String shown = new QrCode("r", NOISE, IDENTITY, SECRET, "web").toString();
        assertFalse(shown.contains(Base64.getEncoder().encodeToString(filled(3))), shown);
        assertEquals("AdvSecret[redacted]", SECRET.toString());
    }

    private static Problem problemOf(String text) {
        return assertThrows(InvalidQrCodeException.class, () -> QrCode.parse(text)).problem();
    }

    @Test
    void rejectsEachMalformedPartWithItsOwnProblem() {
        String good = new QrCode("r", NOISE, IDENTITY, SECRET, "web").text();
        assertEquals(Problem.WRONG_PREFIX, problemOf(good.substring("sandbox-link:".length())));
        assertEquals(Problem.WRONG_PREFIX, problemOf("https://wa.me/" + good));
        assertEquals(Problem.WRONG_PART_COUNT, problemOf(good + ",extra"));
        assertEquals(Problem.WRONG_PART_COUNT, problemOf(good.substring(0, good.lastIndexOf(','))));
        assertEquals(Problem.BAD_REF, problemOf(good.replace("sandbox-link:r,", "sandbox-link:,")));
        assertEquals(Problem.BAD_PLATFORM, problemOf(good.replace(",web", ",")));
        assertEquals(Problem.NOT_BASE64, problemOf(good.replace(B64_1, B64_1.replace("=", ""))));
        assertEquals(Problem.NOT_BASE64, problemOf(good.replace(B64_1, "!!" + B64_1.substring(2))));
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);
        assertEquals(Problem.WRONG_KEY_LENGTH, problemOf(good.replace(B64_1, shortKey)));
        assertEquals(LinkingException.Kind.INVALID_QR_CODE,
                assertThrows(InvalidQrCodeException.class, () -> QrCode.parse(null)).kind());
    }
}
