package com.teaminbox.ui.settings;

import com.teaminbox.ui.api.InboxApi;
import com.teaminbox.ui.api.InboxApiException;
import com.teaminbox.ui.layout.MainLayout;
import com.teaminbox.ui.security.SignedInUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Settings, for admins: the business phone's warning thresholds, each queue's routing, SLA and
 * business hours, the SMTP server and the webhook. Each section saves on its own; the server
 * checks the values and answers a sentence that is shown under the section. Saved passwords
 * and secrets are never shown: an empty field keeps them.
 */
@PageTitle("Settings | Team Inbox")
@Route(value = "settings", layout = MainLayout.class)
@RolesAllowed("admin")
public class SettingsView extends VerticalLayout {

    private static final List<String> DAYS = DayHoursText.DAYS;

    private final InboxApi api;
    private final SignedInUser user;

    private final TextField thresholds = new TextField("Warn when this much time is left (comma-separated, e.g. P7D, P3D, P1D, PT6H)");
    private final Paragraph thresholdsError = error("settings-primary-phone-error");

    private final ComboBox<InboxApi.QueueSettings> queue = new ComboBox<>("Queue");
    private final RadioButtonGroup<String> policy = new RadioButtonGroup<>("Routing policy");
    private final IntegerField slaMinutes = new IntegerField("SLA: first reply within (minutes; empty for none)");
    private final TextField timeZone = new TextField("Time zone of the business hours");
    private final TextField opensAt = new TextField("Opens at (HH:mm; empty for always open)");
    private final TextField closesAt = new TextField("Closes at (HH:mm; earlier than opening runs past midnight)");
    private final CheckboxGroup<Integer> openDays = new CheckboxGroup<>("Open days");
    private final TextField dayHours = new TextField("Different hours on some days");
    private final TextArea outOfHoursReply = new TextArea("Reply sent outside business hours (empty for none)");
    private final Paragraph queueError = error("settings-queue-error");

    private final TextField smtpHost = new TextField("SMTP host (empty: no e-mail alerts)");
    private final IntegerField smtpPort = new IntegerField("SMTP port");
    private final TextField smtpFrom = new TextField("Sender address");
    private final TextField smtpUsername = new TextField("SMTP user name (empty: no login)");
    private final PasswordField smtpPassword = new PasswordField("SMTP password");
    private final Checkbox smtpNoPassword = new Checkbox("Remove the saved password");
    private final Checkbox smtpStartTls = new Checkbox("Require STARTTLS");
    private final TextField recipients = new TextField("Alert recipients (comma-separated e-mail addresses)");
    private final Paragraph mailError = error("settings-mail-error");

    private final TextField webhookUrl = new TextField("Webhook URL (empty: no webhook)");
    private final PasswordField webhookSecret = new PasswordField("Webhook signing secret (at least 32 bytes)");
    private final Checkbox webhookAllowPrivate = new Checkbox("Allow private and local addresses");
    private final Paragraph webhookError = error("settings-webhook-error");

    private final Paragraph loadError = error("settings-load-error");

