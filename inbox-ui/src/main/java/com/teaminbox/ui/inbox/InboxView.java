package com.teaminbox.ui.inbox;

import com.teaminbox.ui.api.InboxApi;
import com.teaminbox.ui.api.InboxApiException;
import com.teaminbox.ui.layout.MainLayout;
import com.teaminbox.ui.security.SignedInUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * The agent's workspace: a greeting with the name inbox-server knows them by (fetched with
 * the agent's own forwarded token), their availability, the conversation list and the open
 * conversation. The list and the pane refresh themselves every few seconds without a reload.
 */
@PageTitle("Inbox | Team Inbox")
@Route(value = "", layout = MainLayout.class)
@RolesAllowed("agent")
public class InboxView extends VerticalLayout {

    /**
     * Changes arrive by server push (the API's event stream); this slow poll is only the
     * safety net for a stream that is being re-opened, and keeps "waiting" times current.
     */
    private static final int REFRESH_MILLIS = 30_000;

    /** Below this width the list sits above the conversation instead of beside it. */
    static final int NARROW_PIXELS = 900;

    private ConversationList list;
    private ConversationPane pane;
    private SplitLayout split;
    private com.vaadin.flow.component.button.Button help;
    private Registration resize;
    private Registration refresh;
    private com.teaminbox.ui.api.LiveEvents live;
    private final InboxApi api;
    private final SignedInUser user;
    private final com.teaminbox.ui.security.RelayedToken token;

    @Inject
    public InboxView(InboxApi api, SignedInUser user) {
        this.api = api;
        this.user = user;
        this.token = new com.teaminbox.ui.security.RelayedToken(user);
        setSizeFull();
        H2 greeting = new H2();
        greeting.setId("greeting");
        InboxApi.Me me;
        try {
            me = api.me(user.accessToken());
            greeting.setText("Welcome, " + me.displayName());
        } catch (InboxApiException failure) {
            greeting.setText("Welcome");
            Paragraph error = new Paragraph(failure.getMessage());
            error.setId("error");
            add(greeting, error);
            return;
        }

        Select<String> status = new Select<>();
        status.setId("agent-status");
        status.setLabel("My availability");
        status.setPlaceholder("Choose");
        status.setItems("online", "away", "offline");
        status.setItemLabelGenerator(value -> switch (value) {
            case "online" -> "Online: route chats to me";
            case "away" -> "Away: keep my chats, send no new ones";
            default -> "Offline";
        });
        Paragraph statusProblem = new Paragraph();
        statusProblem.setVisible(false);
        status.addValueChangeListener(event -> {
            if (!event.isFromClient()) {
                return;
            }
            try {
                api.setStatus(user.accessToken(), event.getValue());
                statusProblem.setVisible(false);
                list.refresh();
            } catch (InboxApiException failure) {
                statusProblem.setText(failure.getMessage());
                statusProblem.setVisible(true);
            }
        });
        help = new com.vaadin.flow.component.button.Button("Shortcuts (Alt+H)",
                event -> shortcutHelp().open());
        help.setId("shortcut-help-button");
        help.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        com.vaadin.flow.component.button.Button notify = new com.vaadin.flow.component.button.Button("Notify me of new chats",
                event -> event.getSource().getElement().executeJs(
                        "if (window.Notification) { Notification.requestPermission(); }"));
        notify.setId("notify-button");
        notify.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(greeting, status, statusProblem, notify, help);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        header.getStyle().set("flex-wrap", "wrap");
        header.expand(greeting);

        // The list and pane also re-read on live events, off the request thread: see RelayedToken.
        pane = new ConversationPane(api, token, user.hasRole("manager"), () -> list.refresh(), user.username(),
                me.displayName());
        list = new ConversationList(api, token, user.hasRole("manager"), pane::show);
        split = new SplitLayout(list, pane);
        split.setId("inbox-split");
        split.setSplitterPosition(35);
        split.setSizeFull();
        add(header, split);
        setFlexGrow(1, split);
        shortcuts();
    }

    /** Work without the mouse: next and previous chat, search, resolve, and this list. */
    private void shortcuts() {
        com.vaadin.flow.component.Shortcuts.addShortcutListener(this, () -> list.move(1),
                com.vaadin.flow.component.Key.ARROW_DOWN, com.vaadin.flow.component.KeyModifier.ALT);
        com.vaadin.flow.component.Shortcuts.addShortcutListener(this, () -> list.move(-1),
                com.vaadin.flow.component.Key.ARROW_UP, com.vaadin.flow.component.KeyModifier.ALT);
        com.vaadin.flow.component.Shortcuts.addShortcutListener(this, list::focusSearch,
                com.vaadin.flow.component.Key.KEY_F, com.vaadin.flow.component.KeyModifier.ALT);
        com.vaadin.flow.component.Shortcuts.addShortcutListener(this, pane::resolveShown,
                com.vaadin.flow.component.Key.KEY_R, com.vaadin.flow.component.KeyModifier.ALT);
        com.vaadin.flow.component.Shortcuts.addShortcutListener(this, () -> shortcutHelp().open(),
                com.vaadin.flow.component.Key.KEY_H, com.vaadin.flow.component.KeyModifier.ALT);
    }

