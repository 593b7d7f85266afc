package com.teaminbox.server.device.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.client.LogoutReason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which sentence a logout gets, from the network's reason and the inbox's two clocks. */
class LogoutCauseTest {

    private static final Instant NOW = Instant.parse("2026-03-20T10:00:00Z");

    private static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    @Test
    void aConnectedDeviceRemovedAfterFourteenQuietDaysOfThePhoneNamesTheRuleAndTheDay() {
        LogoutCause cause = LogoutCause.of(LogoutReason.DEVICE_REMOVED, Instant.parse("2026-03-05T09:00:00Z"),
                NOW.minusSeconds(20), NOW);
        assertEquals("logged out by the network's 14-day rule: the business phone was last used on 2026-03-05", cause.sentence());
        assertTrue(cause.fourteenDayRule());
    }

    @Test
    void theDayIsTheNetworksDayInUtc() {
        LogoutCause cause = LogoutCause.of(LogoutReason.DEVICE_REMOVED, Instant.parse("2026-03-05T23:30:00-05:00"),
                NOW.minusSeconds(20), NOW);
        assertTrue(cause.sentence().endsWith("last used on 2026-03-06"), cause.sentence());
    }

    @Test
    void aDeviceUnusedForThirtyDaysWhileThePhoneWasInUseWasRemovedForItsOwnSake() {
        LogoutCause cause = LogoutCause.of(LogoutReason.DEVICE_REMOVED, daysAgo(2), daysAgo(31), NOW);
        assertEquals("removed after 30 days without use", cause.sentence());
        assertFalse(cause.fourteenDayRule(), "no primary-phone incident for one idle device");
    }

    @Test
    void whenBothRulesHadRunOutTheOneThatStruckFirstIsNamed() {
        // the device's 30 days ended ten days ago, the phone's 14 one day ago
        assertEquals("removed after 30 days without use",
                LogoutCause.of(LogoutReason.DEVICE_REMOVED, daysAgo(15), daysAgo(40), NOW).sentence());
        // the phone's 14 days ended six days ago, the device's 30 one day ago
        assertTrue(LogoutCause.of(LogoutReason.DEVICE_REMOVED, daysAgo(20), daysAgo(31), NOW).fourteenDayRule());
    }

    @Test
    void aDeviceInRecentUseCannotHaveFallenToTheThirtyDayRule() {
        // The inbox saw the phone four days ago, but it may see uses the network does not count.
        LogoutCause cause = LogoutCause.of(LogoutReason.DEVICE_REMOVED, daysAgo(4), NOW.minusSeconds(5), NOW);
        assertTrue(cause.fourteenDayRule());
        assertTrue(cause.sentence().endsWith("last used on 2026-03-16"), cause.sentence());
    }

    @Test
    void aPhoneNeverSeenIsSaidSo() {
        assertEquals("logged out by the network's 14-day rule: the inbox never saw the business phone in use",
                LogoutCause.of(LogoutReason.DEVICE_REMOVED, null, null, NOW).sentence());
    }

    @Test
    void unlinkedOnThePhone() {
        LogoutCause cause = LogoutCause.of(LogoutReason.UNLINKED, daysAgo(20), daysAgo(40), NOW);
        assertEquals("unlinked on the business phone", cause.sentence());
        assertFalse(cause.fourteenDayRule());
    }

    @Test
    void replacedByTheSameDeviceConnectingElsewhere() {
        LogoutCause cause = LogoutCause.of(LogoutReason.REPLACED, daysAgo(20), NOW, NOW);
        assertEquals("replaced by the same device connecting elsewhere", cause.sentence());
        assertFalse(cause.fourteenDayRule());
    }

    @Test
    void aRefusedLoginWithAnUnknownReason() {
        assertEquals("the network no longer accepts this device's login",
                LogoutCause.of(LogoutReason.UNAUTHORIZED, daysAgo(1), NOW, NOW).sentence());
    }
}
