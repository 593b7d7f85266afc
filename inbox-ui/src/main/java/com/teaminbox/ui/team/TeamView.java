package com.teaminbox.ui.team;

import com.teaminbox.ui.api.InboxApi;
import com.teaminbox.ui.api.InboxApiException;
import com.teaminbox.ui.layout.MainLayout;
import com.teaminbox.ui.security.SignedInUser;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The team as inbox-server knows it: everyone who has signed in at least once. */
@PageTitle("Team | Team Inbox")
@Route(value = "team", layout = MainLayout.class)
@RolesAllowed({"manager", "admin"})
public class TeamView extends VerticalLayout {

    private static final DateTimeFormatter LAST_SEEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Inject
    public TeamView(InboxApi api, SignedInUser user) {
        add(new H2("Team"));
        try {
            List<InboxApi.Agent> agents = api.agents(user.accessToken());
            Grid<InboxApi.Agent> grid = new Grid<>();
            grid.setId("team-grid");
            grid.addColumn(InboxApi.Agent::displayName).setHeader("Name");
            grid.addColumn(InboxApi.Agent::username).setHeader("User name");
            grid.addColumn(agent -> String.join(", ", agent.roles())).setHeader("Roles");
            grid.addColumn(agent -> agent.status() == null ? "" : agent.status()).setHeader("Status");
            grid.addColumn(agent -> agent.capacity() == null ? "" : agent.capacity().toString()).setHeader("Capacity");
            grid.addColumn(agent -> LAST_SEEN.format(agent.lastSeenAt())).setHeader("Last seen (UTC)");
            grid.setItems(agents);
            grid.setAllRowsVisible(true);
            add(grid);
        } catch (InboxApiException failure) {
            add(new Paragraph(failure.getMessage()));
        }
    }
}
