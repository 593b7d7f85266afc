package com.teaminbox.ui.devices;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.ui.api.FakeInboxServer;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Devices screen as an admin sees it: the slot budget, foreign companions and Re-link all. */
class DevicesViewTest {

    @RegisterExtension
    final FakeInboxServer server = new FakeInboxServer();

    @BeforeEach
    void twoAgentsAndNobodyToRelink() {
        server.answer("GET", "/v1/agents", """
                [{"id": 11, "username": "alice", "displayName": "Alice Martin", "roles": ["agent"]},
                 {"id": 12, "username": "bob", "displayName": "Bob Silva", "roles": ["agent"]}]""");
        server.answer("GET", "/v1/devices/relink", "[]");
        server.answer("GET", "/v1/devices/accounts", "[]");
    }

    @Test
    void eachAccountSaysHowManyOfItsFourCompanionSlotsAreUsed() {
        server.answer("GET", "/v1/devices/accounts", """
                [{"accountId": 1, "businessNumber": "+15550100", "budget": 4, "used": 2, "notManagedByTeamInbox": [],
                  "devices": [%s, %s]},
                 {"accountId": 2, "businessNumber": "+15550200", "budget": 4, "used": 0, "notManagedByTeamInbox": [], "devices": []}]"""
                .formatted(device(21, 11, "Alice Martin", "connected"), device(22, 12, "Bob Silva", "disconnected")));

        showView();

        List<String> headings = _find(H3.class).stream().map(H3::getText).filter(text -> text.startsWith("+1")).toList();
        assertEquals(List.of("+15550100 — 2 of 4 companion slots used"), headings);
        assertEquals("No devices yet on 1 other account(s): +15550200.", _get(Paragraph.class, spec -> spec.withId("accounts-without-devices")).getText());
    }

    @Test
    void aCompanionLinkedOutsideTeamInboxIsWarnedAbout() {
        server.answer("GET", "/v1/devices/accounts", """
                [{"accountId": 1, "businessNumber": "+15550100", "budget": 4, "used": 2, "notManagedByTeamInbox": ["Chrome (macOS)"],
                  "devices": [%s]}]""".formatted(device(21, 11, "Alice Martin", "connected")));

        showView();

        assertEquals("1 linked device(s) not managed by Team Inbox: Chrome (macOS). Each takes a slot and can read every chat."
                        + " Log it out on the business phone: Settings → Linked devices.",
                _get(Paragraph.class, spec -> spec.withClasses("foreign-devices")).getText());
    }

    @Test
    void reLinkAllIsOfferedOnlyWhileAgentsLackTheDeviceTheNetworkRemoved() {
        showView();
        _assertNone(Button.class, spec -> spec.withId("relink-all")); // nobody lost a device: no offer

        server.answer("GET", "/v1/devices/relink", """
                [{"accountId": 1, "businessNumber": "+15550100", "agentId": 11, "agentName": "Alice Martin"},
                 {"accountId": 1, "businessNumber": "+15550100", "agentId": 12, "agentName": "Bob Silva"}]""");
        UI.getCurrent().removeAll();
        showView();

        assertTrue(_get(Paragraph.class, spec -> spec.withId("relink-offer")).getText()
                .startsWith("The network removed the devices of 2 agent(s) in its last logout (the 14-day rule):"
                        + " Alice Martin on +15550100, Bob Silva on +15550100."));
        assertEquals("Re-link all (2)", _get(Button.class, spec -> spec.withId("relink-all")).getText());
    }

    @Test
    void reLinkAllStartsEveryLinkAndShowsTheCodesOneAfterTheOther() {
        server.answer("GET", "/v1/devices/relink", """
                [{"accountId": 1, "businessNumber": "+15550100", "agentId": 11, "agentName": "Alice Martin"},
                 {"accountId": 1, "businessNumber": "+15550100", "agentId": 12, "agentName": "Bob Silva"}]""");
        server.answer("POST", "/v1/devices/relink", """
                [{"accountId": 1, "businessNumber": "+15550100", "agentId": 11, "agentName": "Alice Martin", "link": %s},
                 {"accountId": 1, "businessNumber": "+15550100", "agentId": 12, "agentName": "Bob Silva", "link": %s}]"""
                .formatted(link(31, "waiting-for-code", "ALIC-E111"), link(32, "waiting-for-code", "BOBS-2222")));
        server.answer("GET", "/v1/devices/31/link", link(31, "waiting-for-code", "ALIC-E111"));
        server.answer("GET", "/v1/devices/32/link", link(32, "waiting-for-code", "BOBS-2222"));
        showView();
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("link-method")), "Pairing code");

        _click(_get(Button.class, spec -> spec.withId("relink-all")));

        FakeInboxServer.Request started = server.requests("POST", "/v1/devices/relink").get(0);
        assertEquals("pairing-code", started.json().getString("method"));
        assertEquals("Bearer " + FakeInboxServer.TOKEN, started.authorization());
        assertEquals("Alice Martin: showing its code now", reportLine(11));
        assertEquals("Bob Silva: waiting for its turn", reportLine(12));
        assertEquals("ALIC-E111", _get(Span.class, spec -> spec.withId("link-code")).getText());

        server.answer("GET", "/v1/devices/31/link", link(31, "linked", null));
        poll();

        assertEquals("Alice Martin: linked", reportLine(11));
        assertEquals("Bob Silva: showing its code now", reportLine(12));
        assertEquals("BOBS-2222", _get(Span.class, spec -> spec.withId("link-code")).getText());
    }

    private void showView() {
        UI.getCurrent().add(new DevicesView(server.api(), server.user()));
    }

    private static String reportLine(long agentId) {
        return _get(Paragraph.class, spec -> spec.withId("relink-agent-" + agentId)).getText();
    }

    /** The browser's once-a-second poll while a link runs. */
    private static void poll() {
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
    }

    private static String device(long id, long agentId, String agentName, String state) {
        return """
                {"id": %d, "accountId": 1, "agentId": %d, "agentName": "%s", "state": "%s", "platform": "Team Inbox",
                 "messagesIn": 3, "messagesOut": 4}""".formatted(id, agentId, agentName, state);
    }

    private static String link(long deviceId, String stage, String pairingCode) {
        return """
                {"deviceId": %d, "state": "linking", "stage": "%s", "pairingCode": %s}"""
                .formatted(deviceId, stage, pairingCode == null ? "null" : "\"" + pairingCode + "\"");
    }
}
