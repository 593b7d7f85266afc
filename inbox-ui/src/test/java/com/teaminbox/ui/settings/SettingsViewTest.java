package com.teaminbox.ui.settings;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNoNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.ui.api.FakeInboxServer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Settings as an admin edits them: what is checked on the screen, what is sent, and the server's refusals. */
class SettingsViewTest {

    private static final String QUEUE = "/v1/admin/settings/queues/3";
    private static final String MAIL = "/v1/admin/settings/mail";
    private static final String WEBHOOK = "/v1/admin/settings/webhook";

    @RegisterExtension
    final FakeInboxServer server = new FakeInboxServer();

    @BeforeEach
    void settingsInForce() {
        server.answer("GET", "/v1/admin/settings", """
                {"primaryPhone": {"warningThresholds": ["P3D", "P1D"], "configuredThresholds": ["P3D", "P1D"], "saved": false},
                 "mail": {"host": "smtp.example.com", "port": 587, "from": "inbox@example.com", "username": "inbox",
                          "passwordSet": true, "startTls": true, "recipients": ["ops@example.com"], "saved": true},
                 "webhook": {"url": "", "secretSet": false, "allowPrivateAddresses": false, "saved": false},
                 "queues": [{"id": 3, "accountId": 1, "accountName": "Demo Bakery", "name": "Front desk",
                             "routingPolicy": "least_busy", "slaMinutes": 15, "timeZone": "Europe/Lisbon",
                             "opensAt": "09:00", "closesAt": "18:00", "openDays": [1, 2, 3, 4, 5],
                             "outOfHoursReply": "We are closed.", "dayHours": []}]}""");
        server.answer("PUT", QUEUE, 204, "");
        server.answer("PUT", MAIL, 204, "");
        server.answer("PUT", WEBHOOK, 204, "");
        UI.getCurrent().add(new SettingsView(server.api(), server.user()));
    }

    @Test
    void dayHoursThatCannotBeReadAreNamedAndNothingIsSent() {
        _setValue(field("settings-day-hours"), "Sat 10-14");

        _click(button("save-queue"));

        assertEquals("\"Sat 10-14\" is not a day with hours such as \"Sat 10:00-14:00\".", error("settings-queue-error"));
        assertTrue(server.requests("PUT", QUEUE).isEmpty());
        expectNoNotifications();
    }

    @Test
    void aQueueIsSavedWithItsHoursAndTheAdminIsTold() {
        _setValue(field("settings-opens-at"), " 08:30 ");
        _setValue(field("settings-closes-at"), "");
        _setValue(field("settings-day-hours"), "Sat 10:00-14:00");

        _click(button("save-queue"));

        JsonObject sent = server.requests("PUT", QUEUE).get(0).json();
        assertEquals(Json.createObjectBuilder().add("routingPolicy", "least_busy").add("timeZone", "Europe/Lisbon")
                .add("openDays", Json.createArrayBuilder(List.of(1, 2, 3, 4, 5))).add("outOfHoursReply", "We are closed.")
                .add("dayHours", Json.createArrayBuilder().add(Json.createObjectBuilder().add("day", 6).add("opensAt", "10:00")
                        .add("closesAt", "14:00")))
                .add("slaMinutes", 15).add("opensAt", "08:30").build(), sent, "an empty closing time is left out: open until midnight");
        expectNotifications("Settings of queue Front desk saved.");
        _assertNone(Paragraph.class, spec -> spec.withId("settings-queue-error"));
    }

    @Test
    void anEmptyPasswordFieldKeepsTheSavedPasswordAndOnlyTheCheckboxRemovesIt() {
        _click(button("save-mail"));
        assertFalse(server.requests("PUT", MAIL).get(0).json().containsKey("password"), "the saved password stays");

        _setValue(_get(Checkbox.class, spec -> spec.withId("settings-smtp-no-password")), true);
        _click(button("save-mail"));
        assertEquals("", server.requests("PUT", MAIL).get(1).json().getString("password"), "removed on purpose");
    }

    @Test
    void theServersRefusalIsShownUnderTheSectionThatWasSaved() {
        server.refuse("PUT", MAIL, 400, "recipients: \"ops@\" is not an e-mail address.");
        _setValue(field("settings-recipients"), "ops@");

        _click(button("save-mail"));

        assertEquals("recipients: \"ops@\" is not an e-mail address.", error("settings-mail-error"));
        _assertNone(Paragraph.class, spec -> spec.withId("settings-queue-error")); // other sections stay quiet
        assertEquals("ops@", field("settings-recipients").getValue(), "what was typed stays for a correction");
        expectNoNotifications();
    }

    @Test
    void privateWebhookAddressesAreSentAsTheAdminTicksThem() {
        Checkbox allowPrivate = _get(Checkbox.class, spec -> spec.withId("settings-webhook-allow-private"));
        assertFalse(allowPrivate.getValue(), "as the server has it");
        _click(button("save-webhook"));
        assertFalse(server.requests("PUT", WEBHOOK).get(0).json().getBoolean("allowPrivateAddresses"));

        _setValue(field("settings-webhook-url"), "http://10.0.0.5:8080/hooks");
        _setValue(allowPrivate, true);
        _click(button("save-webhook"));
        JsonObject sent = server.requests("PUT", WEBHOOK).get(1).json();
        assertTrue(sent.getBoolean("allowPrivateAddresses"));
        assertEquals("http://10.0.0.5:8080/hooks", sent.getString("url"));
    }

    @Test
    void aRefusedWebhookDestinationIsShownUnderTheWebhookSection() {
        String sentence = "The webhook address 10.0.0.5 is a private address: webhooks go only to public addresses unless an"
                + " admin allows private and local ones (Settings, Webhook).";
        server.refuse("PUT", WEBHOOK, 422, sentence);
        _setValue(field("settings-webhook-url"), "http://10.0.0.5:8080/hooks");

        _click(button("save-webhook"));

        assertEquals(sentence, error("settings-webhook-error"));
        expectNoNotifications();
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    /** The sentence under a section; found only while it is visible. */
    private static String error(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }
}
