package com.teaminbox.ui.devices;

import com.teaminbox.ui.api.InboxApi;
import com.teaminbox.ui.api.InboxApiException;
import com.teaminbox.ui.layout.MainLayout;
import com.teaminbox.ui.security.SignedInUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The agents' companion devices, for admins: per business account the device budget, each
 * device's health (state and why, platform, last seen, messages in and out) with reconnect and
 * revoke, companions someone linked outside Team Inbox, and linking a device for an agent by
 * QR code or pairing code with live progress and the QR's countdown.
 */
@PageTitle("Devices | Team Inbox")
@Route(value = "devices", layout = MainLayout.class)
@RolesAllowed("admin")
public class DevicesView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final InboxApi api;
    private final SignedInUser user;
    private final Div accounts = new Div();
    private final Paragraph problem = new Paragraph();
    // Combo boxes: a deployment may have many accounts and agents; typing filters them.
    private final ComboBox<InboxApi.AccountDevices> account = new ComboBox<>();
    private final ComboBox<InboxApi.Agent> agent = new ComboBox<>();
    private final RadioButtonGroup<String> method = new RadioButtonGroup<>();
    private final Checkbox replace = new Checkbox("Replace the agent's current device");
    private final Button start = new Button("Start linking");
    private final VerticalLayout linkPanel = new VerticalLayout();
    private final Span stage = new Span();
    private final Span countdown = new Span();
    private final Span pairingCode = new Span();
    private final Image qr = new Image();
    private final TextField qrText = new TextField("The same code as text (the sandbox's phone simulator takes it pasted)");
    private final RelinkAll relinkAll = new RelinkAll(this::startRelinkAll);
    private Registration polling;
    private com.teaminbox.ui.api.LiveEvents live;
    private Registration idle;

    /** While no link runs: a slow poll only so that the live stream always has a fresh token. */
    private static final int IDLE_POLL_MILLIS = 60_000;
    private final com.teaminbox.ui.security.RelayedToken streamToken;
    private Long linking;
    private String shownQr;

    @Inject
    public DevicesView(InboxApi api, SignedInUser user) {
        this.api = api;
        this.user = user;
        this.streamToken = new com.teaminbox.ui.security.RelayedToken(user);
        setId("devices-view");
        problem.setId("devices-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);

        account.setId("link-account");
        account.setLabel("Business account");
        account.setItemLabelGenerator(a -> a.businessNumber() + " (" + a.used() + " of " + a.budget() + " slots used)");
        agent.setId("link-agent");
        agent.setLabel("Agent");
        agent.setItemLabelGenerator(a -> a.displayName() + " (" + a.username() + ")");
        method.setId("link-method");
        method.setLabel("How the owner approves it");
        method.setItems("QR code", "Pairing code");
        method.setValue("QR code");
        replace.setId("link-replace");
        start.setId("link-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(event -> startLink());

        stage.setId("link-stage");
        countdown.setId("link-countdown");
        pairingCode.setId("link-code");
        pairingCode.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-family", "monospace")
                .set("letter-spacing", "0.2em");
        qr.setId("link-qr");
        qr.setAlt("QR code to scan with the business phone: Settings → Linked devices → Link a device");
        qr.setWidth("280px");
        linkPanel.setId("link-panel");
        linkPanel.setPadding(false);
        qrText.setId("link-qr-text");
        qrText.setReadOnly(true);
        qrText.setWidth("280px");
        linkPanel.add(stage, qr, qrText, countdown, pairingCode);
        linkPanel.setVisible(false);

        HorizontalLayout form = new HorizontalLayout(account, agent, method, replace, start);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        accounts.setWidthFull();
        add(new H2("Devices"), problem, relinkAll, new H3("Link a device for an agent"), form, linkPanel, accounts);
        refresh();
    }

    private void refresh() {
        refresh(streamToken.get());
    }

    private void refresh(String accessToken) {
        accounts.removeAll();
        try {
            List<InboxApi.AccountDevices> all = api.accountDevices(accessToken);
            if (all.isEmpty()) {
                accounts.add(new Paragraph("No business account is set up yet, so there is nothing to link devices to."));
            }
            List<String> idle = new java.util.ArrayList<>();
            for (InboxApi.AccountDevices each : all) {
                if (each.used() == 0 && each.notManagedByTeamInbox().isEmpty()) {
                    idle.add(each.businessNumber());
                } else {
                    accounts.add(accountSection(each));
                }
            }
            if (!idle.isEmpty()) {
                // Accounts without any device stay one line, however many there are.
                Paragraph none = new Paragraph("No devices yet on " + idle.size() + " other account(s): "
                        + String.join(", ", idle.subList(0, Math.min(10, idle.size()))) + (idle.size() > 10 ? ", ..." : "") + ".");
                none.setId("accounts-without-devices");
                accounts.add(none);
            }
            account.setItems(all);
            if (!all.isEmpty()) {
                account.setValue(all.get(0));
            }
            agent.setItems(api.agents(user.accessToken()).stream().filter(a -> a.roles().contains("agent")).toList());
            relinkAll.offer(api.relinkCandidates(accessToken));
        } catch (InboxApiException failure) {
            say(failure.getMessage());
        }
    }

    private Div accountSection(InboxApi.AccountDevices each) {
        Div section = new Div();
        section.addClassName("account-devices");
        H3 heading = new H3(each.businessNumber() + " — " + each.used() + " of " + each.budget() + " companion slots used");
        section.add(heading);
        if (!each.notManagedByTeamInbox().isEmpty()) {
            Paragraph foreign = new Paragraph(each.notManagedByTeamInbox().size()
                    + " linked device(s) not managed by Team Inbox: " + String.join(", ", each.notManagedByTeamInbox())
                    + ". Each takes a slot and can read every chat. Log it out on the business phone: Settings → Linked devices.");
            foreign.addClassName("foreign-devices");
            foreign.getStyle().set("color", "var(--lumo-error-text-color)");
            section.add(foreign);
        }
        List<InboxApi.Device> devices = each.devices().stream()
                .filter(d -> !d.state().equals("revoked") && !d.state().equals("logged_out")).toList();
        if (devices.isEmpty()) {
            section.add(new Paragraph("No agent has a device on this account yet. Link one below."));
            return section;
        }
        Grid<InboxApi.Device> grid = new Grid<>();
        grid.addClassName("device-grid");
        grid.addColumn(InboxApi.Device::agentName).setHeader("Agent");
        grid.addColumn(InboxApi.Device::state).setHeader("State");
        grid.addColumn(d -> d.reason() == null ? "" : d.reason()).setHeader("Why").setFlexGrow(3);
        grid.addColumn(d -> d.platform() == null ? "" : d.platform()).setHeader("Platform");
        grid.addColumn(d -> d.lastSeenAt() == null ? "never" : WHEN.format(d.lastSeenAt())).setHeader("Last seen (UTC)");
        grid.addColumn(d -> d.messagesIn() + " / " + d.messagesOut()).setHeader("In / out");
        grid.addComponentColumn(this::actions).setHeader("");
        grid.setItems(devices);
        grid.setAllRowsVisible(true);
        section.add(grid);
        return section;
    }

    private HorizontalLayout actions(InboxApi.Device device) {
        Button reconnect = new Button("Reconnect", event -> {
            try {
                api.reconnect(user.accessToken(), device.id());
                problem.setVisible(false);
            } catch (InboxApiException failure) {
                say(failure.getMessage());
            }
            refresh();
        });
        Button revoke = new Button("Revoke", event -> {
            try {
                api.revoke(user.accessToken(), device.id(), "revoked by " + user.username() + " on the devices screen");
                problem.setVisible(false);
            } catch (InboxApiException failure) {
                say(failure.getMessage());
            }
            refresh();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reconnect.setEnabled(!device.state().equals("linking"));
        return new HorizontalLayout(reconnect, revoke);
    }

    private void startLink() {
        if (account.getValue() == null || agent.getValue() == null) {
            say("Choose the business account and the agent first.");
            return;
        }
        try {
            InboxApi.Link link = api.startLink(user.accessToken(), account.getValue().accountId(), agent.getValue().id(),
                    "Pairing code".equals(method.getValue()), replace.getValue());
            problem.setVisible(false);
            follow(link);
        } catch (InboxApiException failure) {
            say(failure.getMessage());
        }
    }

    /** Re-link all: the server starts every link at once; their codes are shown here one after the other. */
    private void startRelinkAll() {
        try {
            Long first = relinkAll.started(api.relinkAll(user.accessToken(), "Pairing code".equals(method.getValue())));
            problem.setVisible(false);
            if (first != null) {
                follow(api.link(user.accessToken(), first));
            }
        } catch (InboxApiException failure) {
            say(failure.getMessage());
        }
    }

    private void follow(InboxApi.Link link) {
        linking = link.deviceId();
        shownQr = null;
        show(link);
        startPolling();
    }

    /** Once a second while a link runs: the QR rotates, the countdown runs, the stage moves on. */
    private void startPolling() {
        UI ui = UI.getCurrent();
        ui.setPollInterval(1000);
        if (polling == null) {
            polling = ui.addPollListener(event -> poll());
        }
    }

    private void stopPolling() {
        getUI().ifPresent(ui -> ui.setPollInterval(IDLE_POLL_MILLIS));
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }

    private void poll() {
        if (linking == null) {
            return;
        }
        try {
            InboxApi.Link link = api.link(user.accessToken(), linking);
            show(link);
            if (link.stage().equals("linked") || link.stage().equals("failed")) {
                Long next = relinkAll.follows(linking) ? relinkAll.ended(linking, link) : null;
                if (next != null) {
                    follow(api.link(user.accessToken(), next));
                    return;
                }
                linking = null;
                stopPolling();
                refresh();
            }
        } catch (InboxApiException failure) {
            say(failure.getMessage());
            linking = null;
            stopPolling();
        }
    }

    private void show(InboxApi.Link link) {
        linkPanel.setVisible(true);
        stage.setText(switch (link.stage()) {
            case "waiting-for-scan" -> "Waiting for the scan: on the business phone open Settings → Linked devices → Link a device and scan this code.";
            case "waiting-for-code" -> "Waiting for the code: on the business phone choose Link with phone number instead and type this code.";
            case "verifying" -> "The phone approved; verifying the link ...";
            case "syncing-history" -> "Linked; copying the phone's recent chats (" + link.historyPercent() + " %) ...";
            case "linked" -> "Linked. The device is connected and the agent can answer from it.";
            case "failed" -> "Not linked: " + link.problem();
            default -> "Starting ...";
        });
        boolean showingQr = link.qr() != null;
        qr.setVisible(showingQr);
        qrText.setVisible(showingQr);
        qrText.setValue(showingQr ? link.qr() : "");
        if (showingQr && !link.qr().equals(shownQr)) {
            shownQr = link.qr();
            byte[] png = api.qrImage(user.accessToken(), link.deviceId());
            qr.setSrc(new StreamResource("link-" + link.deviceId() + "-" + link.qrNumber() + ".png",
                    () -> new ByteArrayInputStream(png)));
        }
        countdown.setVisible(showingQr);
        if (showingQr) {
            countdown.setText("This code is valid for " + link.qrSecondsLeft() + " more seconds (code " + link.qrNumber()
                    + " of " + link.qrCount() + "; a new one follows by itself).");
        }
        pairingCode.setVisible(link.pairingCode() != null);
        pairingCode.setText(link.pairingCode() == null ? "" : link.pairingCode());
    }

    private void say(String sentence) {
        problem.setText(sentence);
        problem.setVisible(true);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling();
        event.getUI().setPollInterval(-1);
        if (idle != null) {
            idle.remove();
            idle = null;
        }
        if (live != null) {
            live.close();
            live = null;
        }
        super.onDetach(event);
    }

    /**
     * Device states (connected, disconnected, logged out ...) arrive by server push, so a device
     * that drops shows here at once. The reader thread has no request to take a token from: it
     * uses the one of the last request this view saw (navigation, a click, a link poll).
     */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (linking != null) {
            startPolling();
        }
        UI ui = event.getUI();
        if (linking == null) {
            ui.setPollInterval(IDLE_POLL_MILLIS);
        }
        idle = ui.addPollListener(poll -> streamToken.get()); // a request: refreshes the relayed token
        live = api.liveChanges(streamToken::get, java.util.Set.of("device"), () -> ui.access(() -> refresh(streamToken.get())));
    }
}
