package com.teaminbox.ui.manager;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.ui.GridCells;
import com.teaminbox.ui.api.FakeInboxServer;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The manager console as a manager reads it: queues and agents now, and the report range. */
class ManagerViewTest {

    private static final String LIVE = "/v1/reports/live";

    @RegisterExtension
    final FakeInboxServer server = new FakeInboxServer();

    @BeforeEach
    void aQueueWithNobodyOnline() {
        server.answer("GET", LIVE, """
                {"queues": [%s,
                            {"id": 4, "accountId": 1, "accountName": "Demo Bakery", "name": "Orders", "slaSeconds": null,
                             "open": 1, "waiting": 0, "longestWaitSeconds": null, "waitingReason": null}],
                 "agents": [{"id": 11, "username": "alice", "displayName": "Alice Martin", "status": "away", "capacity": 5,
                             "disabled": false, "openAssigned": 2,
                             "devices": [{"accountId": 1, "businessNumber": "+4930123456", "state": "logged_out"}]},
                            {"id": 12, "username": "bob", "displayName": "Bob Silva", "status": "offline", "capacity": 3,
                             "disabled": true, "openAssigned": 1, "devices": []}]}"""
                .formatted(frontDesk(4, 750, "no agent of Front desk is online")));
        server.answer("GET", "/v1/reports/daily", """
                {"from": "2026-01-01", "to": "2026-01-14", "queueId": null, "days": [], "agents": []}""");
    }

    @Test
    void eachQueueSaysHowManyWaitAndWhyNobodyTakesThem() {
        showView();

        assertEquals("4", GridCells.withId(queues(), "queue-waiting-3"));
        assertEquals("no agent of Front desk is online", GridCells.withId(queues(), "queue-why-3"));
        assertEquals(List.of("Demo Bakery", "Front desk", "5"), _getFormattedRow(queues(), 0).subList(0, 3));
        assertEquals(List.of("12 min", "15 min"), _getFormattedRow(queues(), 0).subList(4, 6), "longest wait and SLA");
        assertEquals("0", GridCells.withId(queues(), "queue-waiting-4"));
        assertEquals("", GridCells.withId(queues(), "queue-why-4"), "nothing waits: nothing to explain");
        assertEquals(List.of("—", "none"), _getFormattedRow(queues(), 1).subList(4, 6));
    }

    @Test
    void eachAgentShowsTheirStatusLoadAndDevices() {
        showView();

        assertEquals("away", GridCells.withId(agents(), "agent-status-11"));
        assertEquals("disabled", GridCells.withId(agents(), "agent-status-12"), "disabled outranks the last status");
        assertEquals("2 / 5", GridCells.under(agents(), 0, "Load"));
        assertEquals("+4930123456: logged out", _getFormattedRow(agents(), 0).get(3));
        assertEquals("no device linked", _getFormattedRow(agents(), 1).get(3));
    }

    @Test
    void theNextPollShowsTheQueueAsItIsThen() {
        showView();
        server.answer("GET", LIVE, """
                {"queues": [%s], "agents": []}""".formatted(frontDesk(0, null, null)));

        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));

        assertEquals("0", GridCells.withId(queues(), "queue-waiting-3"));
        assertEquals("", GridCells.withId(queues(), "queue-why-3"));
        assertEquals("No agent has signed in yet.", _get(Paragraph.class, spec -> spec.withId("manager-agents-empty")).getText());
        _assertNone(Grid.class, spec -> spec.withId("manager-agents"));
    }

    @Test
    void aRefusedLiveReportIsSaidAndNoQueuesAreNamedAsSuch() {
        server.refuse("GET", LIVE, 403, "Your role does not allow this call.");
        showView();
        assertEquals("Your role does not allow this call.", _get(Paragraph.class, spec -> spec.withId("manager-live-problem")).getText());

        server.answer("GET", LIVE, """
                {"queues": [], "agents": []}""");
        UI.getCurrent().removeAll();
        showView();
        assertEquals("There are no queues yet.", _get(Paragraph.class, spec -> spec.withId("manager-queues-empty")).getText());
        _assertNone(Grid.class, spec -> spec.withId("manager-queues"));
    }

    @Test
    void aBackwardsRangeIsSaidAndNeitherAskedNorOfferedAsCsv() {
        showView();
        int asked = server.requests("GET", "/v1/reports/daily").size();
        DatePicker from = _get(DatePicker.class, spec -> spec.withId("manager-from"));

        _setValue(from, _get(DatePicker.class, spec -> spec.withId("manager-to")).getValue().plusDays(1));

        assertEquals("The last day comes before the first day.",
                _get(Paragraph.class, spec -> spec.withId("manager-report-problem")).getText());
        Anchor csv = _get(Anchor.class, spec -> spec.withId("manager-csv"));
        assertFalse(csv.isEnabled());
        assertTrue(csv.getHref().isEmpty());
        assertEquals(asked, server.requests("GET", "/v1/reports/daily").size(), "the server was not asked");
    }

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

    private void showView() {
        UI.getCurrent().add(new ManagerView(server.reports(), server.api(), server.user()));
    }

    @SuppressWarnings("unchecked")
    private static Grid<?> queues() {
        return _get(Grid.class, spec -> spec.withId("manager-queues"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<?> agents() {
        return _get(Grid.class, spec -> spec.withId("manager-agents"));
    }

    /** Queue 3, "Front desk", with five open conversations of which {@code waiting} wait for someone. */
    private static String frontDesk(int waiting, Integer longestWaitSeconds, String waitingReason) {
        return """
                {"id": 3, "accountId": 1, "accountName": "Demo Bakery", "name": "Front desk", "slaSeconds": 900, "open": 5,
                 "waiting": %d, "longestWaitSeconds": %s, "waitingReason": %s}"""
                .formatted(waiting, longestWaitSeconds, waitingReason == null ? "null" : "\"" + waitingReason + "\"");
    }
}
