package com.teaminbox.server.conversation;

import com.teaminbox.server.Roles;
import com.teaminbox.server.agent.AgentDirectory;
import com.teaminbox.server.agent.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import com.teaminbox.server.attachment.Attachment;
import com.teaminbox.server.attachment.AttachmentPolicy;
import com.teaminbox.server.attachment.AttachmentStore;
import com.teaminbox.server.attachment.MediaHost;
import com.teaminbox.server.attachment.MediaDisposition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import com.teaminbox.server.contact.Contact;
import com.teaminbox.server.contact.ContactDirectory;
import com.teaminbox.server.routing.WaitingReasons;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Conversations as agents and managers work them. What a caller cannot see answers 404, the
 * same as what does not exist.
 */
@Path("conversations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.MANAGER})
public class ConversationResource {

    private static final int MAX_PAGE = 100;

    @Inject
    private JsonWebToken token;

    @Inject
    private AgentDirectory agents;

    @Inject
    private ConversationQueries queries;

    @Inject
    private ConversationActions actions;

    @Inject
    private ContactDirectory contacts;

    @Inject
    private TransferTargets transferTargets;

    @Inject
    private AttachmentStore attachments;

    @Inject
    private MediaHost mediaHost;

    @Inject
    private com.teaminbox.server.outbox.ReplyService replies;

    @Inject
    private com.teaminbox.server.outbox.OutboxDispatcher outbox;

    @Inject
    private WaitingReasons waitingReasons;

    public record ConversationView(long id, long accountId, long contactId, String contactName, String contactPhone,
                                   long queueId, String status, Long assigneeId,
                                   int priority, Instant openedAt, Instant assignedAt, Instant firstResponseAt,
                                   Instant lastCustomerMessageAt, Instant resolvedAt, Instant replyDueAt, long unread,
                                   String waitingReason) {
        /** {@code waiting}: per queue, why its unassigned conversations cannot be routed now (see WaitingReasons). */
        static ConversationView of(Conversation c, Contact contact, Map<Long, Instant> replyDue, Map<Long, Long> unread,
                                   Map<Long, String> waiting) {
            return new ConversationView(c.id(), c.accountId(), c.contactId(),
                    contact == null ? null : contact.displayName(), contact == null ? null : contact.phoneNumber(),
                    c.queueId(), c.status().code(), c.assigneeId(),
                    c.priority(), c.openedAt(), c.assignedAt(), c.firstResponseAt(), c.lastCustomerMessageAt(), c.resolvedAt(),
                    replyDue.get(c.id()), unread.getOrDefault(c.id(), 0L), waitsForRouting(c) ? waiting.get(c.queueId()) : null);
        }
    }

    /** One page; pass {@code next} back as {@code cursor} for the following one (null: no more). */
    public record Page<T>(List<T> items, String next) {
    }

    /** A message as shown: who sent it (agent name, "the phone", a device), and how far it got. */
    public record MessageView(long id, String direction, String networkMessageId, String sentFrom, Long deviceId, Long agentId,
                              String agentName, String body, String mediaReference, String deliveryState, String failureReason,
                              Instant sentAt, AttachmentView attachment) {
        static MessageView of(Message m, Map<Long, String> agentNames, Map<Long, AttachmentStore.Summary> attachments) {
            AttachmentStore.Summary file = attachments.get(m.id());
            return new MessageView(m.id(), m.direction(), m.networkMessageId(), m.sentFrom(), m.deviceId(), m.agentId(),
                    m.agentId() == null ? null : agentNames.get(m.agentId()), m.body(), m.mediaReference(), m.deliveryState(),
                    m.failureReason(), m.sentAt(), file == null ? null : new AttachmentView(file.mimeType(), file.fileName(),
                    file.size(), "v1/conversations/" + m.conversationId() + "/messages/" + m.id() + "/media",
                    file.refusal().map(com.teaminbox.server.attachment.MediaRefusal::sentence).orElse(null)));
        }
    }

    /**
     * A message's file: what to draw, and where the opened file is (relative to the API's base).
     * {@code refused} is the sentence to show instead when the file was refused on arrival (its
     * url then answers 422 with the same sentence); null otherwise.
     */
    public record AttachmentView(String mimeType, String fileName, long size, String url, String refused) {
    }

    public record NoteRequest(@NotBlank @Size(max = 10_000) String body) {
    }

    public record NoteView(long id, long agentId, String body, Instant createdAt) {
    }

    public record AssignRequest(@NotNull @Positive Long agentId) {
    }

    /** Exactly one of agentId and queueId. */
    public record TransferRequest(@Positive Long agentId, @Positive Long queueId, @Size(max = 500) String reason) {
        @AssertTrue(message = "name exactly one of agentId and queueId")
        public boolean isTarget() {
            return (agentId == null) != (queueId == null);
        }
    }

    @GET
    public Page<ConversationView> list(@QueryParam("scope") @DefaultValue("visible") @Pattern(regexp = "mine|unassigned|visible") String scope,
                                       @QueryParam("status") @Pattern(regexp = "open|pending|resolved") String status,
                                       @QueryParam("queue") @Positive Long queue,
                                       @QueryParam("q") @Size(min = 2, max = 100) String search,
                                       @QueryParam("label") @Size(min = 1, max = 64) String label,
                                       @QueryParam("cursor") @Pattern(regexp = "[0-9]{1,18}") String cursor,
                                       @QueryParam("limit") @DefaultValue("25") @Min(1) @Max(MAX_PAGE) int limit) {
        List<Conversation> page = queries.list(viewer(), ConversationQueries.Scope.valueOf(scope.toUpperCase(Locale.ROOT)),
                status == null ? null : ConversationStatus.of(status), queue, search, label,
                cursor == null ? null : Long.valueOf(cursor), limit);
        String next = page.size() == limit ? Long.toString(page.get(page.size() - 1).id()) : null;
        Map<Long, Contact> customers = contacts.byIds(page.stream().map(Conversation::contactId).collect(Collectors.toSet()));
        List<Long> ids = page.stream().map(Conversation::id).toList();
        Map<Long, Instant> replyDue = queries.replyDue(ids);
        Map<Long, Long> unread = queries.unread(viewer(), ids);
        Map<Long, String> waiting = waitingReasons.forQueues(page.stream().filter(ConversationResource::waitsForRouting)
                .map(Conversation::queueId).collect(Collectors.toSet()));
        return new Page<>(page.stream().map(c -> ConversationView.of(c, customers.get(c.contactId()), replyDue, unread, waiting))
                .toList(), next);
    }

    @GET
    @Path("{id}")
    public ConversationView get(@PathParam("id") long id) {
        return view(queries.get(viewer(), id));
    }

    @GET
    @Path("{id}/messages")
    public Page<MessageView> messages(@PathParam("id") long id,
                                      @QueryParam("cursor") @Pattern(regexp = "[0-9]{1,18}") String cursor,
                                      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_PAGE) int limit) {
        List<Message> page = queries.messages(viewer(), id, cursor == null ? null : Long.valueOf(cursor), limit);
        String next = page.size() == limit ? Long.toString(page.get(page.size() - 1).id()) : null;
        Map<Long, String> names = agents.displayNames(page.stream().map(Message::agentId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, AttachmentStore.Summary> files = attachments.summaries(page.stream().map(Message::id).toList());
        return new Page<>(page.stream().map(m -> MessageView.of(m, names, files)).toList(), next);
    }

    /**
     * A reply: text, or (refused with a reason) the kinds a companion device may not send.
     * Live location and status posts are the primary phone's alone on this network.
     */
    public record ReplyRequest(@NotBlank @Size(max = 4096) String text,
                               @Pattern(regexp = "text|live-location|status", message = "must be text, live-location or status") String kind) {
    }

    /** Stores the reply and queues it for the caller's own device (202: sending follows). */
    @POST
    @Path("{id}/messages")
    public jakarta.ws.rs.core.Response reply(@PathParam("id") long id, @Valid @NotNull ReplyRequest request) {
        if ("live-location".equals(request.kind())) {
            throw new com.teaminbox.server.rest.ProblemException(422,
                    "Live location cannot be shared from a companion device; only the business phone itself can share it.");
        }
        if ("status".equals(request.kind())) {
            throw new com.teaminbox.server.rest.ProblemException(422,
                    "Status posts cannot be made from a companion device; post them from the business phone.");
        }
        var queued = replies.reply(viewer(), id, request.text());
        outbox.wake();
        return jakarta.ws.rs.core.Response.accepted(storedReply(id, queued)).build();
    }

    private MessageView storedReply(long conversationId, com.teaminbox.server.outbox.ReplyService.QueuedReply queued) {
        return queries.messages(viewer(), conversationId, null, 10).stream()
                .filter(m -> m.id() == queued.messageId()).findFirst()
                .map(m -> MessageView.of(m, agents.displayNames(Set.of(queued.agentId())),
                        attachments.summaries(List.of(m.id())))).orElseThrow();
    }

    /**
     * A file for the customer, sent like a reply from the caller's own device: the body is the
     * file itself (its type in Content-Type), the name and an optional caption in the query.
     * Refused before anything is stored or uploaded: a program or script (415), an empty file
     * (422), more than 64 MiB (413).
     */
    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    public jakarta.ws.rs.core.Response attach(@PathParam("id") long id,
                                              @QueryParam("fileName") @NotBlank @Size(max = 255) String fileName,
                                              @QueryParam("caption") @Size(max = 4096) String caption,
                                              @jakarta.ws.rs.HeaderParam("Content-Type") String contentType,
                                              java.io.InputStream body) throws java.io.IOException {
        String type = contentType == null || contentType.isBlank() ? MediaType.APPLICATION_OCTET_STREAM
                : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        java.util.Optional<String> refusal = AttachmentPolicy.refusal(fileName, type);
        if (refusal.isPresent()) {
            throw new com.teaminbox.server.rest.ProblemException(415, refusal.get());
        }
        byte[] file = body == null ? new byte[0] : body.readNBytes((int) AttachmentPolicy.MAX_BYTES + 1);
        if (file.length > AttachmentPolicy.MAX_BYTES) {
            throw new com.teaminbox.server.rest.ProblemException(413, fileName + " is larger than "
                    + AttachmentPolicy.humanSize(AttachmentPolicy.MAX_BYTES) + "; attachments may be at most 64 MB.");
        }
        if (file.length == 0) {
            throw new com.teaminbox.server.rest.ProblemException(422, fileName + " is empty; there is nothing to send.");
        }
        Viewer viewer = viewer();
        replies.checkCanReply(viewer, id);
        Attachment attachment = Attachment.of(mediaHost.upload(type, file), fileName.trim());
        String text = caption == null || caption.isBlank() ? null : caption;
        var queued = replies.reply(viewer, id, text, attachment);
        outbox.wake();
        return jakarta.ws.rs.core.Response.accepted(storedReply(id, queued)).build();
    }

    /**
     * The opened file of a message, for whoever may see the conversation: fetched from the
     * network's media host and checked against the message before a byte is returned. Only
     * raster images open inline; SVG, HTML and the rest download, never sniffed, under a
     * sandboxing CSP ({@link MediaDisposition}).
     */
    @GET
    @Path("{id}/messages/{messageId}/media")
    @Produces(MediaType.WILDCARD)
    public jakarta.ws.rs.core.Response media(@PathParam("id") long id, @PathParam("messageId") long messageId) {
        queries.get(viewer(), id); // 404 unless the caller may see the conversation
        boolean inConversation = queries.messageBelongsTo(messageId, id);
        Attachment attachment = (inConversation ? attachments.find(messageId) : java.util.Optional.<Attachment>empty())
                .orElseThrow(() -> new com.teaminbox.server.rest.ProblemException(404,
                        "Message " + messageId + " of conversation " + id + " has no attachment."));
        byte[] file = mediaHost.download(messageId, attachment);
        MediaDisposition shown = MediaDisposition.of(attachment.mimeType(), attachment.displayName());
        jakarta.ws.rs.core.Response.ResponseBuilder response = jakarta.ws.rs.core.Response.ok(file, shown.contentType())
                .header("Cache-Control", "private, max-age=3600");
        shown.headers().forEach(response::header);
        return response.build();
    }

    /** The caller has read the conversation up to its newest message (their unread count becomes 0). */
    @POST
    @Path("{id}/read")
    public jakarta.ws.rs.core.Response markRead(@PathParam("id") long id) {
        actions.markRead(viewer(), id);
        return jakarta.ws.rs.core.Response.noContent().build();
    }

    /** The conversation's history of routing and hand-overs, shown inline between the messages. */
    @GET
    @Path("{id}/events")
    public List<ConversationQueries.Event> events(@PathParam("id") long id) {
        return queries.events(viewer(), id);
    }

    @GET
    @Path("{id}/notes")
    public List<NoteView> notes(@PathParam("id") long id) {
        return queries.notes(viewer(), id).stream()
                .map(n -> new NoteView(n.id(), n.agentId(), n.body(), n.createdAt())).toList();
    }

    @POST
    @Path("{id}/notes")
    public NoteView note(@PathParam("id") long id, @Valid @NotNull NoteRequest request) {
        long note = actions.note(viewer(), id, request.body());
        return queries.notes(viewer(), id).stream().filter(n -> n.id() == note).findFirst()
                .map(n -> new NoteView(n.id(), n.agentId(), n.body(), n.createdAt())).orElseThrow();
    }

    public record LabelRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{L}\\p{N} _-]+", message = "letters, digits, space, _ and - only") String name) {
    }

    @GET
    @Path("{id}/labels")
    public List<String> labels(@PathParam("id") long id) {
        return queries.labels(viewer(), id);
    }

    @POST
    @Path("{id}/labels")
    public List<String> label(@PathParam("id") long id, @Valid @NotNull LabelRequest request) {
        Viewer viewer = viewer();
        actions.label(viewer, id, request.name());
        return queries.labels(viewer, id);
    }

    @jakarta.ws.rs.DELETE
    @Path("{id}/labels/{name}")
    public List<String> unlabel(@PathParam("id") long id, @PathParam("name") String name) {
        Viewer viewer = viewer();
        actions.unlabel(viewer, id, name);
        return queries.labels(viewer, id);
    }

    @POST
    @Path("{id}/claim")
    public ConversationView claim(@PathParam("id") long id) {
        actions.claim(viewer(), id);
        return get(id);
    }

    @POST
    @Path("{id}/assign")
    @RolesAllowed(Roles.MANAGER)
    public ConversationView assign(@PathParam("id") long id, @Valid @NotNull AssignRequest request) {
        actions.assign(viewer(), id, request.agentId());
        return get(id);
    }

    @POST
    @Path("{id}/transfer")
    public ConversationView transfer(@PathParam("id") long id, @Valid @NotNull TransferRequest request) {
        Viewer viewer = viewer();
        actions.transfer(viewer, id, request.agentId(), request.queueId(), request.reason());
        return viewAfterHandOver(viewer, id);
    }

    /** The colleagues and queues this conversation can be transferred to, for the pane's "Transfer to" choice. */
    @GET
    @Path("{id}/transfer-targets")
    public TransferTargets.Targets transferTargets(@PathParam("id") long id) {
        return transferTargets.of(viewer(), id);
    }

    @POST
    @Path("{id}/resolve")
    public ConversationView resolve(@PathParam("id") long id) {
        Viewer viewer = viewer();
        actions.resolve(viewer, id);
        return viewAfterHandOver(viewer, id);
    }

    @POST
    @Path("{id}/reopen")
    public ConversationView reopen(@PathParam("id") long id) {
        actions.reopen(viewer(), id);
        return get(id);
    }

    /** After a hand-over the caller may no longer see the conversation; the change happened, so say so with 200 and no body then. */
    private ConversationView viewAfterHandOver(Viewer viewer, long id) {
        try {
            return view(queries.get(viewer, id));
        } catch (ConversationNotFound gone) {
            return null;
        }
    }

    private ConversationView view(Conversation conversation) {
        return ConversationView.of(conversation, contacts.byIds(Set.of(conversation.contactId())).get(conversation.contactId()),
                queries.replyDue(List.of(conversation.id())), queries.unread(viewer(), List.of(conversation.id())),
                waitsForRouting(conversation) ? waitingReasons.forQueues(Set.of(conversation.queueId())) : Map.of());
    }

    private Viewer viewer() {
        Caller caller = Caller.of(token);
        return new Viewer(agents.idOf(caller), caller.username(), caller.roles().contains(Roles.MANAGER));
    }

    /** Unassigned and not resolved: the conversations that have a waiting reason worth asking for. */
    private static boolean waitsForRouting(Conversation conversation) {
        return conversation.assigneeId() == null && conversation.status() != ConversationStatus.RESOLVED;
    }
}
