package com.teaminbox.server.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, both ends included, in UTC. At most {@link #MAX_DAYS} days; a
 * missing, malformed or reversed range is refused with {@link Invalid}, whose message names
 * the field first ("to: ..."); the resource answers it with 400.
 */
public record ReportRange(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 92;

    /** A range the caller got wrong; the message starts with the field's name. */
    public static final class Invalid extends IllegalArgumentException {
        Invalid(String detail) {
            super(detail);
        }
    }

    public static ReportRange parse(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw new Invalid("to: must not be before from (" + start + ").");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new Invalid("to: a report covers at most " + MAX_DAYS + " days.");
        }
        return new ReportRange(start, end);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new Invalid(field + ": required, a date as YYYY-MM-DD.");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid(field + ": must be a date as YYYY-MM-DD.");
        }
    }
}
