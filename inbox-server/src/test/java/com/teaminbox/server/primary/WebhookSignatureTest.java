package com.teaminbox.server.primary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The signed string (timestamp, dot, body) and the secret's minimum length, as receivers and admins meet them. */
class WebhookSignatureTest {

    static final String SECRET = "team-inbox-test-secret-of-32-bytes!!";
    static final String BODY = "{\"event\":\"primary-phone.warning\",\"account\":{\"id\":3}}";

    @Test
    void signsTheTimestampADotAndTheExactBody() {
        // printf '%s' '1767261600.{"event":"primary-phone.warning","account":{"id":3}}' \
        //   | openssl dgst -sha256 -hmac 'team-inbox-test-secret-of-32-bytes!!'
        assertEquals("sha256=52f65edcaf46e22be5531594dacad917dd73740762065b829f3197185e9de477",
                WebhookSignature.sign(SECRET, 1767261600L, BODY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theOldSignatureOfTheBodyAloneNoLongerMatches() {
        // printf '%s' '{"event":"primary-phone.warning","account":{"id":3}}' | openssl dgst -sha256 -hmac '<same secret>'
        assertNotEquals("sha256=4ade43e760a9ec3e1679e3c1e8eee6ce334f0a0e76ea2221719a58dc282c9577",
                WebhookSignature.sign(SECRET, 1767261600L, BODY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anotherTimestampGivesAnotherSignature() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertNotEquals(WebhookSignature.sign(SECRET, 1767261600L, body), WebhookSignature.sign(SECRET, 1767261601L, body));
    }

    @Test
    void aSecretNeedsThirtyTwoBytesInUtf8() {
        assertFalse(WebhookSignature.longEnough("it-webhook-secret"), "the old 17-byte test secret");
        assertFalse(WebhookSignature.longEnough("a".repeat(31)));
        assertTrue(WebhookSignature.longEnough("a".repeat(32)));
        assertTrue(WebhookSignature.longEnough("é".repeat(16)), "16 characters, 32 bytes");
        assertFalse(WebhookSignature.longEnough("é".repeat(15) + "a"), "31 bytes");
    }
}
