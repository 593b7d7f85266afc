package com.teaminbox.ui.layout;

import com.teaminbox.ui.audit.AuditView;
import com.teaminbox.ui.devices.DevicesView;
import com.teaminbox.ui.inbox.InboxView;
import com.teaminbox.ui.manager.ManagerView;
import com.teaminbox.ui.security.RoleGuard;
import com.teaminbox.ui.team.TeamView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Optional;

/** The pages of the side navigation, in order; each shows only to the roles its view allows. */
public final class Navigation {

    public record Entry(String label, Class<? extends Component> view, VaadinIcon icon) {
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry("Inbox", InboxView.class, VaadinIcon.INBOX),
            new Entry("Team", TeamView.class, VaadinIcon.USERS),
            new Entry("Manager", ManagerView.class, VaadinIcon.DASHBOARD),
            new Entry("Audit", AuditView.class, VaadinIcon.RECORDS),
            new Entry("Devices", DevicesView.class, VaadinIcon.MOBILE),
            new Entry("Agents", com.teaminbox.ui.agents.AgentsView.class, VaadinIcon.USER_CARD),
            new Entry("Business phone", com.teaminbox.ui.primary.PrimaryPhoneView.class, VaadinIcon.PHONE),
            new Entry("Settings", com.teaminbox.ui.settings.SettingsView.class, VaadinIcon.COG));

    private Navigation() {
    }

    public static List<Entry> allowed() {
        return ENTRIES.stream().filter(entry -> RoleGuard.mayOpen(entry.view())).toList();
    }

    public static Optional<Entry> firstAllowed() {
        return allowed().stream().findFirst();
    }
}
