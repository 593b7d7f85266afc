package com.teaminbox.ui.inbox;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._selectRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.ui.GridCells;
import com.teaminbox.ui.api.FakeInboxServer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inbox as an agent works in it: the conversation list, its tabs and filters, availability, and picking a chat. */
class InboxViewTest {

    private static final String LIST = "/v1/conversations";
    private static final String WHY = "no agent of Front desk is online";

    @RegisterExtension
    final FakeInboxServer server = new FakeInboxServer();

    @BeforeEach
    void annHasAWaitingCustomerAndAnAssignedOne() {
        server.answer("GET", "/v1/me", """
                {"username": "ann", "displayName": "Ann Lee", "email": "ann@example.com", "roles": ["agent"]}""");
        Instant now = Instant.now();
        server.answer("GET", LIST, """
                {"items": [%s, %s], "next": null}""".formatted(
                conversation(7, "\"Maria Costa\"", "open", null, 2, now.minusSeconds(750), now.minusSeconds(200)),
                conversation(8, "null", "pending", 21L, 0, null, now.plusSeconds(630))));
        server.answer("GET", LIST + "/7", conversation(7, "\"Maria Costa\"", "open", null, 0, now.minusSeconds(750), null));
        server.answer("GET", LIST + "/8", conversation(8, "null", "pending", 21L, 0, null, null));
        for (long id : List.of(7L, 8L)) {
            server.answer("GET", LIST + "/" + id + "/messages", """
                    {"items": [], "next": null}""");
            server.answer("GET", LIST + "/" + id + "/notes", "[]");
            server.answer("GET", LIST + "/" + id + "/events", "[]");
            server.answer("GET", LIST + "/" + id + "/labels", "[]");
            server.answer("GET", LIST + "/" + id + "/transfer-targets", """
                    {"agents": [], "queues": []}""");
            server.answer("POST", LIST + "/" + id + "/read", 204, "");
        }
        server.answer("PUT", "/v1/agents/me/status", """
                {"status": "online", "capacity": 5}""");
    }

    @Test
    void eachRowShowsTheCustomerWhatIsUnreadHowLongTheyWaitAndWhenTheReplyIsDue() {
        showView();

        assertEquals("Welcome, Ann Lee", _get(H2.class, spec -> spec.withId("greeting")).getText());
        assertEquals(2, _size(list()));
        assertEquals(List.of("Maria Costa", "open", "12 min"), textColumns(0));
        assertEquals("2", GridCells.under(list(), 0, "New"));
        assertEquals("3 min late", GridCells.under(list(), 0, "Reply due"));
        assertEquals(List.of("+351911000008", "pending", ""), textColumns(1), "no name: the number stands for the customer");
        assertEquals("", GridCells.under(list(), 1, "New"), "nothing unread: no badge");
        assertEquals("in 10 min", GridCells.under(list(), 1, "Reply due"));
    }

    @Test
    void eachTabAsksTheServerForItsOwnConversationsAndSaysWhenThereAreNone() {
        showView();
        _size(list());
        assertTrue(lastListQuery().startsWith(LIST + "?scope=mine&"), "Mine comes first");
        server.answer("GET", LIST, """
                {"items": [], "next": null}""");

        pickTab("tab-unassigned");
        assertEquals(0, _size(list()));
        assertTrue(lastListQuery().startsWith(LIST + "?scope=unassigned&"), lastListQuery());
        assertEquals("Nobody is waiting in your queues.", emptyState());

        pickTab("tab-all");
        assertEquals(0, _size(list()));
        assertTrue(lastListQuery().startsWith(LIST + "?scope=visible&"), lastListQuery());
        assertEquals("There are no conversations yet.", emptyState());
        assertEquals("All I can see", _get(Tab.class, spec -> spec.withId("tab-all")).getLabel(), "an agent, not a manager");
    }

    @Test
    void theStatusFilterAndASearchOfTwoLettersOrMoreNarrowTheList() {
        showView();
        server.answer("GET", LIST, """
                {"items": [], "next": null}""");

        _setValue(_get(Select.class, spec -> spec.withId("conversation-status-filter")), "resolved");
        _setValue(_get(TextField.class, spec -> spec.withId("conversation-search")), "m");
        _size(list());
        assertFalse(lastListQuery().contains("q="), "one letter is not searched for: " + lastListQuery());
        _setValue(_get(TextField.class, spec -> spec.withId("conversation-search")), "ma ");
        assertEquals(0, _size(list()));

        assertEquals(LIST + "?scope=mine&limit=50&status=resolved&q=ma", lastListQuery());
        assertEquals("No conversation matches this search and filter.", emptyState());
    }

