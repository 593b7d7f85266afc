package com.teaminbox.ui.agents;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.ui.api.FakeInboxServer;
import com.teaminbox.ui.api.InboxApi;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Agents as an admin manages them: the list, and adding an agent with the server's refusals. */
class AgentsViewTest {

    private static final String AGENTS = "/v1/admin/agents";

    @RegisterExtension
    final FakeInboxServer server = new FakeInboxServer();

    @BeforeEach
    void aliceServesTheFrontDeskAndBobLeft() {
        server.answer("GET", AGENTS, """
                [{"id": 11, "username": "alice", "displayName": "Alice Martin", "email": "alice@example.com", "roles": ["agent"],
                  "capacity": 5, "status": "online", "disabled": false, "disabledAt": null, "disabledReason": null,
                  "queues": [{"id": 3, "name": "Front desk", "accountId": 1}, {"id": 4, "name": "Orders", "accountId": 1}],
                  "devices": [{"accountId": 1, "deviceId": 21, "state": "connected", "stateChangedAt": "2025-03-01T09:00:00Z"}]},
                 {"id": 12, "username": "bob", "displayName": "Bob Silva", "email": "bob@example.com", "roles": ["agent"],
                  "capacity": 3, "status": "offline", "disabled": true, "disabledAt": "2025-03-02T09:00:00Z",
                  "disabledReason": "left the company", "queues": [], "devices": []}]""");
        server.answer("GET", "/v1/queues", """
                [{"id": 3, "accountId": 1, "name": "Front desk", "routingPolicy": "least_busy", "isDefault": true,
                  "slaSeconds": 900, "member": false},
                 {"id": 4, "accountId": 1, "name": "Orders", "routingPolicy": "round_robin", "isDefault": false,
                  "slaSeconds": null, "member": false}]""");
        UI.getCurrent().add(new AgentsView(server.api(), server.user()));
    }

    @Test
    void eachAgentShowsStatusCapacityQueuesAndDevice() {
        assertEquals(List.of("Alice Martin", "alice", "online", "5", "Front desk, Orders", "connected"),
                _getFormattedRow(grid(), 0).subList(0, 6));
        assertEquals(List.of("Bob Silva", "bob", "disabled: left the company", "3", "", "no device"),
                _getFormattedRow(grid(), 1).subList(0, 6));
    }

    @Test
    void aNewAgentServesTheDefaultQueueAndIsConfirmedByName() {
        server.answer("POST", AGENTS, 201, """
                {"id": 13, "username": "erin", "displayName": "Erin Walsh", "email": "erin@example.com", "roles": ["agent"],
                 "capacity": 5, "status": "offline", "disabled": false, "disabledAt": null, "disabledReason": null,
                 "queues": [{"id": 3, "name": "Front desk", "accountId": 1}], "devices": []}""");
        _click(_get(Button.class, spec -> spec.withId("add-agent")));
        assertEquals(List.of("Front desk"), queuesPicked().getValue().stream().map(InboxApi.Queue::name).toList(),
                "the default queue is chosen already");
        fill("erin", "erin@example.com", "  Erin Walsh ");

        _click(addButton());

        assertEquals(Json.createObjectBuilder().add("username", "erin").add("email", "erin@example.com").add("displayName", "Erin Walsh")
                .add("capacity", 5).add("queueIds", Json.createArrayBuilder().add(3)).build(),
                server.requests("POST", AGENTS).get(0).json(), "no temporary password: Keycloak asks Erin to set one");
        assertEquals("Erin Walsh was added. They can sign in as erin.",
                _get(Paragraph.class, spec -> spec.withId("agents-done")).getText());
        _assertNone(Dialog.class);
        assertEquals(2, server.requests("GET", AGENTS).size(), "the list was read again");
    }

    @Test
    void aBadUserNameAndEmailAreRefusedWithTheServersSentencesAndTheDialogStays() {
        addRefused(400, "email: must be a well-formed email address; username: must be 2 to 63 lower-case letters, digits,"
                + " dots, dashes or underscores, starting with a letter or digit", "Erin W", "erin@", "Erin Walsh");

        assertTrue(_get(EmailField.class, spec -> spec.withId("new-agent-email")).isInvalid(), "the field is marked too");
        assertEquals("Erin W", field("new-agent-username").getValue(), "kept for a correction");
    }

    @Test
    void aNameKeycloakRefuses422IsSaidInTheDialog() {
        addRefused(422, "displayName: Keycloak does not accept these characters in a name:"
                + " < > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( ); leave them out.", "erin", "erin@example.com", "Erin <Walsh>");

        assertEquals("Erin <Walsh>", field("new-agent-name").getValue(), "kept for a correction");
    }

    /** The admin fills the dialog and presses Add; the server refuses with the sentence, which the dialog then shows. */
    private void addRefused(int status, String sentence, String username, String email, String name) {
        server.refuse("POST", AGENTS, status, sentence);
        _click(_get(Button.class, spec -> spec.withId("add-agent")));
        fill(username, email, name);

        _click(addButton());

        assertEquals(sentence, _get(Paragraph.class, spec -> spec.withClasses("dialog-error")).getText());
        assertTrue(_get(Dialog.class).isOpened(), "the dialog stays for a correction");
        _assertNone(Paragraph.class, spec -> spec.withId("agents-done"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<?> grid() {
        return _get(Grid.class, spec -> spec.withId("agents-grid"));
    }

    private static void fill(String username, String email, String name) {
        _setValue(field("new-agent-username"), username);
        _setValue(_get(EmailField.class, spec -> spec.withId("new-agent-email")), email);
        _setValue(field("new-agent-name"), name);
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static MultiSelectComboBox<InboxApi.Queue> queuesPicked() {
        return _get(MultiSelectComboBox.class, spec -> spec.withCaption("Queues"));
    }

    private static Button addButton() {
        return _get(Button.class, spec -> spec.withId("create-agent"));
    }
}
