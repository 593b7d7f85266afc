package com.teaminbox.ui.inbox;

import com.teaminbox.ui.api.InboxApi;
import com.teaminbox.ui.api.InboxApi.Conversation;
import com.teaminbox.ui.api.InboxApiException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.InputStreamDownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One conversation: the customer's and the team's messages as bubbles, internal notes set
 * apart, and what the agent may do (claim, resolve, reopen, add a note).
 */
class ConversationPane extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final InboxApi api;
    private final Supplier<String> token;
    private final Runnable onChange;
    private final H3 title = new H3();
    private final Span state = new Span();
    private final Div timeline = new Div();
    private final Paragraph problem = new Paragraph();
    private final Button claim = new Button("Claim");
    private final Button resolve = new Button("Resolve");
    private final Button reopen = new Button("Reopen");
    private final TextArea reply = new TextArea();
    private final Button send = new Button("Send");
    private final Upload attach;
    /** Set while attached: the upload and download handlers run outside the session lock and reach the UI through it. */
    private volatile UI ui;
    /**
     * Each reload rebuilds the bubbles; reusing an attachment's image or link keeps its URL, so
     * the browser does not fetch (and the server not decrypt) the file again for every change.
     */
    private final Map<Long, Component> attachmentViews = new HashMap<>();
    private List<InboxApi.ConversationEvent> events = List.of();
    /** A colleague or a queue, as the "Transfer to" choice offers them. */
    record TransferChoice(InboxApi.AgentTarget agent, InboxApi.QueueTarget queue) {
        /**
         * The server lets an agent hand over only to a colleague who serves the conversation's
         * queue and has room; a manager to anyone the targets list.
         */
        static boolean offered(InboxApi.AgentTarget agent, boolean manager) {
            return manager || agent.servesQueue() && agent.openConversations() < agent.capacity();
        }

        String label() {
            if (agent != null) {
                String device = agent.canReply() ? "device connected"
                        : agent.deviceState() == null ? "no device" : "device " + agent.deviceState();
                return agent.displayName() + " · " + agent.status() + " · " + agent.openConversations() + "/" + agent.capacity()
                        + " open · " + device;
            }
            return "Queue " + queue.name() + " · " + queue.waiting() + " waiting";
        }
    }

    private final com.vaadin.flow.component.combobox.ComboBox<TransferChoice> transferTo = new com.vaadin.flow.component.combobox.ComboBox<>();
    private com.vaadin.flow.component.Component composerExtras;
    private final Div canned = new Div();
    private List<InboxApi.CannedReply> cannedReplies = List.of();
    private long cannedFor = -1;
    private final TextArea note = new TextArea();
    private final Button addNote = new Button("Add note");
    private final Select<InboxApi.Agent> assignTo = new Select<>();
    private final boolean manager;
    private Conversation shown;

    private final Span presence = new Span();
    private final Div labels = new Div();
    private final com.vaadin.flow.component.textfield.TextField newLabel = new com.vaadin.flow.component.textfield.TextField();
    private final Div contact = new Div();
    private final String me;
    private final String myName;
    private Runnable leave = () -> { };

    ConversationPane(InboxApi api, Supplier<String> token, boolean manager, Runnable onChange) {
        this(api, token, manager, onChange, "", "");
    }

    ConversationPane(InboxApi api, Supplier<String> token, boolean manager, Runnable onChange, String me, String myName) {
        this.me = me;
        this.myName = myName;
        this.api = api;
        this.token = token;
        this.onChange = onChange;
        this.manager = manager;
        setId("conversation-pane");
        setSizeFull();

        title.setId("conversation-title");
        state.setId("conversation-state");
        problem.setId("conversation-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);

        claim.setId("claim-button");
        resolve.setId("resolve-button");
        reopen.setId("reopen-button");
        claim.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        claim.addClickListener(event -> act("claim"));
        resolve.addClickListener(event -> act("resolve"));
        reopen.addClickListener(event -> act("reopen"));

        timeline.setId("conversation-timeline");
        timeline.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        Scroller scroller = new Scroller(timeline);
        scroller.setWidthFull();
        // The messages keep at least this much room on a laptop screen; the pane scrolls instead.
        scroller.setMinHeight("40vh");

        reply.setId("reply-input");
        reply.setLabel("Reply to the customer");
        reply.setPlaceholder("Write a reply. Enter sends, Shift+Enter starts a new line.");
        reply.setWidthFull();
        reply.setMaxLength(4_096);
        // Enter alone sends; with Shift (not matched by this shortcut) the browser adds a line.
        com.vaadin.flow.component.Shortcuts.addShortcutListener(reply, this::sendReply, Key.ENTER).listenOn(reply);
        reply.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        reply.addValueChangeListener(event -> suggestCannedReplies(event.getValue()));
        canned.setId("canned-replies");
        canned.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)");
        canned.setVisible(false);
        send.setId("send-button");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(event -> sendReply());

        // Files land in a temporary file (not memory: up to 64 MiB) and go on to the API from there.
        attach = new Upload(UploadHandler.toTempFile(this::forwardAttachment));
        attach.setId("attachment-upload");
        attach.setMaxFiles(1);
        attach.setMaxFileSize(Attachments.MAX_BYTES);
        attach.setDropAllowed(true);
        Button attachButton = new Button("Attach file");
        attachButton.setId("attach-button");
        attach.setUploadButton(attachButton);
        attach.setDropLabel(new Span("or drop a file here; the reply text becomes its caption"));
        // vaadin-upload has no label of its own: name the group for screen readers.
        attach.getElement().setAttribute("role", "group");
        attach.getElement().setAttribute("aria-label", "Attach a file");
        attach.setWidthFull();
        // The browser refuses a file over the limit before sending it (it never joins the file list); its size comes with the event.
        attach.getElement().addEventListener("file-reject", event -> {
            String name = event.getEventData().getString("event.detail.file.name");
            long size = (long) event.getEventData().getNumber("event.detail.file.size");
            String error = event.getEventData().getString("event.detail.error");
            if (size > Attachments.MAX_BYTES) {
                say(Attachments.tooLarge(name, size));
            } else if (error != null && error.toLowerCase(java.util.Locale.ROOT).contains("many")) {
                say("Attach one file at a time."); // the component's own "Too Many Files."
            } else {
                say(name + " cannot be attached: " + error);
            }
        }).addEventData("event.detail.file.name").addEventData("event.detail.file.size").addEventData("event.detail.error");

        note.setId("note-input");
        note.setLabel("Internal note (only the team sees it)");
        note.setWidthFull();
        note.setMaxLength(10_000);
        addNote.setId("add-note-button");
        addNote.addClickListener(event -> addNote());
        addNote.addClickShortcut(Key.ENTER, com.vaadin.flow.component.KeyModifier.CONTROL);

        assignTo.setId("assign-select");
        assignTo.setAriaLabel("Assign to an agent");
        assignTo.setPlaceholder("Assign to ...");
        assignTo.setItemLabelGenerator(agent -> agent.displayName() + (agent.status() == null ? "" : " (" + agent.status() + ")"));
        assignTo.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                assign(event.getValue());
            }
        });
        assignTo.setVisible(false);

        presence.setId("conversation-presence");
        presence.getStyle().set("color", "var(--lumo-warning-text-color, #8a6d00)").set("font-size", "var(--lumo-font-size-s)");
        labels.setId("conversation-labels");
        labels.getStyle().set("display", "flex").set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap")
                .set("align-items", "center");
        newLabel.setId("label-input");
        newLabel.setPlaceholder("Add a label");
        newLabel.setAriaLabel("Add a label");
        newLabel.addKeyPressListener(Key.ENTER, event -> addLabel());
        contact.setId("contact-panel");
        contact.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        reply.addValueChangeListener(event -> {
            if (event.isFromClient() && shown != null) {
                Presence.typing(shown.id(), me);
            }
        });
        com.vaadin.flow.component.button.Button emoji = new com.vaadin.flow.component.button.Button("😊");
        emoji.setId("emoji-button");
        emoji.setAriaLabel("Insert an emoji");
        emoji.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        com.vaadin.flow.component.contextmenu.ContextMenu emojis = new com.vaadin.flow.component.contextmenu.ContextMenu(emoji);
        emojis.setOpenOnClick(true);
        for (String face : java.util.List.of("😊", "👍", "🙏", "🎉", "😉", "❤️", "🙂", "👋", "✅", "🍰")) {
            emojis.addItem(face, event -> {
                reply.setValue(reply.getValue() + face);
                reply.focus();
            });
        }
        composerExtras = emoji;

        transferTo.setId("transfer-select");
        transferTo.setAriaLabel("Transfer to a colleague or a queue");
        transferTo.setPlaceholder("Transfer to ...");
        transferTo.setItemLabelGenerator(TransferChoice::label);
        transferTo.setWidth("24em");
        transferTo.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null && shown != null) {
                TransferChoice choice = event.getValue();
                long handedOver = shown.id();
                try {
                    if (choice.agent() != null) {
                        api.transferToAgent(token.get(), handedOver, choice.agent().id(), null);
                    } else {
                        api.transferToQueue(token.get(), handedOver, choice.queue().id(), null);
                    }
                    problem.setVisible(false);
                } catch (InboxApiException failure) {
                    say(failure.getMessage());
                    transferTo.clear();
                    return;
                }
                transferTo.clear();
                onChange.run();
                reload();
                if (shown == null) {
                    // Handed to someone else: it is no longer ours to see, which is the point.
                    confirm("Handed over to " + (choice.agent() != null ? choice.agent().displayName() : "queue " + choice.queue().name()) + ".");
                }
            }
        });
        transferTo.setVisible(false);

        HorizontalLayout actions = new HorizontalLayout(claim, resolve, reopen, assignTo, transferTo);
        actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        actions.getStyle().set("flex-wrap", "wrap");
        transferTo.getStyle().set("max-width", "100%");
        HorizontalLayout composer = new HorizontalLayout(composerExtras, reply, send);
        composer.setWidthFull();
        composer.setDefaultVerticalComponentAlignment(Alignment.END);
        composer.setFlexGrow(1, reply);
        HorizontalLayout labelRow = new HorizontalLayout(labels, newLabel);
        labelRow.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        add(new HorizontalLayout(title, state), contact, presence, actions, labelRow, problem, scroller, canned, composer, attach,
                note, addNote);
        setFlexGrow(1, scroller);
        // the timeline gives way in a short window, the composer and the file drop zone do not
        composer.getStyle().set("flex-shrink", "0");
        attach.getStyle().set("flex-shrink", "0");
        getStyle().set("overflow-y", "auto");
        showNothing();
    }

    void show(Conversation conversation) {
        leave.run();
        if (shown == null || shown.id() != conversation.id()) {
            attachmentViews.clear();
        }
        shown = conversation;
        presence.setText("");
        getUI().ifPresent(ui -> {
            long id = conversation.id();
            leave = Presence.enter(id, me, myName, ignored -> ui.access(() -> {
                if (shown != null && shown.id() == id) {
                    presence.setText(Presence.others(id, me));
                }
            }));
        });
        reload();
        showContact();
        try {
            api.markRead(token.get(), conversation.id());
            onChange.run(); // the list's unread count for it drops to zero
        } catch (InboxApiException failure) {
            // the count stays; reading the conversation works regardless
        }
    }

    /** The customer: name, number, and their other conversations with the business. */
    private void showContact() {
        contact.removeAll();
        if (shown == null) {
            return;
        }
        contact.add(new Span((shown.contactName() == null ? "" : shown.contactName() + " · ")
                + (shown.contactPhone() == null ? "" : shown.contactPhone())));
        if (shown.contactPhone() == null) {
            return;
        }
        try {
            List<Conversation> earlier = api.conversations(token.get(), InboxApi.Scope.VISIBLE, null, shown.contactPhone(), null, 10)
                    .items().stream().filter(c -> c.id() != shown.id() && shown.contactPhone().equals(c.contactPhone())).toList();
            contact.add(new Span(earlier.isEmpty() ? " · first conversation"
                    : " · earlier: " + earlier.stream().map(c -> TIME.format(c.openedAt()).substring(0, 10) + " (" + c.status() + ")")
                            .collect(java.util.stream.Collectors.joining(", "))));
        } catch (InboxApiException failure) {
            // the history is a convenience; the conversation itself is shown
        }
    }

    private void showLabels() {
        labels.removeAll();
        try {
            for (String name : api.labels(token.get(), shown.id())) {
                Button chip = new Button(name + " ×", event -> {
                    try {
                        api.removeLabel(token.get(), shown.id(), name);
                        showLabels();
                        onChange.run();
                    } catch (InboxApiException failure) {
                        say(failure.getMessage());
                    }
                });
                chip.addClassName("label-chip");
                chip.setAriaLabel("Remove label " + name);
                chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
                labels.add(chip);
            }
        } catch (InboxApiException failure) {
            say(failure.getMessage());
        }
    }

    private void addLabel() {
        String name = newLabel.getValue().strip();
        if (shown == null || name.isEmpty()) {
            return;
        }
        try {
            api.addLabel(token.get(), shown.id(), name);
            newLabel.clear();
            problem.setVisible(false);
            showLabels();
            onChange.run();
        } catch (InboxApiException failure) {
            say(failure.getMessage()); // e.g. "name: letters, digits, space, _ and - only"
        }
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        ui = event.getUI();
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        ui = null;
        leave.run();
        leave = () -> { };
        super.onDetach(event);
    }

    /** Re-reads the open conversation (live refresh); quiet when it is gone from the viewer's sight. */
    void reload() {
        if (shown == null) {
            return;
        }
        try {
            shown = api.conversation(token.get(), shown.id());
            List<InboxApi.Message> messages = api.messages(token.get(), shown.id(), null).items();
            List<InboxApi.Note> notes = api.notes(token.get(), shown.id());
            events = api.events(token.get(), shown.id());
            render(messages, notes);
            showLabels();
            presence.setText(Presence.others(shown.id(), me));
            problem.setVisible(false);
        } catch (InboxApiException failure) {
            if (failure.status() == 404) {
                showNothing();
            }
            say(failure.getMessage());
        }
    }

    private void render(List<InboxApi.Message> messages, List<InboxApi.Note> notes) {
        title.setText(shown.customer());
        // An unassigned chat says why nobody has it: someone to set online, a device to link, a capacity to raise.
        state.setText(shown.status() + (shown.assigneeId() == null
                ? " · unassigned" + (shown.waitingReason() == null ? "" : ": " + shown.waitingReason()) : ""));
        boolean open = !"resolved".equals(shown.status());
        claim.setVisible(open && shown.assigneeId() == null);
        resolve.setVisible(open);
        reopen.setVisible(!open);
        assignTo.setVisible(manager && open);
        if (open) {
            try {
                InboxApi.TransferTargets targets = api.transferTargets(token.get(), shown.id());
                List<TransferChoice> choices = new java.util.ArrayList<>();
                targets.agents().stream().filter(agent -> TransferChoice.offered(agent, manager))
                        .forEach(agent -> choices.add(new TransferChoice(agent, null)));
                targets.queues().forEach(queue -> choices.add(new TransferChoice(null, queue)));
                transferTo.setItems(choices);
                transferTo.setVisible(!choices.isEmpty());
            } catch (InboxApiException failure) {
                transferTo.setVisible(false);
            }
        } else {
            transferTo.setVisible(false);
        }
        if (manager && open && assignTo.getListDataView().getItemCount() == 0) {
            try {
                assignTo.setItems(api.agents(token.get()).stream().filter(a -> a.roles().contains("agent")).toList());
            } catch (InboxApiException failure) {
                say(failure.getMessage());
            }
        }
        note.setEnabled(true);
        addNote.setEnabled(true);
        reply.setEnabled(open);
        send.setEnabled(open);
        attach.setEnabled(open);
        reply.setHelperText(open ? null : "Reopen the conversation to reply.");

        record Entry(Instant at, Div view) {
        }
        List<Entry> entries = new ArrayList<>();
        for (InboxApi.Message message : messages) {
            entries.add(new Entry(message.sentAt(), bubble(message)));
        }
        for (InboxApi.Note n : notes) {
            entries.add(new Entry(n.createdAt(), noteView(n)));
        }
        for (InboxApi.ConversationEvent e : events) {
            if (!"opened".equals(e.kind())) {
                entries.add(new Entry(e.occurredAt(), eventView(e)));
            }
        }
        entries.sort(Comparator.comparing(Entry::at));
        timeline.removeAll();
        entries.forEach(entry -> timeline.add(entry.view()));
        if (entries.isEmpty()) {
            timeline.add(new Paragraph("No messages in this conversation yet."));
        }
    }

    private Div bubble(InboxApi.Message message) {
        boolean inbound = "inbound".equals(message.direction());
        Div bubble = new Div();
        bubble.addClassName("message-bubble");
        bubble.addClassName(inbound ? "inbound" : "outbound");
        bubble.getStyle().set("max-width", "70%").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("align-self", inbound ? "flex-start" : "flex-end")
                .set("background", inbound ? "var(--lumo-contrast-5pct)" : "var(--lumo-primary-color-10pct)");
        if (message.attachment() != null) {
            bubble.add(attachmentViews.computeIfAbsent(message.id(), id -> attachmentView(shown.id(), message)));
            if (message.body() != null && !message.body().isBlank()) {
                bubble.add(new Div(message.body())); // the caption, below the file
            }
        } else {
            bubble.add(new Div(message.body() == null ? "(media)" : message.body()));
        }
        String who = inbound ? "" : switch (message.sentFrom() == null ? "" : message.sentFrom()) {
            case "phone" -> "sent from the phone · ";
            case "other_device" -> "sent from another device · ";
            case "companion" -> message.agentName() != null ? message.agentName() + " · "
                    : message.agentId() == null ? "automatic reply · " : "agent #" + message.agentId() + " · ";
            default -> "";
        };
        Span meta = new Span(who + TIME.format(message.sentAt()) + (inbound ? "" : " " + ticks(message)));
        if (!inbound) {
            meta.getElement().setAttribute("title", deliveryInWords(message));
            bubble.getElement().setAttribute("data-delivery", message.deliveryState());
        }
        meta.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        bubble.add(meta);
        if ("failed".equals(message.deliveryState())) {
            Div why = new Div(deliveryInWords(message));
            why.addClassName("delivery-failure");
            why.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-error-text-color)");
            bubble.add(why);
        }
        return bubble;
    }

    /**
     * A raster image (PNG, JPEG, GIF, WebP) inline, anything else — SVG and HTML too — as a link that downloads it;
     * both fetched through the API with the user's token, answered with nosniff and a sandboxing CSP.
     * A file the server refused on arrival shows its sentence instead, and the browser asks for nothing.
     */
    private Component attachmentView(long conversationId, InboxApi.Message message) {
        InboxApi.Message.Attachment file = message.attachment();
        if (file.refused() != null) {
            Div refused = new Div(file.refused());
            refused.addClassName("attachment-refused");
            refused.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-error-text-color)");
            return refused;
        }
        String name = Attachments.displayName(file.fileName(), file.mimeType());
        InputStreamDownloadHandler media = DownloadHandler.fromInputStream(event -> {
            try {
                InboxApi.Media fetched = api.media(token.get(), conversationId, message.id());
                // The same guard as the server's media responses: never sniffed, never run, scriptable types as bytes.
                event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
                event.getResponse().setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
                event.getResponse().setHeader("Cache-Control", "private");
                String type = file.isImage() ? fetched.mimeType() : "application/octet-stream";
                return new DownloadResponse(fetched.content(), Attachments.savedName(name), type, fetched.size());
            } catch (InboxApiException failure) {
                // Off the session lock: the sentence reaches the pane through access (e.g. "the media host is unreachable").
                UI owner = event.getUI();
                if (owner != null) {
                    owner.access(() -> say(failure.getMessage()));
                }
                return DownloadResponse.error(failure.status() == 0 ? 502 : failure.status(), failure.getMessage());
            }
        });
        if (file.isImage()) {
            Image image = new Image(media.inline(), name);
            image.addClassName("attachment-image");
            image.getStyle().set("display", "block").set("max-width", "min(280px, 100%)").set("height", "auto")
                    .set("border-radius", "var(--lumo-border-radius-m)");
            return image;
        }
        Anchor link = new Anchor(media, AttachmentType.DOWNLOAD, name + " (" + Attachments.humanSize(file.size()) + ")");
        link.getElement().setAttribute("download", Attachments.savedName(name));
        link.addClassName("attachment-download");
        return link;
    }

    /**
     * The upload's callback, on the upload request's thread without the session lock: the pane's
     * state is read and changed only inside {@code ui.access...}; the slow part (sending the
     * file on to the API) runs outside it.
     */
    private void forwardAttachment(UploadMetadata metadata, File received) {
        UI owner = ui;
        try {
            if (owner == null) {
                return; // the pane went away while the file came in
            }
            record Target(long conversationId, String caption) {
            }
            AtomicReference<Target> target = new AtomicReference<>();
            owner.accessSynchronously(() -> {
                if (shown != null && attach.isEnabled()) {
                    target.set(new Target(shown.id(), reply.getValue().strip()));
                }
            });
            if (target.get() == null) {
                owner.access(attach::clearFileList);
                return;
            }
            String name = metadata.fileName() == null || metadata.fileName().isBlank() ? received.getName() : metadata.fileName();
            String caption = target.get().caption();
            try {
                api.sendAttachment(token.get(), target.get().conversationId(), name,
                        Attachments.mimeTypeOf(metadata.contentType(), name), received.toPath(), caption.isEmpty() ? null : caption);
                owner.access(() -> {
                    attach.clearFileList();
                    if (reply.getValue().strip().equals(caption)) {
                        reply.clear(); // the caption went with the file; text typed meanwhile stays
                    }
                    problem.setVisible(false);
                    onChange.run();
                    reload();
                });
            } catch (InboxApiException failure) {
                // The server's sentence: a refused kind (415), too large (413), empty (422), device not connected (409)
                owner.access(() -> {
                    attach.clearFileList();
                    say(failure.getMessage());
                });
            }
        } finally {
            try {
                Files.deleteIfExists(received.toPath());
            } catch (IOException notDeleted) {
                received.deleteOnExit(); // the system's temporary folder gets it at the latest
            }
        }
    }

    /** WhatsApp-style ticks: clock pending, ✓ sent, ✓✓ delivered, blue ✓✓ read, ! failed. */
    private static String ticks(InboxApi.Message message) {
        return switch (message.deliveryState()) {
            case "pending" -> "🕓";
            case "sent" -> "✓";
            case "delivered" -> "✓✓";
            case "read" -> "✓✓ read";
            case "failed" -> "! not delivered";
            default -> message.deliveryState();
        };
    }

    private static String deliveryInWords(InboxApi.Message message) {
        return switch (message.deliveryState()) {
            case "pending" -> "Waiting to be sent from the agent's device";
            case "sent" -> "Sent: the network has it";
            case "delivered" -> "Delivered to the customer's phone";
            case "read" -> "Read by the customer";
            case "failed" -> "Not delivered: " + (message.failureReason() == null ? "unknown reason" : message.failureReason());
            default -> message.deliveryState();
        };
    }

    /** A live event named this conversation: re-read it if it is the one open. */
    void reloadIfShowing(long conversationId) {
        if (shown != null && shown.id() == conversationId) {
            reload();
        }
    }

    /** Alt+R: resolve what is open, if it is open. */
    void resolveShown() {
        if (shown != null && !"resolved".equals(shown.status())) {
            act("resolve");
        }
    }

    /** "/" at the start of the reply lists the canned replies whose shortcut starts with what follows. */
    private void suggestCannedReplies(String value) {
        if (shown == null || !value.startsWith("/") || value.contains(" ") || value.contains("\n")) {
            canned.setVisible(false);
            return;
        }
        if (cannedFor != shown.accountId()) {
            try {
                cannedReplies = api.cannedReplies(token.get(), shown.accountId());
                cannedFor = shown.accountId();
            } catch (InboxApiException failure) {
                say(failure.getMessage());
                return;
            }
        }
        String typed = value.substring(1).toLowerCase(java.util.Locale.ROOT);
        List<InboxApi.CannedReply> matches = cannedReplies.stream().filter(c -> c.shortcut().startsWith(typed)).toList();
        canned.removeAll();
        for (InboxApi.CannedReply match : matches) {
            Button use = new Button("/" + match.shortcut() + " — " + abbreviate(match.body()), event -> useCanned(match));
            use.addClassName("canned-reply");
            use.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            canned.add(use);
        }
        if (matches.isEmpty()) {
            canned.add(new Span("No canned reply starts with /" + typed + "."));
        }
        canned.setVisible(true);
    }

    private void useCanned(InboxApi.CannedReply chosen) {
        reply.setValue(chosen.body());
        canned.setVisible(false);
        reply.focus();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private void sendReply() {
        String text = reply.getValue().strip();
        if (shown == null || !send.isEnabled()) {
            return;
        }
        if (text.isEmpty()) {
            say("Write the reply first.");
            return;
        }
        if (text.startsWith("/") && !text.contains(" ") && canned.isVisible()) {
            // Enter on "/shortcut" takes the first matching canned reply instead of sending "/shortcut".
            cannedReplies.stream().filter(c -> c.shortcut().startsWith(text.substring(1).toLowerCase(java.util.Locale.ROOT)))
                    .findFirst().ifPresentOrElse(this::useCanned, () -> say("No canned reply is called " + text + "."));
            return;
        }
        try {
            api.reply(token.get(), shown.id(), text);
            reply.clear();
            canned.setVisible(false);
            problem.setVisible(false);
            onChange.run();
            reload();
        } catch (InboxApiException failure) {
            say(failure.getMessage()); // e.g. "Your device is not connected ..." — the text stays for a retry
        }
    }

    /** "Maria assigned it to Bob Silva": routing and hand-overs between the messages, small and centred. */
    private static Div eventView(InboxApi.ConversationEvent event) {
        String to = event.toAgent() != null ? event.toAgent() : event.toQueue() != null ? "queue " + event.toQueue() : null;
        String text = switch (event.kind()) {
            case "routed" -> "Routed to " + (to == null ? "an agent" : to);
            case "claimed" -> "Claimed by " + (event.toAgent() == null ? event.actor() : event.toAgent());
            case "assigned" -> event.actor() + " assigned it to " + (to == null ? "someone" : to);
            case "transferred" -> event.actor() + " transferred it to " + (to == null ? "another queue" : to);
            case "resolved" -> "Resolved by " + event.actor();
            case "reopened" -> "Reopened by " + event.actor();
            case "backlogged" -> "Waiting in the queue for a free agent";
            default -> event.kind() + " (" + event.actor() + ")";
        };
        Div view = new Div(text + (event.reason() == null || event.reason().isBlank() ? "" : " — " + event.reason())
                + " · " + TIME.format(event.occurredAt()));
        view.addClassName("conversation-event");
        view.getStyle().set("align-self", "center").set("font-size", "var(--lumo-font-size-xs)")
                .set("color", "var(--lumo-secondary-text-color)");
        return view;
    }

    private static Div noteView(InboxApi.Note note) {
        Div view = new Div();
        view.addClassName("internal-note");
        view.getStyle().set("align-self", "center").set("max-width", "80%")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px dashed var(--lumo-warning-color, #d4a000)")
                .set("background", "var(--lumo-warning-color-10pct, #fff8e1)").set("border-radius", "var(--lumo-border-radius-m)");
        view.add(new Div("Note: " + note.body()));
        Span meta = new Span(TIME.format(note.createdAt()));
        meta.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        view.add(meta);
        return view;
    }

    private void act(String action) {
        if (shown == null) {
            return;
        }
        try {
            api.act(token.get(), shown.id(), action);
            problem.setVisible(false);
        } catch (InboxApiException failure) {
            say(failure.getMessage());
        }
        onChange.run();
        reload();
    }

    private void assign(InboxApi.Agent agent) {
        try {
            api.assign(token.get(), shown.id(), agent.id());
            problem.setVisible(false);
        } catch (InboxApiException failure) {
            say(failure.getMessage());
        }
        assignTo.clear();
        onChange.run();
        reload();
    }

    private void addNote() {
        String text = note.getValue().strip();
        if (shown == null) {
            return;
        }
        if (text.isEmpty()) {
            say("Write the note first.");
            return;
        }
        try {
            api.addNote(token.get(), shown.id(), text);
            note.clear();
            problem.setVisible(false);
            reload();
        } catch (InboxApiException failure) {
            say(failure.getMessage());
        }
    }

    private void showNothing() {
        if (leave != null) {
            leave.run();
            leave = () -> { };
        }
        shown = null;
        if (labels != null) {
            labels.removeAll();
            contact.removeAll();
            presence.setText("");
        }
        title.setText("Pick a conversation");
        state.setText("");
        timeline.removeAll();
        timeline.add(new Paragraph("Choose a conversation on the left to read it and answer."));
        claim.setVisible(false);
        assignTo.setVisible(false);
        transferTo.setVisible(false);
        resolve.setVisible(false);
        reopen.setVisible(false);
        note.setEnabled(false);
        addNote.setEnabled(false);
        reply.setEnabled(false);
        send.setEnabled(false);
        attach.setEnabled(false);
        attachmentViews.clear();
    }

    private void say(String sentence) {
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setText(sentence);
        problem.setVisible(true);
    }

    /** Not a problem: the outcome of what the user just did, in the same place. */
    private void confirm(String sentence) {
        problem.getStyle().set("color", "var(--lumo-success-text-color)");
        problem.setText(sentence);
        problem.setVisible(true);
    }
}
