package com.teaminbox.ui.primary;

import com.teaminbox.ui.api.InboxApi;
import com.teaminbox.ui.api.InboxApiException;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.Supplier;

/**
 * The banner admins and managers see on every page while a 14-day warning is active: which
 * number, how long is left, and what to do. Re-checked on every navigation and poll.
 */
public class PrimaryPhoneBanner extends Div {

    private final InboxApi api;
    private final Supplier<String> token;
    private final Span text = new Span();

    public PrimaryPhoneBanner(InboxApi api, Supplier<String> token) {
        this.api = api;
        this.token = token;
        setId("primary-phone-banner");
        getElement().setAttribute("role", "alert");
        getStyle().set("background", "var(--lumo-error-color-10pct)").set("color", "var(--lumo-error-text-color)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("width", "100%");
        Anchor details = new Anchor("primary-phone", "Details");
        add(text, new Span(" "), details);
        setVisible(false);
    }

    public void check() {
        try {
            List<InboxApi.PrimaryPhone> warned = api.primaryPhones(token.get()).stream()
                    .filter(p -> p.monitored() && !p.activeWarnings().isEmpty()).toList();
            if (warned.isEmpty()) {
                setVisible(false);
                return;
            }
            InboxApi.PrimaryPhone first = warned.get(0);
            text.setText("The business phone " + first.phoneNumber() + " has not been used for a while: every companion device "
                    + "will be logged out in " + PrimaryPhoneView.inWords(first.timeLeftSeconds()) + " unless someone opens the messaging app on it.");
            setVisible(true);
        } catch (InboxApiException failure) {
            setVisible(false); // the banner never blocks the page; the Business phone screen shows the error
        }
    }
}