    @Inject
    public SettingsView(InboxApi api, SignedInUser user) {
        this.api = api;
        this.user = user;
        setId("settings-view");
        setMaxWidth("960px");

        thresholds.setId("settings-thresholds");
        thresholds.setWidthFull();
        Button saveThresholds = save("save-primary-phone", this::saveThresholds);
        Button resetThresholds = reset("reset-primary-phone", "primary-phone", thresholdsError);

        queue.setId("settings-queue");
        queue.setItemLabelGenerator(q -> q.name() + " (" + (q.accountName() == null ? "account " + q.accountId() : q.accountName()) + ")");
        queue.setWidthFull();
        queue.addValueChangeListener(event -> showQueue(event.getValue()));
        policy.setId("settings-routing-policy");
        policy.setItems("round_robin", "least_busy");
        policy.setItemLabelGenerator(p -> "round_robin".equals(p) ? "Round robin (longest without a conversation first)"
                : "Least busy (fewest open conversations first)");
        slaMinutes.setId("settings-sla");
        slaMinutes.setMin(1);
        slaMinutes.setMax(10080);
        slaMinutes.setHelperText("An assignee who has not replied in time loses the conversation to a colleague.");
        timeZone.setId("settings-time-zone");
        opensAt.setId("settings-opens-at");
        closesAt.setId("settings-closes-at");
        openDays.setId("settings-open-days");
        openDays.setItems(1, 2, 3, 4, 5, 6, 7);
        openDays.setItemLabelGenerator(day -> DAYS.get(day - 1));
        dayHours.setId("settings-day-hours");
        dayHours.setPlaceholder("Sat 10:00-14:00, Sun 12:00-16:00");
        dayHours.setHelperText("Open days not listed here keep the usual hours.");
        outOfHoursReply.setId("settings-out-of-hours-reply");
        outOfHoursReply.setMaxLength(1000);
        Button saveQueue = save("save-queue", this::saveQueue);
        FormLayout queueForm = new FormLayout(policy, slaMinutes, timeZone, openDays, opensAt, closesAt, dayHours, outOfHoursReply);
        queueForm.setColspan(policy, 2);
        queueForm.setColspan(dayHours, 2);
        queueForm.setColspan(outOfHoursReply, 2);

        smtpHost.setId("settings-smtp-host");
        smtpPort.setId("settings-smtp-port");
        smtpPort.setMin(1);
        smtpPort.setMax(65535);
        smtpFrom.setId("settings-smtp-from");
        smtpUsername.setId("settings-smtp-username");
        smtpPassword.setId("settings-smtp-password");
        smtpNoPassword.setId("settings-smtp-no-password");
        smtpStartTls.setId("settings-smtp-starttls");
        recipients.setId("settings-recipients");
        Button saveMail = save("save-mail", this::saveMail);
        Button resetMail = reset("reset-mail", "mail", mailError);
        FormLayout mailForm = new FormLayout(smtpHost, smtpPort, smtpFrom, recipients, smtpUsername, smtpPassword, smtpNoPassword,
                smtpStartTls);

        webhookUrl.setId("settings-webhook-url");
        webhookSecret.setId("settings-webhook-secret");
        webhookSecret.setHelperText("openssl rand -hex 32 makes one.");
        webhookAllowPrivate.setId("settings-webhook-allow-private");
        webhookAllowPrivate.setHelperText("Lets the webhook go to this machine (localhost), link-local addresses and private"
                + " networks (10.x, 172.16-31.x, 192.168.x, 100.64.x, fc00::/7): only for a receiver inside your own network."
                + " Off, such URLs are refused, so that a webhook cannot reach internal services.");
        Button saveWebhook = save("save-webhook", this::saveWebhook);
        Button resetWebhook = reset("reset-webhook", "webhook", webhookError);

        add(new H2("Settings"), loadError,
                section("Business phone warnings", "Admins and managers are warned before the network's 14-day logout"
                        + " (in the app, by e-mail and by webhook).", thresholds, thresholdsError,
                        new HorizontalLayout(saveThresholds, resetThresholds)),
                section("Queues: routing, SLA and business hours", "Each queue has its own; routing reads them for every new"
                        + " conversation. Stickiness to the customer's previous agent is always on.", queue, queueForm,
                        queueError, new HorizontalLayout(saveQueue)),
                section("E-mail (SMTP)", "The server that sends the business phone alerts.", mailForm, mailError,
                        new HorizontalLayout(saveMail, resetMail)),
                section("Webhook", "Alerts are POSTed as JSON with the time of sending (X-TeamInbox-Timestamp) and a signature"
                        + " of that time and the body made with the secret (X-TeamInbox-Signature).", webhookUrl, webhookSecret,
                        webhookAllowPrivate, webhookError, new HorizontalLayout(saveWebhook, resetWebhook)));
        load(null);
    }

    private void load(Long selectedQueue) {
        InboxApi.Settings settings;
        try {
            settings = api.settings(user.accessToken());
        } catch (InboxApiException failure) {
            loadError.setText(failure.getMessage());
            loadError.setVisible(true);
            return;
        }
        loadError.setVisible(false);
        thresholds.setValue(String.join(", ", settings.primaryPhone().warningThresholds()));
        thresholds.setHelperText((settings.primaryPhone().saved() ? "Saved here; " : "From the configuration; ")
                + "configured: " + String.join(", ", settings.primaryPhone().configuredThresholds()) + ".");

        queue.setItems(settings.queues());
        settings.queues().stream().filter(q -> selectedQueue != null && q.id() == selectedQueue).findFirst()
                .or(() -> settings.queues().stream().findFirst()).ifPresent(queue::setValue);

        InboxApi.MailSettings mail = settings.mail();
        smtpHost.setValue(Objects.requireNonNullElse(mail.host(), ""));
        smtpPort.setValue(mail.port());
        smtpFrom.setValue(Objects.requireNonNullElse(mail.from(), ""));
        smtpUsername.setValue(Objects.requireNonNullElse(mail.username(), ""));
        smtpPassword.clear();
        smtpPassword.setPlaceholder(mail.passwordSet() ? "set; leave empty to keep it" : "none");
        smtpNoPassword.setValue(false);
        smtpNoPassword.setVisible(mail.passwordSet());
        smtpStartTls.setValue(mail.startTls());
        recipients.setValue(String.join(", ", mail.recipients()));

        webhookUrl.setValue(Objects.requireNonNullElse(settings.webhook().url(), ""));
        webhookSecret.clear();
        webhookSecret.setPlaceholder(settings.webhook().secretSet() ? "set; leave empty to keep it" : "none");
        webhookAllowPrivate.setValue(settings.webhook().allowPrivateAddresses());
    }

