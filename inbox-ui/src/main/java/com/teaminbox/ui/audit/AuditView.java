package com.teaminbox.ui.audit;

import com.teaminbox.ui.api.CursorPages;
import com.teaminbox.ui.api.InboxApi;
import com.teaminbox.ui.api.InboxApiException;
import com.teaminbox.ui.layout.MainLayout;
import com.teaminbox.ui.security.SignedInUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * The audit trail for managers and admins: who did what and when, filtered by action and
 * actor, exported as CSV, and checked link by link against its hash chain.
 */
@PageTitle("Audit | Team Inbox")
@Route(value = "audit", layout = MainLayout.class)
@RolesAllowed({"manager", "admin"})
public class AuditView extends VerticalLayout {

    private static final int PAGE = 100;
    /** The export stops here so that one click cannot pull the whole history into memory. */
    private static final int EXPORT_LIMIT = 10_000;

    private final InboxApi api;
    private final SignedInUser user;
    private final TextField action = new TextField("Action");
    private final TextField actor = new TextField("Actor");
    private final Grid<InboxApi.AuditEntry> grid = new Grid<>();
    private final CursorPages<InboxApi.AuditEntry> pages;

    @Inject
    public AuditView(InboxApi api, SignedInUser user) {
        this.api = api;
        this.user = user;
        this.pages = new CursorPages<>(PAGE, (cursor, size) -> {
            InboxApi.AuditPage page = api.audit(user.accessToken(), action.getValue(), actor.getValue(), cursor, size);
            return new CursorPages.Page<>(page.items(), page.next());
        });
        setSizeFull();

        action.setId("audit-action-filter");
        action.setPlaceholder("e.g. conversation.assigned");
        actor.setId("audit-actor-filter");
        actor.setPlaceholder("user name");
        for (TextField filter : List.of(action, actor)) {
            filter.setClearButtonVisible(true);
            filter.setValueChangeMode(ValueChangeMode.LAZY);
            filter.addValueChangeListener(event -> refresh());
        }

        Paragraph verdict = new Paragraph();
        verdict.setId("audit-verification");
        Button verify = new Button("Verify the chain", event -> {
            try {
                InboxApi.ChainVerification result = api.verifyAudit(user.accessToken());
                verdict.setText(result.intact()
                        ? "The audit trail is intact: " + result.entriesChecked() + " entries checked."
                        : "The audit trail was altered: entry " + result.firstBrokenId() + " does not verify ("
                                + result.problem() + ").");
            } catch (InboxApiException failure) {
                verdict.setText(failure.getMessage());
            }
        });
        verify.setId("audit-verify-button");

        Anchor export = new Anchor(new StreamResource("audit.csv", () ->
                new ByteArrayInputStream(csv().getBytes(StandardCharsets.UTF_8))), "Export CSV");
        export.getElement().setAttribute("download", true);
        export.setId("audit-export");

        HorizontalLayout tools = new HorizontalLayout(action, actor, verify, export);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("audit-grid");
        grid.addColumn(e -> e.occurredAt() == null ? "" : e.occurredAt().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19))
                .setHeader("When (UTC)").setAutoWidth(true);
        grid.addColumn(InboxApi.AuditEntry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(InboxApi.AuditEntry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(e -> e.subjectType() + " " + e.subjectId()).setHeader("Subject").setAutoWidth(true);
        grid.addColumn(e -> e.device() == null ? "" : e.device()).setHeader("Device").setAutoWidth(true);
        grid.addColumn(InboxApi.AuditEntry::details).setHeader("Details").setFlexGrow(1);
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit()));
        grid.setSizeFull();

        add(new H2("Audit trail"), tools, verdict, grid);
        setFlexGrow(1, grid);
    }

    private void refresh() {
        pages.reset();
        grid.getDataProvider().refreshAll();
    }

    private Stream<InboxApi.AuditEntry> fetch(int offset, int limit) {
        try {
            return pages.rows(offset, limit).stream();
        } catch (InboxApiException failure) {
            return Stream.empty();
        }
    }

    private String csv() {
        StringBuilder out = new StringBuilder("id,occurred_at,actor,action,subject_type,subject_id,device,details\n");
        String cursor = null;
        int written = 0;
        do {
            InboxApi.AuditPage page = api.audit(user.accessToken(), action.getValue(), actor.getValue(), cursor, 500);
            for (InboxApi.AuditEntry e : page.items()) {
                out.append(e.id()).append(',').append(e.occurredAt()).append(',').append(cell(e.actor())).append(',')
                        .append(cell(e.action())).append(',').append(cell(e.subjectType())).append(',')
                        .append(cell(e.subjectId())).append(',').append(cell(e.device())).append(',')
                        .append(cell(e.details())).append('\n');
                written++;
            }
            cursor = page.next();
        } while (cursor != null && written < EXPORT_LIMIT);
        return out.toString();
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not run it. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
