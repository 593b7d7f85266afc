package com.teaminbox.ui.manager;

import com.teaminbox.ui.api.InboxApiException;
import com.teaminbox.ui.api.ReportsApi;
import com.teaminbox.ui.layout.MainLayout;
import com.teaminbox.ui.security.SignedInUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The manager console: queues and agents as they are now (re-read every 15 s), and reports
 * over a range of days drawn as server-side SVG charts, downloadable as CSV. Reassigning a
 * conversation stays in the conversation pane.
 */
@PageTitle("Manager | Team Inbox")
@Route(value = "manager", layout = MainLayout.class)
@RolesAllowed({"manager", "admin"})
public class ManagerView extends VerticalLayout {

    static final int REFRESH_MILLIS = 60_000;
    /** The server refuses more. */
    static final int MAX_DAYS = 92;
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("MM-dd");

    private final ReportsApi api;
    private final SignedInUser user;

    private final Grid<ReportsApi.QueueNow> queues = new Grid<>();
    private final Paragraph queuesEmpty = new Paragraph("There are no queues yet.");
    private final Grid<ReportsApi.AgentNow> agents = new Grid<>();
    private final Paragraph agentsEmpty = new Paragraph("No agent has signed in yet.");
    private final Paragraph liveProblem = new Paragraph();
    private final Span liveUpdated = new Span();

    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Paragraph reportProblem = new Paragraph();
    private final Div charts = new Div();
    private final Anchor csv = new Anchor();

    private Registration polling;
    private com.teaminbox.ui.api.LiveEvents live;
    private final com.teaminbox.ui.api.InboxApi inbox;

    /** The live events that change what the console shows. */
    static final java.util.Set<String> LIVE_KINDS = java.util.Set.of("conversation", "message", "agent", "device");

    @Inject
    public ManagerView(ReportsApi api, com.teaminbox.ui.api.InboxApi inbox, SignedInUser user) {
        this.api = api;
        this.inbox = inbox;
        this.user = user;
        setWidthFull();

        add(new H2("Manager console"));
        liveUpdated.setId("manager-live-updated");
        liveProblem.setId("manager-live-problem");
        liveProblem.setVisible(false);
        add(liveUpdated, liveProblem);

        queues.setId("manager-queues");
        queues.addThemeVariants(GridVariant.LUMO_COMPACT);
        queues.addColumn(ReportsApi.QueueNow::accountName).setHeader("Account").setAutoWidth(true);
        queues.addColumn(ReportsApi.QueueNow::name).setHeader("Queue").setAutoWidth(true);
        queues.addColumn(ReportsApi.QueueNow::open).setHeader("Open").setAutoWidth(true);
        queues.addComponentColumn(q -> cell("queue-waiting-" + q.id(), Long.toString(q.waiting()))).setHeader("Waiting").setAutoWidth(true);
        queues.addColumn(q -> q.longestWaitSeconds() == null ? "—" : duration(q.longestWaitSeconds())).setHeader("Longest wait")
                .setAutoWidth(true);
        queues.addColumn(q -> q.slaSeconds() == null ? "none" : duration(q.slaSeconds())).setHeader("SLA").setAutoWidth(true);
        queues.addComponentColumn(q -> cell("queue-why-" + q.id(), q.waitingReason() == null ? "" : q.waitingReason()))
                .setHeader("Why waiting").setFlexGrow(1);
        queues.setAllRowsVisible(true);
        queuesEmpty.setId("manager-queues-empty");
        add(new H3("Queues now"), queues, queuesEmpty);

        agents.setId("manager-agents");
        agents.addThemeVariants(GridVariant.LUMO_COMPACT);
        agents.addColumn(ReportsApi.AgentNow::displayName).setHeader("Agent").setAutoWidth(true);
        agents.addComponentColumn(a -> cell("agent-status-" + a.id(), a.disabled() ? "disabled" : a.status())).setHeader("Status")
                .setAutoWidth(true);
        agents.addComponentColumn(ManagerView::loadBar).setHeader("Load").setWidth("14em").setFlexGrow(0);
        agents.addColumn(ManagerView::devices).setHeader("Devices").setFlexGrow(1);
        agents.setAllRowsVisible(true);
        agentsEmpty.setId("manager-agents-empty");
        add(new H3("Agents now"), agents, agentsEmpty);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        from.setId("manager-from");
        to.setId("manager-to");
        from.setValue(today.minusDays(13));
        to.setValue(today);
        from.setMax(today);
        to.setMax(today);
        from.addValueChangeListener(event -> refreshReports());
        to.addValueChangeListener(event -> refreshReports());
        csv.setText("Download CSV");
        csv.setId("manager-csv");
        csv.getElement().setAttribute("download", true);
        HorizontalLayout range = new HorizontalLayout(from, to, csv);
        range.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        reportProblem.setId("manager-report-problem");
        reportProblem.setVisible(false);
        charts.setId("manager-charts");
        charts.setWidthFull();
        charts.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fit, minmax(22rem, 1fr))").set("gap", "1rem");
        add(new H3("Reports (UTC days)"), range, reportProblem, charts);

