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

    ConversationList(InboxApi api, Supplier<String> token, boolean manager, Consumer<Conversation> onOpen) {
        this.api = api;
        this.token = token;
        this.pages = new CursorPages<>(PAGE, (cursor, size) -> {
            InboxApi.ConversationPage page = api.conversations(token.get(), scope(), null, cursor, size);
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

        grid.setId("conversation-list");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Conversation::customer).setHeader("Customer").setFlexGrow(2);
        grid.addColumn(Conversation::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(c -> waiting(c.lastCustomerMessageAt())).setHeader("Waiting").setAutoWidth(true);
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.addSelectionListener(event -> event.getFirstSelectedItem().ifPresent(onOpen));
        // Undefined size: the grid asks for more as the user scrolls, no count query needed.
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit()));
        grid.setSizeFull();

        empty.setId("conversation-list-empty");
        empty.setVisible(false);
        add(tabs, empty, grid);
    }

    void refresh() {
        pages.reset();
        grid.getDataProvider().refreshAll();
    }

    void showMine() {
        tabs.setSelectedTab(mine);
    }

    private Scope scope() {
        Tab selected = tabs.getSelectedTab();
        return selected == mine ? Scope.MINE : selected == unassigned ? Scope.UNASSIGNED : Scope.VISIBLE;
    }

    private Stream<Conversation> fetch(int offset, int limit) {
        List<Conversation> rows = pages.rows(offset, limit);
        if (offset == 0) {
            showEmptyState(rows.isEmpty());
        }
        return rows.stream();
    }

    private void showEmptyState(boolean nothing) {
        empty.setText(switch (scope()) {
            case MINE -> "No conversations are assigned to you right now.";
            case UNASSIGNED -> "Nobody is waiting in your queues.";
            case VISIBLE -> "There are no conversations yet.";
        });
        empty.setVisible(nothing);
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
