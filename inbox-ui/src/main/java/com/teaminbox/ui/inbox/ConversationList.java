package com.teaminbox.ui.inbox;

import com.teaminbox.ui.api.CursorPages;
import com.teaminbox.ui.api.InboxApi;
import com.teaminbox.ui.api.InboxApi.Conversation;
import com.teaminbox.ui.api.InboxApi.Scope;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The agent's conversation list: mine, unassigned in my queues, or everything the server lets
 * me see. Rows are fetched page by page with the API's cursor ({@link CursorPages}), never all at once.
 */
class ConversationList extends VerticalLayout {

    private static final int PAGE = 50;

    private final InboxApi api;
    private final Supplier<String> token;
    private final Grid<Conversation> grid = new Grid<>();
    private final Span empty = new Span();
    private final Tabs tabs;
    private final Tab mine = new Tab("Mine");
    private final Tab unassigned = new Tab("Unassigned");
    private final Tab all = new Tab("All");
    private final CursorPages<Conversation> pages;
    /** The rows the grid fetched so far, by position: what the next/previous shortcuts walk. */
    private final java.util.SortedMap<Integer, Conversation> fetched = new java.util.TreeMap<>();
    private final com.vaadin.flow.component.textfield.TextField search = new com.vaadin.flow.component.textfield.TextField();
    private final com.vaadin.flow.component.select.Select<String> status = new com.vaadin.flow.component.select.Select<>();

    ConversationList(InboxApi api, Supplier<String> token, boolean manager, Consumer<Conversation> onOpen) {
        this.api = api;
        this.token = token;
        this.pages = new CursorPages<>(PAGE, (cursor, size) -> {
            InboxApi.ConversationPage page = api.conversations(token.get(), scope(), statusFilter(), search.getValue(), cursor, size);
            return new CursorPages.Page<>(page.items(), page.next());
        });
        setPadding(false);
        setSizeFull();

        mine.setId("tab-mine");
        unassigned.setId("tab-unassigned");
        all.setId("tab-all");
        all.setLabel(manager ? "All" : "All I can see");
        tabs = new Tabs(mine, unassigned, all);
        tabs.setWidthFull();
        tabs.addSelectedChangeListener(event -> refresh());

        search.setId("conversation-search");
        search.setPlaceholder("Search name, number or text (Alt+F)");
        search.setAriaLabel("Search conversations");
        search.setClearButtonVisible(true);
        search.setWidthFull();
        search.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> {
            String value = event.getValue().strip();
            if (value.isEmpty() || value.length() >= 2) {
                refresh();
            }
        });
        status.setId("conversation-status-filter");
        status.setAriaLabel("Status");
        status.setItems("open", "pending", "resolved", "any status");
        status.setValue("any status");
        status.addValueChangeListener(event -> refresh());
        com.vaadin.flow.component.orderedlayout.HorizontalLayout filters =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(search, status);
        filters.setWidthFull();
        filters.setFlexGrow(1, search);

        grid.setId("conversation-list");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Conversation::customer).setHeader("Customer").setFlexGrow(2);
        grid.addComponentColumn(ConversationList::unreadBadge).setHeader("New").setAutoWidth(true);
        grid.addColumn(Conversation::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(c -> waiting(c.lastCustomerMessageAt())).setHeader("Waiting").setAutoWidth(true);
        grid.addComponentColumn(c -> replyDue(c.replyDueAt())).setHeader("Reply due").setAutoWidth(true);
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.addSelectionListener(event -> event.getFirstSelectedItem().ifPresent(onOpen));
        // Undefined size: the grid asks for more as the user scrolls, no count query needed.
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit()));
        grid.setSizeFull();

        empty.setId("conversation-list-empty");
        empty.setVisible(false);
        add(tabs, filters, empty, grid);
    }

    void refresh() {
        pages.reset();
        fetched.clear();
        grid.getDataProvider().refreshAll();
    }

    void showMine() {
        tabs.setSelectedTab(mine);
    }

    private String statusFilter() {
        String value = status.getValue();
        return value == null || value.equals("any status") ? null : value;
    }

    void focusSearch() {
        search.focus();
    }

    /** Opens the next (+1) or previous (-1) conversation of the list, for the keyboard shortcuts. */
    void move(int step) {
        List<Conversation> loaded = new java.util.ArrayList<>(fetched.values());
        if (loaded.isEmpty()) {
            return;
        }
        Conversation current = grid.getSelectedItems().stream().findFirst().orElse(null);
        int index = current == null ? -1 : indexOf(loaded, current.id());
        int next = Math.max(0, Math.min(loaded.size() - 1, index + step));
        grid.select(loaded.get(next));
        grid.scrollToIndex(next);
    }

    private static int indexOf(List<Conversation> rows, long id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private Scope scope() {
        Tab selected = tabs.getSelectedTab();
        return selected == mine ? Scope.MINE : selected == unassigned ? Scope.UNASSIGNED : Scope.VISIBLE;
    }

    private Stream<Conversation> fetch(int offset, int limit) {
        List<Conversation> rows = pages.rows(offset, limit);
        for (int i = 0; i < rows.size(); i++) {
            fetched.put(offset + i, rows.get(i));
        }
        if (offset == 0) {
            showEmptyState(rows.isEmpty());
        }
        return rows.stream();
    }

    private void showEmptyState(boolean nothing) {
        if (!search.getValue().isBlank() || statusFilter() != null) {
            empty.setText("No conversation matches this search and filter.");
            empty.setVisible(nothing);
            return;
        }
        empty.setText(switch (scope()) {
            case MINE -> "No conversations are assigned to you right now.";
            case UNASSIGNED -> "Nobody is waiting in your queues.";
            case VISIBLE -> "There are no conversations yet.";
        });
        empty.setVisible(nothing);
    }

    /** How many of the customer's messages this user has not read yet (nothing when none). */
    static Span unreadBadge(Conversation conversation) {
        Span badge = new Span(conversation.unread() > 0 ? Long.toString(conversation.unread()) : "");
        if (conversation.unread() > 0) {
            badge.getElement().getThemeList().add("badge pill small primary");
            badge.getElement().setAttribute("aria-label", conversation.unread() + " unread");
            badge.addClassName("unread-count");
        }
        return badge;
    }

    /** The SLA countdown: "in 4 min", or "3 min late" in the error colour. */
    static Span replyDue(Instant due) {
        Span view = new Span();
        if (due == null) {
            return view;
        }
        long seconds = Duration.between(Instant.now(), due).getSeconds();
        long minutes = Math.abs(seconds) / 60;
        String amount = minutes >= 120 ? minutes / 60 + " h" : minutes + " min";
        if (seconds >= 0) {
            view.setText("in " + amount);
        } else {
            view.setText(amount + " late");
            view.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        }
        view.addClassName("reply-due");
        return view;
    }

    static String waiting(Instant since) {
        if (since == null) {
            return "";
        }
        Duration waited = Duration.between(since, Instant.now());
        if (waited.toMinutes() < 1) {
            return "just now";
        }
        if (waited.toHours() < 1) {
            return waited.toMinutes() + " min";
        }
        if (waited.toDays() < 1) {
            return waited.toHours() + " h";
        }
        return waited.toDays() + " d";
    }
}
