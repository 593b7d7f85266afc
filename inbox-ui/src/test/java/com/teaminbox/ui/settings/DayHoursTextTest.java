package com.teaminbox.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.ui.api.InboxApi.DayHours;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayHoursTextTest {

    @Test
    void readsShortAndFullDayNamesAndPadsHours() {
        assertEquals(List.of(new DayHours(6, "10:00", "14:00"), new DayHours(7, "09:30", "12:00")),
                DayHoursText.parse("Sat 10:00-14:00, sunday 9:30 – 12:00"));
        assertEquals(List.of(), DayHoursText.parse("  "));
    }

    @Test
    void writesWhatItReads() {
        List<DayHours> days = List.of(new DayHours(1, "08:00", "12:00"), new DayHours(5, "22:00", "02:00"));
        assertEquals("Mon 08:00-12:00, Fri 22:00-02:00", DayHoursText.format(days));
        assertEquals(days, DayHoursText.parse(DayHoursText.format(days)));
    }

    @Test
    void whatCannotBeReadIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DayHoursText.parse("Sat 10-14"))
                .getMessage().startsWith("\"Sat 10-14\" is not a day with hours"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DayHoursText.parse("Samstag 10:00-14:00"))
                .getMessage().startsWith("\"Samstag\" in"));
        assertThrows(IllegalArgumentException.class, () -> DayHoursText.parse("S 10:00-14:00"), "too short to tell Sat from Sun");
    }
}
