package com.teaminbox.ui.settings;

import com.teaminbox.ui.api.InboxApi.DayHours;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The days with their own business hours as one line an admin can type: "Sat 10:00-14:00,
 * Sun 12:00-16:00". Only the shape is checked here (a sentence for what cannot be read); the
 * server decides whether the hours make sense.
 */
final class DayHoursText {

    /** Mon … Sun, as the screen writes them. */
    static final List<String> DAYS = java.util.Arrays.stream(DayOfWeek.values())
            .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).toList();
    private static final Pattern ENTRY = Pattern.compile("(\\p{L}+)\\s+(\\d{1,2}:\\d{2})\\s*[-–]\\s*(\\d{1,2}:\\d{2})");

    private DayHoursText() {
    }

    /** @throws IllegalArgumentException with a sentence naming the part that cannot be read */
    static List<DayHours> parse(String text) {
        List<DayHours> days = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return days;
        }
        for (String part : text.split("[,;]")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            Matcher match = ENTRY.matcher(entry);
            if (!match.matches()) {
                throw new IllegalArgumentException("\"" + entry + "\" is not a day with hours such as \"Sat 10:00-14:00\".");
            }
            days.add(new DayHours(day(match.group(1), entry), pad(match.group(2)), pad(match.group(3))));
        }
        return days;
    }

    static String format(List<DayHours> days) {
        return days == null ? "" : days.stream()
                .map(d -> DAYS.get(d.day() - 1) + " " + d.opensAt() + "-" + d.closesAt())
                .collect(Collectors.joining(", "));
    }

    private static int day(String name, String entry) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (lower.length() >= 2 && day.name().toLowerCase(Locale.ROOT).startsWith(lower)) { // "Sa", "Sat", "Saturday"
                return day.getValue();
            }
        }
        throw new IllegalArgumentException("\"" + name + "\" in \"" + entry + "\" is not a weekday; write Mon, Tue, … Sun.");
    }

    /** "9:00" → "09:00", as the server answers it. */
    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }
}
