package com.teaminbox.ui.audit;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.teaminbox.ui.api.FakeInboxServer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit trail as a manager searches it: the rows, the filters and the chain check. */
class AuditViewTest {

    private static final String AUDIT = "/v1/audit";
    private static final String ASSIGNED = """
            {"id": 42, "occurredAt": "2025-03-01T10:15:30.123456Z", "actor": "maria", "action": "conversation.assigned",
             "subjectType": "conversation", "subjectId": "7", "device": null, "details": "from=null to=11"}""";
    private static final String DISABLED = """
            {"id": 41, "occurredAt": "2025-03-01T09:00:00Z", "actor": "adam", "action": "agent.disabled",
             "subjectType": "agent", "subjectId": "bob", "device": null,
             "details": "id=12 reason=left keycloak=disabled devicesRevoked=1 conversationsReturned=0"}""";
    private static final String STATUS = """
            {"id": 40, "occurredAt": "2025-03-01T08:59:00Z", "actor": "network", "action": "agent.status",
             "subjectType": "agent", "subjectId": "11", "device": "21",
             "details": "status=away reason=device logged out by the network"}""";

    @RegisterExtension
    final FakeInboxServer server = new FakeInboxServer();

    @BeforeEach
    void threeEntriesNewestFirst() {
        server.answer("GET", AUDIT, page(ASSIGNED, DISABLED, STATUS));
        UI.getCurrent().add(new AuditView(server.api(), server.user()));
    }

    @Test
    void eachRowSaysWhenWhoWhatOnWhichAndFromWhichDevice() {
        assertEquals(3, _size(grid()));
        assertEquals(List.of("2025-03-01T10:15:30", "maria", "conversation.assigned", "conversation 7", "", "from=null to=11"),
                _getFormattedRow(grid(), 0));
        assertEquals(List.of("2025-03-01T08:59:00", "network", "agent.status", "agent 11", "21",
                        "status=away reason=device logged out by the network"),
                _getFormattedRow(grid(), 2));
    }

    @Test
    void theFiltersAskTheServerForThatActionAndActorOnly() {
        _size(grid());
        server.answer("GET", AUDIT, page(DISABLED));

        _setValue(filter("audit-action-filter"), " agent.disabled ");
        _setValue(filter("audit-actor-filter"), "adam");

        assertEquals(1, _size(grid()));
        assertEquals("agent.disabled", _getFormattedRow(grid(), 0).get(2));
        assertEquals("/v1/audit?limit=100&action=agent.disabled&actor=adam", lastQuery());
    }

    @Test
    void verifyingTheChainSaysWhetherItIsIntactOrWhereItWasAltered() {
        server.answer("GET", AUDIT + "/verify", """
                {"intact": true, "entriesChecked": 42, "firstBrokenId": null, "problem": null}""");
        _click(_get(Button.class, spec -> spec.withId("audit-verify-button")));
        assertEquals("The audit trail is intact: 42 entries checked.", verdict());

        server.answer("GET", AUDIT + "/verify", """
                {"intact": false, "entriesChecked": 17, "firstBrokenId": 17, "problem": "its hash does not match its content"}""");
        _click(_get(Button.class, spec -> spec.withId("audit-verify-button")));
        assertEquals("The audit trail was altered: entry 17 does not verify (its hash does not match its content).", verdict());
    }

    @Test
    void aRefusedCheckIsSaidInsteadOfAVerdict() {
        server.refuse("GET", AUDIT + "/verify", 403, "Your role does not allow this call.");

        _click(_get(Button.class, spec -> spec.withId("audit-verify-button")));

        assertEquals("Your role does not allow this call.", verdict());
    }

    @SuppressWarnings("unchecked")
    private static Grid<?> grid() {
        return _get(Grid.class, spec -> spec.withId("audit-grid"));
    }

    private static TextField filter(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static String verdict() {
        return _get(Paragraph.class, spec -> spec.withId("audit-verification")).getText();
    }

    private String lastQuery() {
        List<FakeInboxServer.Request> asked = server.requests("GET", AUDIT);
        return asked.get(asked.size() - 1).path();
    }

    /** The last page: no cursor to a next one. */
    private static String page(String... entries) {
        return """
                {"items": [%s], "next": null}""".formatted(String.join(",", entries));
    }
}