    static com.vaadin.flow.component.dialog.Dialog shortcutHelp() {
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setId("shortcut-help");
        dialog.setHeaderTitle("Keyboard shortcuts");
        com.vaadin.flow.component.html.UnorderedList keys = new com.vaadin.flow.component.html.UnorderedList(
                new com.vaadin.flow.component.html.ListItem("Alt+↓ / Alt+↑ — next / previous conversation"),
                new com.vaadin.flow.component.html.ListItem("Alt+F — search conversations"),
                new com.vaadin.flow.component.html.ListItem("Alt+R — resolve the open conversation"),
                new com.vaadin.flow.component.html.ListItem("Enter — send the reply; Shift+Enter — new line"),
                new com.vaadin.flow.component.html.ListItem("/ at the start of the reply — canned replies"),
                new com.vaadin.flow.component.html.ListItem("Ctrl+Enter — add the internal note"),
                new com.vaadin.flow.component.html.ListItem("Alt+H — this list"));
        dialog.add(keys);
        dialog.getFooter().add(new com.vaadin.flow.component.button.Button("Close", event -> dialog.close()));
        return dialog;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (list == null) {
            return;
        }
        com.vaadin.flow.component.page.Page page = event.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> arrangeFor(details.getWindowInnerWidth()));
        resize = page.addBrowserWindowResizeListener(resized -> arrangeFor(resized.getWidth()));
        event.getUI().setPollInterval(REFRESH_MILLIS);
        // Each poll is a request: the relayed token is refreshed there for the pushes between.
        refresh = event.getUI().addPollListener(poll -> {
            token.get();
            list.refresh();
            pane.reload();
        });
        com.vaadin.flow.component.UI ui = event.getUI();
        knownMine = mineIds(token.get());
        live = api.liveEvents(token::get, conversation -> ui.access(() -> {
            notifyNewlyAssigned(ui, token.get());
            list.refresh();
            pane.reloadIfShowing(conversation);
        }));
    }

    /** A narrow window (a phone, half a laptop screen) stacks list and conversation. */
    private void arrangeFor(int windowWidth) {
        boolean narrow = windowWidth > 0 && windowWidth < NARROW_PIXELS;
        split.setOrientation(narrow ? SplitLayout.Orientation.VERTICAL : SplitLayout.Orientation.HORIZONTAL);
        split.setSplitterPosition(narrow ? 50 : 35);
        help.setVisible(!narrow); // shortcuts need a keyboard; a phone-sized window rarely has one
    }

    private java.util.Set<Long> knownMine = java.util.Set.of();

    private java.util.Set<Long> mineIds(String accessToken) {
        try {
            return api.conversations(accessToken, InboxApi.Scope.MINE, "open", null, 50).items().stream()
                    .map(InboxApi.Conversation::id).collect(java.util.stream.Collectors.toSet());
        } catch (InboxApiException failure) {
            return knownMine;
        }
    }

    /** A browser notification (if the agent allowed them) for each conversation newly assigned to them. */
    private void notifyNewlyAssigned(com.vaadin.flow.component.UI ui, String accessToken) {
        try {
            java.util.List<InboxApi.Conversation> mine = api.conversations(accessToken, InboxApi.Scope.MINE, "open", null, 50).items();
            for (InboxApi.Conversation conversation : mine) {
                if (!knownMine.contains(conversation.id())) {
                    ui.getPage().executeJs("if (window.Notification && Notification.permission === 'granted') {"
                            + " new Notification($0, {body: $1}); }", "New chat assigned to you", conversation.customer());
                }
            }
            knownMine = mine.stream().map(InboxApi.Conversation::id).collect(java.util.stream.Collectors.toSet());
        } catch (InboxApiException failure) {
            // notifications are a courtesy; the list still refreshes
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (resize != null) {
            resize.remove();
            resize = null;
        }
        if (live != null) {
            live.close();
            live = null;
        }
        if (refresh != null) {
            refresh.remove();
            event.getUI().setPollInterval(-1);
        }
    }
}
