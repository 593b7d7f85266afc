package com.teaminbox.ui.agents;

import com.teaminbox.ui.api.InboxApi;
import com.teaminbox.ui.api.InboxApiException;
import com.teaminbox.ui.layout.MainLayout;
import com.teaminbox.ui.security.SignedInUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Agents, for admins: add one (the Keycloak user is created with the agent role), change
 * capacity and queues, disable (cannot sign in, devices revoked, conversations back in the
 * queue) and enable again.
 */
@PageTitle("Agents | Team Inbox")
@Route(value = "agents", layout = MainLayout.class)
@RolesAllowed("admin")
public class AgentsView extends VerticalLayout {

    private final InboxApi api;
    private final SignedInUser user;
    private final Grid<InboxApi.ManagedAgent> grid = new Grid<>();
    private final Paragraph problem = new Paragraph();
    private final Paragraph done = new Paragraph();
    private List<InboxApi.Queue> queues = List.of();

    @Inject
    public AgentsView(InboxApi api, SignedInUser user) {
        this.api = api;
        this.user = user;
        setId("agents-view");
        problem.setId("agents-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);
        done.setId("agents-done");
        done.setVisible(false);
        Button add = new Button("Add an agent", event -> addDialog().open());
        add.setId("add-agent");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("agents-grid");
        grid.addColumn(InboxApi.ManagedAgent::displayName).setHeader("Name");
        grid.addColumn(InboxApi.ManagedAgent::username).setHeader("User name");
        grid.addColumn(a -> a.disabled() ? "disabled" + (a.disabledReason() == null ? "" : ": " + a.disabledReason()) : a.status())
                .setHeader("Status").setFlexGrow(2);
        grid.addColumn(InboxApi.ManagedAgent::capacity).setHeader("Capacity");
        grid.addColumn(a -> a.queues().stream().map(InboxApi.QueueRef::name).collect(Collectors.joining(", "))).setHeader("Queues");
        grid.addColumn(a -> a.devices().isEmpty() ? "no device"
                : a.devices().stream().map(InboxApi.DeviceRef::state).collect(Collectors.joining(", "))).setHeader("Device");
        grid.addComponentColumn(this::actions);
        grid.setAllRowsVisible(true);
        add(new H2("Agents"), new HorizontalLayout(add), problem, done, grid);
        refresh();
    }

    private void refresh() {
        try {
            grid.setItems(api.managedAgents(user.accessToken()));
            queues = api.queues(user.accessToken());
        } catch (InboxApiException failure) {
            say(failure.getMessage());
        }
    }

    private HorizontalLayout actions(InboxApi.ManagedAgent agent) {
        Button edit = new Button("Edit", event -> editDialog(agent).open());
        Button toggle = agent.disabled()
                ? new Button("Enable", event -> run(() -> api.enableAgent(user.accessToken(), agent.id()),
                        agent.displayName() + " can sign in again; link a new device for them to answer."))
                : new Button("Disable", event -> disableDialog(agent).open());
        if (!agent.disabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        toggle.addClassName("agent-toggle");
        toggle.setId("toggle-" + agent.username());
        return new HorizontalLayout(edit, toggle);
    }

    private Dialog addDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add an agent");
        TextField username = new TextField("User name");
        username.setId("new-agent-username");
        EmailField email = new EmailField("E-mail");
        email.setId("new-agent-email");
        TextField name = new TextField("Name");
        name.setId("new-agent-name");
        name.setHelperText("As colleagues and customers should see it: \"Erin\" or \"Erin Walsh\".");
        IntegerField capacity = new IntegerField("Capacity (open chats at once)");
        capacity.setId("new-agent-capacity");
        capacity.setValue(5);
        capacity.setMin(0);
        capacity.setMax(1000);
        MultiSelectComboBox<InboxApi.Queue> serves = queuePicker();
        // A new agent usually serves where new conversations land: each account's default queue.
        serves.setValue(queues.stream().filter(InboxApi.Queue::isDefault).collect(Collectors.toSet()));
        PasswordField password = new PasswordField("Temporary password (optional)");
        password.setId("new-agent-password");
        password.setHelperText("Without one, Keycloak asks the agent to verify the e-mail and set a password.");
        Paragraph error = dialogError();
        Button create = new Button("Add", event -> {
            try {
                api.createAgent(user.accessToken(), username.getValue().strip(), email.getValue().strip(), name.getValue().strip(),
                        capacity.getValue() == null ? 5 : capacity.getValue(),
                        serves.getValue().stream().map(InboxApi.Queue::id).toList(), password.getValue());
                dialog.close();
                confirm(name.getValue().strip() + " was added. They can sign in as " + username.getValue().strip() + ".");
                refresh();
            } catch (InboxApiException failure) {
                error.setText(failure.getMessage());
                error.setVisible(true);
            }
        });
        create.setId("create-agent");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(username, email, name, capacity, serves, password), error);
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), create);
        return dialog;
    }

    private Dialog editDialog(InboxApi.ManagedAgent agent) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Edit " + agent.displayName());
        IntegerField capacity = new IntegerField("Capacity (open chats at once)");
        capacity.setValue(agent.capacity());
        capacity.setMin(0);
        capacity.setMax(1000);
        MultiSelectComboBox<InboxApi.Queue> serves = queuePicker();
        Set<Long> current = agent.queues().stream().map(InboxApi.QueueRef::id).collect(Collectors.toSet());
        serves.setValue(queues.stream().filter(q -> current.contains(q.id())).collect(Collectors.toSet()));
        Paragraph error = dialogError();
        Button save = new Button("Save", event -> {
            try {
                api.editAgent(user.accessToken(), agent.id(), capacity.getValue() == null ? agent.capacity() : capacity.getValue(),
                        serves.getValue().stream().map(InboxApi.Queue::id).toList());
                dialog.close();
                confirm("Saved " + agent.displayName() + ".");
                refresh();
            } catch (InboxApiException failure) {
                error.setText(failure.getMessage());
                error.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(capacity, serves), error);
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
        return dialog;
    }

    private Dialog disableDialog(InboxApi.ManagedAgent agent) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Disable " + agent.displayName() + "?");
        TextField reason = new TextField("Why (kept in the audit)");
        reason.setId("disable-reason");
        reason.setWidthFull();
        Paragraph consequences = new Paragraph("They can no longer sign in, their device is revoked and their open "
                + "conversations go back to their queue.");
        Paragraph error = dialogError();
        Button disable = new Button("Disable", event -> {
            if (reason.getValue().isBlank()) {
                error.setText("Say why the agent is disabled.");
                error.setVisible(true);
                return;
            }
            try {
                api.disableAgent(user.accessToken(), agent.id(), reason.getValue().strip());
                dialog.close();
                confirm(agent.displayName() + " is disabled.");
                refresh();
            } catch (InboxApiException failure) {
                error.setText(failure.getMessage());
                error.setVisible(true);
            }
        });
        disable.setId("confirm-disable");
        disable.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(consequences, reason, error);
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), disable);
        return dialog;
    }

    private MultiSelectComboBox<InboxApi.Queue> queuePicker() {
        MultiSelectComboBox<InboxApi.Queue> serves = new MultiSelectComboBox<>("Queues");
        serves.setItems(queues);
        serves.setItemLabelGenerator(q -> q.name() + " (account " + q.accountId() + ")");
        return serves;
    }

    private static Paragraph dialogError() {
        Paragraph error = new Paragraph();
        error.addClassName("dialog-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        return error;
    }

    private void run(Runnable action, String confirmation) {
        try {
            action.run();
            confirm(confirmation);
            refresh();
        } catch (InboxApiException failure) {
            say(failure.getMessage());
        }
    }

    private void confirm(String sentence) {
        problem.setVisible(false);
        done.setText(sentence);
        done.setVisible(true);
    }

    private void say(String sentence) {
        done.setVisible(false);
        problem.setText(sentence);
        problem.setVisible(true);
    }
}
