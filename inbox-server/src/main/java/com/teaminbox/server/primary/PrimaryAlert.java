package com.teaminbox.server.primary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the admins and managers are told about the primary phone, on every channel: a warning
 * (thresholds of time left crossed), the incident (the logout came anyway), or "resumed"
 * (activity seen again after a warning; in-app only). Carries no secret.
 */
public record PrimaryAlert(String event, long accountId, String phoneNumber, String accountName, List<String> thresholds,
                           Duration timeLeft, Instant lastActivityAt, String lastSource, Instant logoutAt, Instant occurredAt,
                           JsonArray devices, List<String> recovery) {

    public static final String WARNING = "primary-phone.warning";
    public static final String INCIDENT = "primary-phone.incident";
    public static final String RESUMED = "primary-phone.resumed";

    /** The body of the webhook and of the in-app event (with "kind" added there). */
    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("event", event)
                .add("account", Json.createObjectBuilder().add("id", accountId).add("phoneNumber", phoneNumber)
                        .add("name", accountName))
                .add("thresholds", Json.createArrayBuilder(thresholds))
                .add("timeLeftSeconds", Math.max(0, timeLeft.toSeconds()))
                .add("timeLeft", (timeLeft.isNegative() ? Duration.ZERO : timeLeft).toString())
                .add("occurredAt", occurredAt.toString());
        if (lastActivityAt != null) {
            json.add("lastActivityAt", lastActivityAt.toString()).add("lastActivitySource", lastSource);
        }
        if (logoutAt != null) {
            json.add("logoutAt", logoutAt.toString());
        }
        if (devices != null) {
            json.add("devices", devices);
        }
        if (recovery != null && !recovery.isEmpty()) {
            JsonArrayBuilder steps = Json.createArrayBuilder();
            recovery.forEach(steps::add);
            json.add("recovery", steps);
        }
        return json.build();
    }

    /** The in-app banner event: the same facts, marked with the event-stream kind. */
    public String toEventJson() {
        return Json.createObjectBuilder(toJson()).add("kind", com.teaminbox.server.events.InboxEvent.PRIMARY_PHONE)
                .build().toString();
    }

    public String mailSubject() {
        String who = accountName + " (" + phoneNumber + ")";
        return switch (event) {
            case INCIDENT -> "[Team Inbox] " + who + ": every linked device was logged out (primary phone unused 14 days)";
            case WARNING -> "[Team Inbox] " + who + ": primary phone unused, " + human(timeLeft)
                    + " left before every linked device is logged out";
            default -> "[Team Inbox] " + who + ": primary phone active again";
        };
    }

    public String mailText() {
        StringBuilder text = new StringBuilder();
        if (INCIDENT.equals(event)) {
            text.append("The messaging network logged out every companion device of ").append(accountName).append(" (")
                    .append(phoneNumber).append(") at ").append(occurredAt)
                    .append(": the business's primary phone was not used for 14 days.\n\n");
            text.append("Devices logged out:\n");
            if (devices != null) {
                devices.getValuesAs(JsonObject.class).forEach(d -> text.append("  - device ").append(d.getJsonNumber("deviceId"))
                        .append(" (").append(d.getString("agent", "?")).append(") at ")
                        .append(d.getString("loggedOutAt", "?")).append(": ").append(d.getString("reason", "?")).append('\n'));
            }
            text.append("\nThe agents of these devices are marked away and their open conversations went back to routing.\n");
        } else {
            text.append("The primary phone of ").append(accountName).append(" (").append(phoneNumber).append(") was last seen in use ")
                    .append(lastActivityAt).append(" (").append(lastSource).append(").\n");
            text.append("If it stays unused, the messaging network logs out every linked device at ").append(logoutAt)
                    .append(" (").append(human(timeLeft)).append(" from now). Thresholds crossed: ")
                    .append(String.join(", ", thresholds)).append(".\n");
        }
        if (recovery != null && !recovery.isEmpty()) {
            text.append("\nWhat to do:\n");
            for (int i = 0; i < recovery.size(); i++) {
                text.append("  ").append(i + 1).append(". ").append(recovery.get(i)).append('\n');
            }
        }
        return text.toString();
    }

    static String human(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return "no time";
        }
        long days = left.toDays();
        long hours = left.minusDays(days).toHours();
        long minutes = left.minusDays(days).minusHours(hours).toMinutes();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        return hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    }
}
