package com.teaminbox.server.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportRangeTest {

    @Test
    void ninetyTwoDaysIsTheLongestRange() {
        assertEquals(92, ReportRange.parse("2024-01-01", "2024-04-01").days());
        ReportRange.Invalid tooLong = assertThrows(ReportRange.Invalid.class, () -> ReportRange.parse("2024-01-01", "2024-04-02"));
        assertTrue(tooLong.getMessage().startsWith("to:"), tooLong.getMessage());
    }

    @Test
    void eachBadFieldIsNamed() {
        assertTrue(assertThrows(ReportRange.Invalid.class, () -> ReportRange.parse(null, "2024-01-01")).getMessage().startsWith("from:"));
        assertTrue(assertThrows(ReportRange.Invalid.class, () -> ReportRange.parse("2024-02-30", "2024-03-01")).getMessage().startsWith("from:"));
        assertTrue(assertThrows(ReportRange.Invalid.class, () -> ReportRange.parse("2024-01-02", "2024-01-01")).getMessage().startsWith("to:"));
        assertEquals(new ReportRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1)), ReportRange.parse("2024-01-01", "2024-01-01"));
    }

    @Test
    void csvSecondsKeepOneDecimalAndNothingIsEmpty() {
        assertEquals("90", DailyCsv.seconds(90.0));
        assertEquals("90.5", DailyCsv.seconds(90.5));
        assertEquals("504", DailyCsv.seconds(504.00000001));
        assertEquals("", DailyCsv.seconds(null));
    }
}