    private void showQueue(InboxApi.QueueSettings q) {
        queueError.setVisible(false);
        if (q == null) {
            return;
        }
        policy.setValue(q.routingPolicy());
        slaMinutes.setValue(q.slaMinutes());
        timeZone.setValue(Objects.requireNonNullElse(q.timeZone(), "UTC"));
        opensAt.setValue(Objects.requireNonNullElse(q.opensAt(), ""));
        closesAt.setValue(Objects.requireNonNullElse(q.closesAt(), ""));
        openDays.setValue(new LinkedHashSet<>(q.openDays()));
        dayHours.setValue(DayHoursText.format(q.dayHours()));
        outOfHoursReply.setValue(Objects.requireNonNullElse(q.outOfHoursReply(), ""));
    }

    private void saveThresholds() {
        run(thresholdsError, () -> api.saveWarningThresholds(user.accessToken(), list(thresholds.getValue())),
                "Warning thresholds saved.");
    }

    private void saveQueue() {
        InboxApi.QueueSettings q = queue.getValue();
        if (q == null) {
            show(queueError, "Pick a queue first.");
            return;
        }
        if (slaMinutes.isInvalid() && !slaMinutes.isEmpty()) {
            show(queueError, "The SLA must be a whole number of minutes.");
            return;
        }
        List<InboxApi.DayHours> ownHours;
        try {
            ownHours = DayHoursText.parse(dayHours.getValue());
        } catch (IllegalArgumentException unreadable) {
            show(queueError, unreadable.getMessage());
            return;
        }
        run(queueError, () -> api.saveQueueSettings(user.accessToken(), q.id(), Objects.requireNonNullElse(policy.getValue(), ""), slaMinutes.getValue(),
                        timeZone.getValue().strip(), blankToNull(opensAt.getValue()), blankToNull(closesAt.getValue()),
                        openDays.getValue().stream().sorted().toList(), outOfHoursReply.getValue(), ownHours),
                "Settings of queue " + q.name() + " saved.", q.id());
    }

    private void saveMail() {
        String password = smtpNoPassword.getValue() ? "" : blankToNull(smtpPassword.getValue());
        run(mailError, () -> api.saveMail(user.accessToken(), smtpHost.getValue().strip(), smtpPort.getValue(),
                smtpFrom.getValue().strip(), smtpUsername.getValue().strip(), password, smtpStartTls.getValue(),
                list(recipients.getValue())), "E-mail settings saved.");
    }

    private void saveWebhook() {
        run(webhookError, () -> api.saveWebhook(user.accessToken(), webhookUrl.getValue().strip(),
                blankToNull(webhookSecret.getValue()), webhookAllowPrivate.getValue()), "Webhook settings saved.");
    }

    private Button reset(String id, String section, Paragraph error) {
        Button reset = new Button("Use the configured values", event -> run(error, () -> api.resetSettings(user.accessToken(), section),
                "Back to the configured values."));
        reset.setId(id);
        return reset;
    }

    private void run(Paragraph error, Runnable action, String confirmation) {
        run(error, action, confirmation, queue.getValue() == null ? null : queue.getValue().id());
    }

    private void run(Paragraph error, Runnable action, String confirmation, Long selectedQueue) {
        try {
            action.run();
        } catch (InboxApiException failure) {
            show(error, failure.getMessage());
            return;
        }
        error.setVisible(false);
        load(selectedQueue);
        Notification done = Notification.show(confirmation, 4000, Notification.Position.TOP_CENTER);
        done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static Button save(String id, Runnable action) {
        Button save = new Button("Save", event -> action.run());
        save.setId(id);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return save;
    }

    private static VerticalLayout section(String title, String explanation, Component... content) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.add(new H3(title), new Paragraph(explanation));
        section.add(content);
        return section;
    }

    private static void show(Paragraph error, String sentence) {
        error.setText(sentence);
        error.setVisible(true);
    }

    private static Paragraph error(String id) {
        Paragraph error = new Paragraph();
        error.setId(id);
        error.addClassName("settings-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        // Read out by screen readers as soon as a refusal appears.
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        return error;
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
