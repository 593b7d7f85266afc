package com.teaminbox.ui.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ManagerViewTest {

    @Test
    void waitsReadAsPeopleSayThem() {
        assertEquals("45 s", ManagerView.duration(45));
        assertEquals("12 min", ManagerView.duration(12 * 60 + 5));
        assertEquals("3 h 5 min", ManagerView.duration(3 * 3_600 + 5 * 60));
        assertEquals("1 h", ManagerView.duration(3_600));
        assertEquals("2 d 4 h", ManagerView.duration(2 * 86_400 + 4 * 3_600 + 59));
    }

    @Test
    void theRangeIsCheckedLikeTheServerDoes() {
        LocalDate day = LocalDate.of(2026, 1, 1);
        assertNull(ManagerView.rangeProblem(day, day.plusDays(91)));
        assertEquals("A report covers at most 92 days.", ManagerView.rangeProblem(day, day.plusDays(92)));
        assertEquals("The last day comes before the first day.", ManagerView.rangeProblem(day, day.minusDays(1)));
        assertEquals("Choose both a first and a last day.", ManagerView.rangeProblem(null, day));
    }
}
