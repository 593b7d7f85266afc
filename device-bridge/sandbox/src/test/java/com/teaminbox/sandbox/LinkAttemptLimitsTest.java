package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.linking.LinkingException;
import com.teaminbox.bridge.linking.PairingCode;
import com.teaminbox.sandbox.phone.PhoneException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LinkAttemptLimitsTest extends SandboxTestBase {

    @Test
    void aWrongPairingCodeIsAClearErrorAndAttemptsAreLimited() throws Exception {
        TestCompanion companion = companion("agent");
        String code = companion.startPairingCode(BUSINESS);
        String wrong = wrongCode(code);

        PhoneException first = assertThrows(PhoneException.class, () -> phone.enterPairingCode(wrong));
        assertEquals("wrong-pairing-code", first.reason());
        assertTrue(first.getMessage().contains("does not match") && first.getMessage().contains("1 of 3"),
                first.getMessage());
        assertThrows(PhoneException.class, () -> phone.enterPairingCode(wrong));
        PhoneException third = assertThrows(PhoneException.class, () -> phone.enterPairingCode(wrong));
        assertTrue(third.getMessage().contains("3 of 3"), third.getMessage());

        TestCompanion.await(() -> companion.linkError.get() != null, "the companion's attempt ends");
        assertTrue(companion.linkError.get().getMessage().contains("too-many-pairing-attempts"),
                companion.linkError.get().getMessage());
        // The right code is no use any more: the attempt is gone.
        PhoneException late = assertThrows(PhoneException.class, () -> phone.enterPairingCode(code));
        assertEquals("no-pairing-request", late.reason());
        assertTrue(companion.registration.address().isEmpty());
    }

    @Test
    void theRightCodeAfterAWrongOneStillLinks() throws Exception {
        TestCompanion companion = companion("agent");
        String code = companion.startPairingCode(BUSINESS);
        assertThrows(PhoneException.class, () -> phone.enterPairingCode(wrongCode(code)));

        phone.enterPairingCode(code);

        assertEquals(BUSINESS, companion.awaitLoggedIn().account());
    }

    @Test
    void theQrAttemptEndsWhenTheRefsRunOut() throws Exception {
        TestCompanion companion = companion("agent");
        List<String> shown = new ArrayList<>();
        shown.add(companion.startQr());
        sandbox.advanceClock(Duration.ofSeconds(61));
        for (int i = 0; i < 5; i++) {
            String next = companion.qrTexts.poll(5, TimeUnit.SECONDS);
            assertNotNull(next, "ref " + (i + 2) + " shown");
            shown.add(next);
            sandbox.advanceClock(Duration.ofSeconds(20));
        }

        TestCompanion.await(() -> companion.linkError.get() != null, "attempt ended");
        LinkingException ended = assertInstanceOf(LinkingException.class, companion.linkError.get());
        assertEquals(LinkingException.Kind.EXPIRED, ended.kind());
        assertEquals(6, new HashSet<>(shown).size(), "six distinct QR codes were shown");
        // A scan of an expired code is refused clearly.
        PhoneException expired = assertThrows(PhoneException.class, () -> phone.scanQr(shown.get(5)));
        assertEquals("qr-code-expired", expired.reason());
    }

    @Test
    void aPairingCodeNotTypedInTimeExpires() throws Exception {
        restartFreshWith(settings -> settings.withPairingCodeLifetime(Duration.ofSeconds(2)));
        TestCompanion companion = companion("agent");
        String code = companion.startPairingCode(BUSINESS);

        TestCompanion.await(() -> companion.linkError.get() != null, "the attempt times out");
        // The companion hears the network's reason (its client files it as a server error, not EXPIRED).
        LinkingException ended = assertInstanceOf(LinkingException.class, companion.linkError.get());
        assertTrue(ended.getMessage().contains("pairing-code-expired"), ended.getMessage());
        PhoneException late = assertThrows(PhoneException.class, () -> phone.enterPairingCode(code));
        assertEquals("no-pairing-request", late.reason());
        assertTrue(companion.registration.address().isEmpty());
    }

    @Test
    void aLowerCompanionLimitRefusesTheNextCompanionNamingTheLimit() throws Exception {
        restartFreshWith(settings -> settings.withCompanionLimit(2));
        linkedByQr("agent-1");
        linkedByCode("agent-2");

        TestCompanion third = companion("agent-3");
        String qr = third.startQr();
        PhoneException refused = assertThrows(PhoneException.class, () -> phone.scanQr(qr));
        assertEquals("companion-limit-reached", refused.reason());
        assertTrue(refused.getMessage().contains("limit is 2"), refused.getMessage());
        TestCompanion.await(() -> third.linkError.get() != null, "the third companion hears the refusal");
        assertTrue(third.linkError.get().getMessage().contains("companion-limit-reached"), third.linkError.get().getMessage());
        assertEquals(2, phone.linkedDevices().size());
    }

    private static String wrongCode(String code) {
        char first = code.charAt(0);
        char other = PairingCode.ALPHABET.charAt((PairingCode.ALPHABET.indexOf(first) + 1) % PairingCode.ALPHABET.length());
        return other + code.substring(1);
    }
}
