package com.teaminbox.ui.primary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrimaryPhoneViewTest {

    @Test
    void timeLeftReadsAsPeopleSayIt() {
        assertEquals("5 days 23 h", PrimaryPhoneView.inWords(5 * 86_400L + 23 * 3_600L + 59 * 60L));
        assertEquals("1 day 0 h", PrimaryPhoneView.inWords(86_400L));
        assertEquals("6 h 12 min", PrimaryPhoneView.inWords(6 * 3_600L + 12 * 60L + 30L));
        assertEquals("14 min", PrimaryPhoneView.inWords(14 * 60L));
        assertEquals("0 min", PrimaryPhoneView.inWords(-5L), "past the deadline is never negative");
        assertEquals("an unknown time", PrimaryPhoneView.inWords(null));
    }
}