        refreshLive();
        refreshReports();
    }

    private void refreshLive() {
        refreshLive(user.accessToken());
    }

    private void refreshLive(String accessToken) {
        try {
            ReportsApi.LiveReport live = api.live(accessToken);
            queues.setItems(live.queues());
            queues.setVisible(!live.queues().isEmpty());
            queuesEmpty.setVisible(live.queues().isEmpty());
            agents.setItems(live.agents());
            agents.setVisible(!live.agents().isEmpty());
            agentsEmpty.setVisible(live.agents().isEmpty());
            liveProblem.setVisible(false);
            liveUpdated.setText("Updated at " + LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                    + " UTC; follows changes as they happen.");
        } catch (InboxApiException failure) {
            liveProblem.setText(failure.getMessage());
            liveProblem.setVisible(true);
        }
    }

    private void refreshReports() {
        charts.removeAll();
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        String problem = rangeProblem(start, end);
        if (problem != null) {
            showReportProblem(problem);
            return;
        }
        csv.setHref(new StreamResource("report-" + start + "-" + end + ".csv",
                () -> new ByteArrayInputStream(api.dailyCsv(user.accessToken(), start, end))));
        csv.setEnabled(true);
        try {
            ReportsApi.DailyReport report = api.daily(user.accessToken(), start, end);
            reportProblem.setVisible(false);
            List<ReportsApi.Day> days = report.days();
            charts.add(
                    chart("chart-volume", "Conversations opened per day", SvgChart::bars, "conversations",
                            points(days, day -> (double) day.opened()),
                            "No conversation was opened in these days."),
                    chart("chart-first-response", "Median first response per day", SvgChart::line, "seconds",
                            points(days, ReportsApi.Day::firstResponseMedianSeconds),
                            "No conversation opened in these days has been answered yet."),
                    chart("chart-sla-breaches", "SLA breaches per day", SvgChart::bars, "breaches",
                            points(days, day -> (double) day.slaBreaches()),
                            "No conversation broke its queue's SLA in these days."),
                    chart("chart-agent-volume", "Conversations per agent", SvgChart::bars, "conversations",
                            report.agents().stream().map(a -> new SvgChart.Point(a.displayName(), (double) a.handled())).toList(),
                            "No agent handled a conversation in these days."));
        } catch (InboxApiException failure) {
            showReportProblem(failure.getMessage());
        }
    }

    private void showReportProblem(String sentence) {
        reportProblem.setText(sentence);
        reportProblem.setVisible(true);
        csv.removeHref();
        csv.setEnabled(false);
    }

    /** The same rules as the server, said before asking it. */
    static String rangeProblem(LocalDate start, LocalDate end) {
        if (start == null || end == null) {
            return "Choose both a first and a last day.";
        }
        if (end.isBefore(start)) {
            return "The last day comes before the first day.";
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            return "A report covers at most " + MAX_DAYS + " days.";
        }
        return null;
    }

    private interface Drawing {
        String draw(String title, String unit, List<SvgChart.Point> points);
    }

    private static Component chart(String id, String title, Drawing drawing, String unit, List<SvgChart.Point> points,
                                   String emptySentence) {
        Div box = new Div();
        box.setId(id);
        box.add(new H3(title));
        if (SvgChart.hasData(points)) {
            Svg svg = new Svg(drawing.draw(title, unit, points));
            svg.getElement().getStyle().set("display", "block").set("width", "100%");
            box.add(svg);
        } else {
            Paragraph empty = new Paragraph(emptySentence);
            empty.addClassName("empty-state");
            box.add(empty);
        }
        return box;
    }

    private static List<SvgChart.Point> points(List<ReportsApi.Day> days, Function<ReportsApi.Day, Double> value) {
        return days.stream().map(day -> new SvgChart.Point(DAY_LABEL.format(day.day()), value.apply(day))).toList();
    }

    /** Open conversations against capacity, as a bar a screen reader reads as a progress bar. */
    private static Component loadBar(ReportsApi.AgentNow agent) {
        int capacity = agent.capacity();
        double share = capacity <= 0 ? (agent.openAssigned() > 0 ? 1 : 0) : Math.min(1, agent.openAssigned() / (double) capacity);
        Div fill = new Div();
        fill.getStyle().set("width", Math.round(share * 100) + "%").set("height", "100%")
                .set("background", share >= 1 ? "var(--lumo-error-color)" : "var(--lumo-primary-color)")
                .set("border-radius", "inherit");
        Div bar = new Div(fill);
        bar.getStyle().set("width", "7em").set("height", "0.6em").set("background", "var(--lumo-contrast-10pct)")
                .set("border-radius", "0.3em").set("display", "inline-block").set("margin-right", "0.5em");
        String text = agent.openAssigned() + " / " + capacity;
        bar.getElement().setAttribute("role", "progressbar");
        bar.getElement().setAttribute("aria-valuemin", "0");
        bar.getElement().setAttribute("aria-valuemax", Integer.toString(capacity));
        bar.getElement().setAttribute("aria-valuenow", Long.toString(agent.openAssigned()));
        bar.getElement().setAttribute("aria-label", agent.displayName() + ": " + text + " conversations");
        Span label = new Span(text);
        Span cell = new Span(bar, label);
        cell.addClassName("load");
        return cell;
    }

    private static String devices(ReportsApi.AgentNow agent) {
        if (agent.devices().isEmpty()) {
            return "no device linked";
        }
        return agent.devices().stream().map(d -> d.businessNumber() + ": " + d.state().replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    /** "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3_600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            long minutes = seconds % 3_600 / 60;
            return seconds / 3_600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
        }
        long hours = seconds % 86_400 / 3_600;
        return seconds / 86_400 + " d" + (hours == 0 ? "" : " " + hours + " h");
    }

    /**
     * Conversations, messages, agents' status and devices change the numbers: they arrive by
     * server push. The slow poll keeps the waiting times ticking and hands the stream's reader a
     * fresh token (it has no request of its own to take one from).
     */
    @Override
    protected void onAttach(AttachEvent event) {
        com.vaadin.flow.component.UI ui = event.getUI();
        com.teaminbox.ui.security.RelayedToken token = new com.teaminbox.ui.security.RelayedToken(user);
        ui.setPollInterval(REFRESH_MILLIS);
        polling = ui.addPollListener(poll -> refreshLive(token.get()));
        live = inbox.liveChanges(token, LIVE_KINDS, () -> ui.access(() -> refreshLive(token.get())));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (live != null) {
            live.close();
            live = null;
        }
        if (polling != null) {
            polling.remove();
            polling = null;
            event.getUI().setPollInterval(-1);
        }
    }

    /** A cell named after its row (queue or agent id): the browser tests read a row's value by it. */
    private static Span cell(String id, String text) {
        Span cell = new Span(text);
        cell.setId(id);
        return cell;
    }
}
