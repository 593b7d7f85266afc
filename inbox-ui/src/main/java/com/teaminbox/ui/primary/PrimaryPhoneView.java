package com.teaminbox.ui.primary;

import com.teaminbox.ui.api.InboxApi;
import com.teaminbox.ui.api.InboxApiException;
import com.teaminbox.ui.layout.MainLayout;
import com.teaminbox.ui.security.SignedInUser;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The business phone of each account: when it was last used (and how the devices saw it), the
 * countdown to the network's 14-day logout of every companion, the warnings raised and the
 * incidents, with what to do.
 */
@PageTitle("Business phone | Team Inbox")
@Route(value = "primary-phone", layout = MainLayout.class)
@RolesAllowed({"admin", "manager"})
public class PrimaryPhoneView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Inject
    public PrimaryPhoneView(InboxApi api, SignedInUser user) {
        setId("primary-phone-view");
        add(new H2("Business phone"));
        try {
            List<InboxApi.PrimaryPhone> phones = api.primaryPhones(user.accessToken());
            if (phones.isEmpty()) {
                add(new Paragraph("No business account is set up yet."));
            }
            for (InboxApi.PrimaryPhone phone : phones) {
                add(section(phone));
            }
        } catch (InboxApiException failure) {
            Paragraph error = new Paragraph(failure.getMessage());
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            add(error);
        }
    }

    private Div section(InboxApi.PrimaryPhone phone) {
        Div section = new Div();
        section.addClassName("primary-phone");
        section.add(new H3(phone.phoneNumber() + (phone.name() == null ? "" : " — " + phone.name())));
        if (!phone.monitored()) {
            section.add(new Paragraph("No companion device is linked to this number, so there is nothing the 14-day rule could log out."));
        }
        section.add(new Paragraph(phone.lastActivityAt() == null
                ? "No device has seen the phone in use yet."
                : "Last used " + WHEN.format(phone.lastActivityAt()) + " UTC (seen as: " + source(phone.lastActivitySource()) + ")."));
        if (phone.logoutAt() != null) {
            Paragraph countdown = new Paragraph("Companions will be logged out at " + WHEN.format(phone.logoutAt())
                    + " UTC unless the phone is used before then — " + inWords(phone.timeLeftSeconds()) + " left.");
            countdown.addClassName("primary-countdown");
            section.add(countdown);
        }
        if (!phone.activeWarnings().isEmpty()) {
            Paragraph warning = new Paragraph("Warning: " + String.join(", ", phone.activeWarnings())
                    + " left. Open the messaging app on the business phone (any use counts) to reset the countdown.");
            warning.getStyle().set("color", "var(--lumo-error-text-color)");
            section.add(warning);
        }
        if (!phone.warningHistory().isEmpty()) {
            UnorderedList history = new UnorderedList();
            phone.warningHistory().forEach(w -> history.add(new ListItem(WHEN.format(w.raisedAt()) + " UTC: warning at "
                    + w.threshold() + " left")));
            section.add(new Paragraph("Warnings raised:"), history);
        }
        for (InboxApi.PrimaryIncident incident : phone.incidents()) {
            Div box = new Div();
            box.addClassName("primary-incident");
            box.getStyle().set("border", "1px solid var(--lumo-error-color)").set("padding", "var(--lumo-space-s)")
                    .set("border-radius", "var(--lumo-border-radius-m)");
            box.add(new Paragraph("Incident " + WHEN.format(incident.occurredAt()) + " UTC: the network logged out "
                    + incident.devices() + " after the phone was last used "
                    + (incident.lastActivityAt() == null ? "(never seen)" : WHEN.format(incident.lastActivityAt()) + " UTC") + "."));
            UnorderedList steps = new UnorderedList();
            incident.recovery().forEach(step -> steps.add(new ListItem(step)));
            box.add(steps);
            section.add(box);
        }
        return section;
    }

    /** "5 days 23 h", "6 h 12 min", "14 min": how people say how long is left. */
    static String inWords(Long seconds) {
        if (seconds == null) {
            return "an unknown time";
        }
        long s = Math.max(0, seconds);
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        if (days > 0) {
            return days + (days == 1 ? " day " : " days ") + hours + " h";
        }
        return hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    }

    private static String source(String code) {
        if (code == null) {
            return "unknown";
        }
        return switch (code) {
            case "SENT_FROM_PRIMARY", "sent-from-primary", "sent_from_primary" -> "a message sent from the phone";
            case "RECEIPT_FROM_PRIMARY", "receipt-from-primary", "receipt_from_primary" -> "a read receipt from the phone";
            case "PROBE_ANSWER", "probe-answer", "probe_answer" -> "the phone answered the inbox's check";
            default -> code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