    @Test
    void pickingAWaitingConversationSaysWhyNobodyHasItAndMarksItRead() {
        showView();
        _size(list());

        _selectRow(list(), 0);

        assertEquals("open · unassigned: " + WHY, conversationState());
        _assertOne(Button.class, spec -> spec.withText("Claim"));
        assertEquals(1, server.requests("POST", LIST + "/7/read").size());
    }

    @Test
    void pickingAnAssignedConversationShowsNoWaitingReasonAndNoClaim() {
        showView();
        _size(list());

        _selectRow(list(), 1);

        assertEquals("pending", conversationState());
        _assertNone(Button.class, spec -> spec.withText("Claim"));
    }

    @Test
    void choosingOnlineTellsTheServerAndARefusalIsSaidBesideTheChoice() {
        showView();

        _setValue(availability(), "online");
        assertEquals("online", server.requests("PUT", "/v1/agents/me/status").get(0).json().getString("status"));

        String expired = "Sign in first: this call needs a valid, unexpired bearer token from the inbox realm.";
        server.refuse("PUT", "/v1/agents/me/status", 401, expired);
        _setValue(availability(), "away");
        _assertOne(Paragraph.class, spec -> spec.withText(expired));
    }

    @Test
    void whenTheServerDoesNotKnowTheAgentTheInboxSaysSoInsteadOfAnEmptyList() {
        server.refuse("GET", "/v1/me", 403, "Your role does not allow this call.");

        showView();

        assertEquals("Welcome", _get(H2.class, spec -> spec.withId("greeting")).getText());
        assertEquals("Your role does not allow this call.", _get(Paragraph.class, spec -> spec.withId("error")).getText());
        _assertNone(Grid.class);
    }

    private void showView() {
        UI.getCurrent().add(new InboxView(server.api(), server.user()));
    }

    @SuppressWarnings("unchecked")
    private static Grid<?> list() {
        return _get(Grid.class, spec -> spec.withId("conversation-list"));
    }

    @SuppressWarnings("unchecked")
    private static Select<String> availability() {
        return _get(Select.class, spec -> spec.withId("agent-status"));
    }

    /** Customer, status and waiting: the columns that are plain text. */
    private static List<String> textColumns(int row) {
        List<String> cells = _getFormattedRow(list(), row);
        return List.of(cells.get(0), cells.get(2), cells.get(3));
    }

    private static void pickTab(String id) {
        _get(Tabs.class).setSelectedTab(_get(Tab.class, spec -> spec.withId(id)));
    }

    private static String emptyState() {
        return _get(Span.class, spec -> spec.withId("conversation-list-empty")).getText();
    }

    private static String conversationState() {
        return _get(Span.class, spec -> spec.withId("conversation-state")).getText();
    }

    /** The list's latest request, with its query: scope, limit, status filter and search. */
    private String lastListQuery() {
        List<FakeInboxServer.Request> asked = server.requests("GET", LIST);
        return asked.get(asked.size() - 1).path();
    }

    /** A conversation as inbox-server's ConversationView writes it; the waiting reason only while it waits unassigned. */
    private static String conversation(long id, String contactName, String status, Long assigneeId, long unread,
                                       Instant lastCustomerMessageAt, Instant replyDueAt) {
        return """
                {"id": %d, "accountId": 1, "contactId": %d, "contactName": %s, "contactPhone": "+35191100000%d", "queueId": 3,
                 "status": "%s", "assigneeId": %s, "priority": 0, "openedAt": "2025-03-01T10:00:00Z", "assignedAt": null,
                 "firstResponseAt": null, "lastCustomerMessageAt": %s, "resolvedAt": null, "replyDueAt": %s, "unread": %d,
                 "waitingReason": %s}""".formatted(id, id, contactName, id, status, assigneeId, quoted(lastCustomerMessageAt),
                quoted(replyDueAt), unread, assigneeId == null ? "\"" + WHY + "\"" : "null");
    }

    private static String quoted(Instant instant) {
        return instant == null ? "null" : "\"" + instant + "\"";
    }
}
