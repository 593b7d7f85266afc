package com.teaminbox.ui.devices;

import com.teaminbox.ui.api.InboxApi;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one step back after the network's 14-day rule logged every agent out: offers "Re-link
 * all" while agents are without the device the rule removed, and once started keeps the report
 * per agent ("Alice Martin: linked") while the Devices screen shows each code in turn.
 */
class RelinkAll extends Div {

    private final Paragraph offer = new Paragraph();
    private final Button start = new Button();
    private final Div report = new Div();
    private final Deque<InboxApi.RelinkOutcome> waiting = new ArrayDeque<>();
    private final Map<Long, Paragraph> lines = new HashMap<>();
    private final Map<Long, InboxApi.RelinkOutcome> byDevice = new HashMap<>();

    RelinkAll(Runnable onStart) {
        setId("relink");
        offer.setId("relink-offer");
        start.setId("relink-all");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(event -> onStart.run());
        report.setId("relink-report");
        add(new H3("Re-link all"), offer, start, report);
        setVisible(false);
    }

    /** Shows the offer when someone lost their device to the network's removal; hides it otherwise. */
    void offer(List<InboxApi.RelinkCandidate> candidates) {
        boolean running = !waiting.isEmpty() || !byDevice.isEmpty();
        setVisible(!candidates.isEmpty() || !report.getChildren().toList().isEmpty());
        offer.setVisible(!candidates.isEmpty() && !running);
        start.setVisible(!candidates.isEmpty() && !running);
        if (!candidates.isEmpty()) {
            offer.setText("The network removed the devices of " + candidates.size() + " agent(s) in its last logout (the 14-day rule): "
                    + candidates.stream().map(c -> c.agentName() + " on " + c.businessNumber()).collect(Collectors.joining(", "))
                    + ". Re-link all starts a link for each and shows the codes one after the other.");
            start.setText("Re-link all (" + candidates.size() + ")");
        }
    }

    /** The links the server started, in order; returns the first to follow, or null when none started. */
    Long started(List<InboxApi.RelinkOutcome> outcomes) {
        report.removeAll();
        lines.clear();
        byDevice.clear();
        waiting.clear();
        for (InboxApi.RelinkOutcome outcome : outcomes) {
            Paragraph line = new Paragraph();
            line.setId("relink-agent-" + outcome.agentId());
            report.add(line);
            lines.put(outcome.agentId(), line);
            if (outcome.link() == null) {
                line.setText(outcome.agentName() + ": not started: " + outcome.problem());
            } else {
                line.setText(outcome.agentName() + ": waiting for its turn");
                byDevice.put(outcome.link().deviceId(), outcome);
                waiting.add(outcome);
            }
        }
        if (outcomes.isEmpty()) {
            report.add(new Paragraph("Nobody to re-link: every agent who lost a device has one again."));
        }
        offer.setVisible(false);
        start.setVisible(false);
        setVisible(true);
        return next();
    }

    /** Whether the device is one of the links started here. */
    boolean follows(long deviceId) {
        return byDevice.containsKey(deviceId);
    }

    /** The link of {@code deviceId} ended (linked or failed): its line says so; returns the next one to show, or null. */
    Long ended(long deviceId, InboxApi.Link link) {
        InboxApi.RelinkOutcome outcome = byDevice.remove(deviceId);
        if (outcome != null) {
            lines.get(outcome.agentId()).setText(outcome.agentName() + ": "
                    + ("linked".equals(link.stage()) ? "linked" : "not linked: " + link.problem()));
        }
        return next();
    }

    private Long next() {
        InboxApi.RelinkOutcome current = waiting.poll();
        if (current == null) {
            return null;
        }
        lines.get(current.agentId()).setText(current.agentName() + ": showing its code now");
        return current.link().deviceId();
    }
}
