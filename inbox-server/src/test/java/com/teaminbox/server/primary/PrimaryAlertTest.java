package com.teaminbox.server.primary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alert e-mail's wording, without a server (the webhook signature: WebhookSignatureTest). */
class PrimaryAlertTest {

    @Test
    void thresholdsReadAsPeopleWriteThem() {
        assertEquals("P7D", PrimaryPhoneSettings.label(Duration.parse("P7D")));
        assertEquals("PT6H", PrimaryPhoneSettings.label(Duration.parse("PT6H")));
        assertEquals("PT36H", PrimaryPhoneSettings.label(Duration.parse("PT36H")));
    }

    @Test
    void aWarningMailSaysWhenAndWhatToDo() {
        Instant last = Instant.parse("2026-01-01T10:00:00Z");
        PrimaryAlert alert = new PrimaryAlert(PrimaryAlert.WARNING, 3, "4930123456", "Demo Bakery", List.of("P7D"),
                Duration.ofDays(6).plusHours(2), last, "PROBE_ANSWER", last.plus(Duration.ofDays(14)),
                last.plus(Duration.ofDays(8)), null, PrimaryPhoneWatch.WARNING_STEPS);
        // The JSON body (no JSON-P provider in unit tests) is checked by PrimaryPhoneMonitorIT.
        assertTrue(alert.mailSubject().contains("6 d 2 h left"), alert.mailSubject());
        assertTrue(alert.mailText().contains("2026-01-15T10:00:00Z"), alert.mailText());
        assertTrue(alert.mailText().contains("Use the business's primary phone"), alert.mailText());
        assertTrue(alert.mailSubject().contains("Demo Bakery (4930123456)"), alert.mailSubject());
    }
}
