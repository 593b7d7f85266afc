package com.teaminbox.ui.api;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * inbox-server's REST API as the UI uses it. Every call carries the signed-in user's own
 * access token, so the server authorises the person, never the UI.
 */
@ApplicationScoped
public class InboxApi {

    public record Me(String username, String displayName, String email, List<String> roles) {
    }

    public record Agent(long id, String username, String displayName, String email, List<String> roles,
                        Instant firstSeenAt, Instant lastSeenAt, String status, Integer capacity) {
    }

    public record AuditEntry(long id, java.time.OffsetDateTime occurredAt, String actor, String action, String subjectType,
                             String subjectId, String device, String details) {
    }

    public record AuditPage(List<AuditEntry> items, String next) {
    }

    public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenId, String problem) {
    }

    /** A conversation as the list and the pane show it. */
    public record Conversation(long id, long accountId, long contactId, String contactName, String contactPhone,
                               long queueId, String status, Long assigneeId, int priority, Instant openedAt,
                               Instant assignedAt, Instant firstResponseAt, Instant lastCustomerMessageAt,
                               Instant resolvedAt, Instant replyDueAt, long unread, String waitingReason) {
        /** The customer as a person reads it: their name, else their number, else the record id. */
        public String customer() {
            if (contactName != null && !contactName.isBlank()) {
                return contactName;
            }
            return contactPhone != null ? contactPhone : "Customer " + contactId;
        }
    }

    public record ConversationPage(List<Conversation> items, String next) {
    }

    public record Message(long id, String direction, String networkMessageId, String sentFrom, Long deviceId, Long agentId,
                          String agentName, String body, String mediaReference, String deliveryState, String failureReason,
                          Instant sentAt, Attachment attachment) {

        /**
         * A file sent with the message ({@code body} is then its caption, or null); {@code url} is relative to the API base.
         * {@code refused}: the server's sentence when the file was refused on arrival and is never fetched; else null.
         */
        public record Attachment(String mimeType, String fileName, long size, String url, String refused) {
            /** The raster types shown as an {@code <img>}; SVG and every other type is a download (it may carry script). */
            public static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

            public boolean isImage() {
                return mimeType != null
                        && INLINE_TYPES.contains(mimeType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** An attachment's bytes as the server streams them; close it (or its stream) when done. */
    public record Media(String mimeType, String fileName, long size, java.io.InputStream content) implements AutoCloseable {
        @Override
        public void close() throws java.io.IOException {
            content.close();
        }
    }

    public record MessagePage(List<Message> items, String next) {
    }

    public record Note(long id, long agentId, String body, Instant createdAt) {
    }

    /** Which conversations a list shows. */
    /** A companion device's health, as the devices screen shows it. */
    public record Device(long id, long accountId, long agentId, String agentName, String state, String reason,
                         String deviceName, String platform, String networkAddress, Instant stateChangedAt,
                         Instant lastSeenAt, long messagesIn, long messagesOut) {
    }

    public record AccountDevices(long accountId, String businessNumber, int budget, int used, List<Device> devices,
                                 List<String> notManagedByTeamInbox) {
    }

    /** How a link goes: stage, QR text and its remaining life, pairing code, history sync, problem. */
    public record Link(long deviceId, String state, String stage, String qr, Long qrSecondsLeft, Integer qrNumber,
                       Integer qrCount, String pairingCode, Integer historyPercent, String problem) {
    }

    /** An agent whose device the network removed in the latest mass logout and who has none now. */
    public record RelinkCandidate(long accountId, String businessNumber, long agentId, String agentName) {
    }

    /** What "Re-link all" did for one agent: the link it started, or the sentence why not. */
    public record RelinkOutcome(long accountId, String businessNumber, long agentId, String agentName, Link link,
                                String problem) {
    }

    public record CannedReply(long id, Long accountId, String shortcut, String body) {
    }

    public record QueueRef(long id, String name, long accountId) {
    }

    public record DeviceRef(long accountId, long deviceId, String state, Instant stateChangedAt) {
    }

    /** An agent as the admin screen shows it (GET /admin/agents). */
    public record ManagedAgent(long id, String username, String displayName, String email, List<String> roles, int capacity,
                               String status, boolean disabled, Instant disabledAt, String disabledReason,
                               List<QueueRef> queues, List<DeviceRef> devices) {
    }

    public record Queue(long id, long accountId, String name, String routingPolicy, boolean isDefault, Integer slaSeconds,
                        boolean member) {
    }

    /** The Settings screen's values as in force (GET /admin/settings); secrets only as "set" flags. */
    public record Settings(PrimaryPhoneSettings primaryPhone, MailSettings mail, WebhookSettings webhook, List<QueueSettings> queues) {
    }

    public record PrimaryPhoneSettings(List<String> warningThresholds, List<String> configuredThresholds, boolean saved) {
    }

    public record MailSettings(String host, int port, String from, String username, boolean passwordSet, boolean startTls,
                               List<String> recipients, boolean saved) {
    }

    /** {@code allowPrivateAddresses}: the webhook may go to loopback, link-local and private addresses. */
    public record WebhookSettings(String url, boolean secretSet, boolean allowPrivateAddresses, boolean saved) {
    }

    public record QueueSettings(long id, long accountId, String accountName, String name, String routingPolicy, Integer slaMinutes,
                                Integer slaSeconds, String timeZone, String opensAt, String closesAt, List<Integer> openDays,
                                String outOfHoursReply, List<DayHours> dayHours) {
    }

    /** A weekday (1 Monday … 7 Sunday) whose business hours differ from the queue's usual ones. */
    public record DayHours(int day, String opensAt, String closesAt) {
    }

    /** The business phone of one account as the 14-day watch sees it (GET /primary-phone). */
    public record PrimaryPhone(long accountId, String phoneNumber, String name, boolean monitored, Instant networkNow,
                               Instant lastActivityAt, String lastActivitySource, Instant logoutAt, Long timeLeftSeconds,
                               String timeLeft, List<String> activeWarnings, List<PrimaryWarning> warningHistory,
                               List<PrimaryIncident> incidents, List<PrimaryObservation> recentActivity) {
    }

    public record PrimaryWarning(String threshold, Instant periodStart, Instant raisedAt, long timeLeftSeconds) {
    }

    public record PrimaryIncident(long id, Instant occurredAt, Instant lastActivityAt, String devices, List<String> recovery) {
    }

    public record PrimaryObservation(Instant observedAt, String source, Long deviceId) {
    }

    /** A routing or hand-over step of a conversation. */
    public record ConversationEvent(long id, String kind, String actor, String fromAgent, String toAgent, String fromQueue,
                                    String toQueue, String reason, Instant occurredAt) {
    }

    public enum Scope {
        MINE, UNASSIGNED, VISIBLE
    }

    @Inject
    @ConfigProperty(name = "inbox.api.url")
    String apiUrl;

    private final Client client = ClientBuilder.newBuilder()
            .connectTimeout(3, TimeUnit.SECONDS)
            .readTimeout(10, TimeUnit.SECONDS)
            .build();

    private static final String UNREACHABLE = "The inbox server cannot be reached right now. Try again in a moment.";

    /** For files: the JAX-RS client would buffer a 64 MiB body in memory; this one streams it from disk. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    /** Reads answers of {@link #http} the way the JAX-RS client's JSON-B provider reads the others (unknown fields ignored). */
    private final Jsonb json = JsonbBuilder.create();

    public Me me(String accessToken) {
        return get("/v1/me", accessToken, new GenericType<>() { });
    }

    public List<Agent> agents(String accessToken) {
        return get("/v1/agents", accessToken, new GenericType<>() { });
    }

    public ConversationPage conversations(String accessToken, Scope scope, String status, String cursor, int limit) {
        return conversations(accessToken, scope, status, null, cursor, limit);
    }

    /** @param search contact name, number or message text (at least two characters), or null */
    public ConversationPage conversations(String accessToken, Scope scope, String status, String search, String cursor,
                                          int limit) {
        StringBuilder path = new StringBuilder("/v1/conversations?scope=").append(scope.name().toLowerCase(Locale.ROOT))
                .append("&limit=").append(limit);
        if (status != null) {
            path.append("&status=").append(status);
        }
        if (search != null && search.strip().length() >= 2) {
            path.append("&q=").append(java.net.URLEncoder.encode(search.strip(), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (cursor != null) {
            path.append("&cursor=").append(cursor);
        }
        return get(path.toString(), accessToken, new GenericType<>() { });
    }

    public Conversation conversation(String accessToken, long id) {
        return get("/v1/conversations/" + id, accessToken, new GenericType<>() { });
    }

    public MessagePage messages(String accessToken, long conversationId, String cursor) {
        return get("/v1/conversations/" + conversationId + "/messages?limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                accessToken, new GenericType<>() { });
    }

    public List<Note> notes(String accessToken, long conversationId) {
        return get("/v1/conversations/" + conversationId + "/notes", accessToken, new GenericType<>() { });
    }

    /** Queues a reply to the customer; it leaves from the caller's own device. */
    public void reply(String accessToken, long conversationId, String text) {
        post("/v1/conversations/" + conversationId + "/messages", accessToken, Json.createObjectBuilder().add("text", text).build());
    }

    /**
     * Sends a file to the customer from the caller's own device, streamed from disk (files go up
     * to 64 MiB); {@code caption} may be null. Answers the stored message, like a reply (null if
     * the answer could not be read: the file was accepted all the same).
     */
    public Message sendAttachment(String accessToken, long conversationId, String fileName, String mimeType,
                                  java.nio.file.Path file, String caption) {
        String path = "/v1/conversations/" + conversationId + "/attachments?fileName=" + queryValue(fileName)
                + (caption == null || caption.isBlank() ? "" : "&caption=" + queryValue(caption));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + path))
                    .header("Authorization", "Bearer " + accessToken)
                    .header("Accept", MediaType.APPLICATION_JSON)
                    .header("Content-Type", mimeType == null || mimeType.isBlank() ? MediaType.APPLICATION_OCTET_STREAM : mimeType)
                    // Room for 64 MiB on a slow link; the server answers once the device has the file queued.
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
            HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() >= 300) {
                throw new InboxApiException(response.statusCode(), sentenceFor(response.statusCode(), response.body()));
            }
            try {
                return response.body().isBlank() ? null : json.fromJson(response.body(), Message.class);
            } catch (jakarta.json.bind.JsonbException unreadable) {
                return null; // it was sent; the caller re-reads the conversation anyway
            }
        } catch (java.io.FileNotFoundException gone) {
            throw new InboxApiException(0, "The uploaded file is no longer there. Attach it again.");
        }
    }

    /**
     * An attachment's file, streamed (not buffered) so that large documents pass through; the
     * caller closes it. A missing or unreadable file comes back as an {@link InboxApiException}.
     */
    public Media media(String accessToken, long conversationId, long messageId) {
        String path = "/v1/conversations/" + conversationId + "/messages/" + messageId + "/media";
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + path))
                .header("Authorization", "Bearer " + accessToken)
                // The server may first fetch the file from the network's media host.
                .timeout(Duration.ofSeconds(60))
                .GET().build();
        HttpResponse<java.io.InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String problem;
            try (java.io.InputStream body = response.body()) {
                problem = new String(body.readNBytes(16_384), StandardCharsets.UTF_8);
            } catch (IOException unreachable) {
                throw new InboxApiException(UNREACHABLE, unreachable);
            }
            throw new InboxApiException(response.statusCode(), sentenceFor(response.statusCode(), problem));
        }
        var headers = response.headers();
        return new Media(headers.firstValue("Content-Type").orElse(MediaType.APPLICATION_OCTET_STREAM),
                fileNameIn(headers.firstValue("Content-Disposition").orElse(null)),
                headers.firstValueAsLong("Content-Length").orElse(-1), response.body());
    }

    /** One call through {@link #http}; a server that cannot be reached becomes the same sentence as elsewhere. */
    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException unreachable) {
            throw new InboxApiException(UNREACHABLE, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InboxApiException(UNREACHABLE, interrupted);
        }
    }

    /** {@code filename*=UTF-8''...} (RFC 6266) or {@code filename="..."}; null when neither is there. */
    static String fileNameIn(String contentDisposition) {
        if (contentDisposition == null) {
            return null;
        }
        var extended = java.util.regex.Pattern.compile("filename\\*\\s*=\\s*UTF-8''([^;\\s]+)", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(contentDisposition);
        if (extended.find()) {
            return java.net.URLDecoder.decode(extended.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        var plain = java.util.regex.Pattern.compile("filename\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"|filename\\s*=\\s*([^;\\s]+)",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(contentDisposition);
        if (plain.find()) {
            return plain.group(1) != null ? plain.group(1).replaceAll("\\\\(.)", "$1") : plain.group(2);
        }
        return null;
    }

    /** A query parameter value; %20 rather than + for spaces, which every server reads the same way. */
    private static String queryValue(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The user has read the conversation: their unread count for it becomes zero. */
    public void markRead(String accessToken, long conversationId) {
        post("/v1/conversations/" + conversationId + "/read", accessToken, null);
    }

    public List<ConversationEvent> events(String accessToken, long conversationId) {
        return get("/v1/conversations/" + conversationId + "/events", accessToken, new GenericType<>() { });
    }

    /** Hands the conversation to a queue (routing picks someone there, or it waits in its backlog). */
    public void transferToQueue(String accessToken, long conversationId, long queueId, String reason) {
        transfer(accessToken, conversationId, "queueId", queueId, reason);
    }

    /** A colleague the conversation can go to, with what tells whether that is sensible now. */
    public record AgentTarget(long id, String displayName, String status, long openConversations, int capacity,
                              String deviceState, boolean canReply, boolean servesQueue) {
    }

    public record QueueTarget(long id, String name, long waiting) {
    }

    public record TransferTargets(List<AgentTarget> agents, List<QueueTarget> queues) {
    }

    public TransferTargets transferTargets(String accessToken, long conversationId) {
        return get("/v1/conversations/" + conversationId + "/transfer-targets", accessToken, new GenericType<>() { });
    }

    /** Hands the conversation to a colleague, who has it at once (a transfer, not a routing). */
    public void transferToAgent(String accessToken, long conversationId, long agentId, String reason) {
        transfer(accessToken, conversationId, "agentId", agentId, reason);
    }

    /** {@code target} names the field: agentId or queueId (the API takes exactly one). */
    private void transfer(String accessToken, long conversationId, String target, long id, String reason) {
        var body = Json.createObjectBuilder().add(target, id);
        if (reason != null && !reason.isBlank()) {
            body.add("reason", reason);
        }
        post("/v1/conversations/" + conversationId + "/transfer", accessToken, body.build());
    }

    public List<String> labels(String accessToken, long conversationId) {
        return get("/v1/conversations/" + conversationId + "/labels", accessToken, new GenericType<>() { });
    }

    public void addLabel(String accessToken, long conversationId, String name) {
        post("/v1/conversations/" + conversationId + "/labels", accessToken, Json.createObjectBuilder().add("name", name).build());
    }

    public void removeLabel(String accessToken, long conversationId, String name) {
        send("DELETE", "/v1/conversations/" + conversationId + "/labels/"
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"), accessToken, null);
    }

    public void addNote(String accessToken, long conversationId, String body) {
        post("/v1/conversations/" + conversationId + "/notes", accessToken, Json.createObjectBuilder().add("body", body).build());
    }

    /** claim, resolve or reopen */
    public void act(String accessToken, long conversationId, String action) {
        post("/v1/conversations/" + conversationId + "/" + action, accessToken, null);
    }

    public void assign(String accessToken, long conversationId, long agentId) {
        post("/v1/conversations/" + conversationId + "/assign", accessToken, Json.createObjectBuilder().add("agentId", agentId).build());
    }

    /** Newest first; null filters are left out. */
    public AuditPage audit(String accessToken, String action, String actor, String cursor, int limit) {
        StringBuilder path = new StringBuilder("/v1/audit?limit=").append(limit);
        if (action != null && !action.isBlank()) {
            path.append("&action=").append(java.net.URLEncoder.encode(action.strip(), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (actor != null && !actor.isBlank()) {
            path.append("&actor=").append(java.net.URLEncoder.encode(actor.strip(), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (cursor != null) {
            path.append("&cursor=").append(cursor);
        }
        return get(path.toString(), accessToken, new GenericType<>() { });
    }

    public ChainVerification verifyAudit(String accessToken) {
        return get("/v1/audit/verify", accessToken, new GenericType<>() { });
    }

    public List<PrimaryPhone> primaryPhones(String accessToken) {
        return get("/v1/primary-phone", accessToken, new GenericType<>() { });
    }

    public List<ManagedAgent> managedAgents(String accessToken) {
        return get("/v1/admin/agents", accessToken, new GenericType<>() { });
    }

    public List<Queue> queues(String accessToken) {
        return get("/v1/queues", accessToken, new GenericType<>() { });
    }

    /** Creates the agent's Keycloak user and inbox record; a taken name or bad field comes back as a sentence. */
    public void createAgent(String accessToken, String username, String email, String displayName, int capacity,
                            List<Long> queueIds, String temporaryPassword) {
        var queues = Json.createArrayBuilder();
        queueIds.forEach(queues::add);
        var body = Json.createObjectBuilder().add("username", username).add("email", email).add("displayName", displayName)
                .add("capacity", capacity).add("queueIds", queues);
        if (temporaryPassword != null && !temporaryPassword.isBlank()) {
            body.add("temporaryPassword", temporaryPassword);
        }
        post("/v1/admin/agents", accessToken, body.build());
    }

    public void editAgent(String accessToken, long agentId, int capacity, List<Long> queueIds) {
        var queues = Json.createArrayBuilder();
        queueIds.forEach(queues::add);
        send("PATCH", "/v1/admin/agents/" + agentId, accessToken,
                Json.createObjectBuilder().add("capacity", capacity).add("queueIds", queues).build());
    }

    public void disableAgent(String accessToken, long agentId, String reason) {
        post("/v1/admin/agents/" + agentId + "/disable", accessToken, Json.createObjectBuilder().add("reason", reason).build());
    }

    public void enableAgent(String accessToken, long agentId) {
        post("/v1/admin/agents/" + agentId + "/enable", accessToken, null);
    }

    public Settings settings(String accessToken) {
        return get("/v1/admin/settings", accessToken, new GenericType<>() { });
    }

    public void saveWarningThresholds(String accessToken, List<String> thresholds) {
        var list = Json.createArrayBuilder();
        thresholds.forEach(list::add);
        send("PUT", "/v1/admin/settings/primary-phone", accessToken, Json.createObjectBuilder().add("warningThresholds", list).build());
    }

    /** {@code password} null keeps the saved one, empty removes it. */
    public void saveMail(String accessToken, String host, Integer port, String from, String username, String password,
                         boolean startTls, List<String> recipients) {
        var list = Json.createArrayBuilder();
        recipients.forEach(list::add);
        var body = Json.createObjectBuilder().add("host", host).add("from", from).add("username", username)
                .add("startTls", startTls).add("recipients", list);
        if (port != null) {
            body.add("port", port);
        }
        if (password != null) {
            body.add("password", password);
        }
        send("PUT", "/v1/admin/settings/mail", accessToken, body.build());
    }

    /** {@code secret} null keeps the saved one, empty removes it. */
    public void saveWebhook(String accessToken, String url, String secret, boolean allowPrivateAddresses) {
        var body = Json.createObjectBuilder().add("url", url).add("allowPrivateAddresses", allowPrivateAddresses);
        if (secret != null) {
            body.add("secret", secret);
        }
        send("PUT", "/v1/admin/settings/webhook", accessToken, body.build());
    }

    public void saveQueueSettings(String accessToken, long queueId, String routingPolicy, Integer slaMinutes, String timeZone,
                                  String opensAt, String closesAt, List<Integer> openDays, String outOfHoursReply,
                                  List<DayHours> dayHours) {
        var days = Json.createArrayBuilder();
        openDays.forEach(days::add);
        var ownHours = Json.createArrayBuilder();
        dayHours.forEach(d -> ownHours.add(Json.createObjectBuilder().add("day", d.day()).add("opensAt", d.opensAt())
                .add("closesAt", d.closesAt())));
        var body = Json.createObjectBuilder().add("routingPolicy", routingPolicy).add("timeZone", timeZone).add("openDays", days)
                .add("outOfHoursReply", outOfHoursReply == null ? "" : outOfHoursReply).add("dayHours", ownHours);
        if (slaMinutes != null) {
            body.add("slaMinutes", slaMinutes);
        }
        if (opensAt != null) {
            body.add("opensAt", opensAt);
        }
        if (closesAt != null) {
            body.add("closesAt", closesAt);
        }
        send("PUT", "/v1/admin/settings/queues/" + queueId, accessToken, body.build());
    }

    /** The section goes back to the values in the server's configuration. */
    public void resetSettings(String accessToken, String section) {
        send("DELETE", "/v1/admin/settings/" + section, accessToken, null);
    }

    /** Subscribes to the live event stream with the user's token; close it when the view goes. */
    public LiveEvents liveEvents(java.util.function.Supplier<String> accessToken, java.util.function.LongConsumer changed) {
        return new LiveEvents(apiUrl, accessToken, changed);
    }

    /** For totals screens: any event of these kinds, at most one call a second (see LiveEvents.ofKinds). */
    public LiveEvents liveChanges(java.util.function.Supplier<String> accessToken, java.util.Set<String> kinds, Runnable changed) {
        return LiveEvents.ofKinds(apiUrl, accessToken, kinds, changed);
    }

    /** The canned replies for an account (shared ones included). */
    public List<CannedReply> cannedReplies(String accessToken, long accountId) {
        return get("/v1/canned-replies?account=" + accountId, accessToken, new GenericType<>() { });
    }

    public List<AccountDevices> accountDevices(String accessToken) {
        return get("/v1/devices/accounts", accessToken, new GenericType<>() { });
    }

    /** Starts linking a device for an agent; refused with a sentence when the budget is full or a device exists. */
    public Link startLink(String accessToken, long accountId, long agentId, boolean byPairingCode, boolean replaceExisting) {
        JsonObject body = Json.createObjectBuilder().add("accountId", accountId).add("agentId", agentId)
                .add("method", byPairingCode ? "pairing-code" : "qr").add("replaceExisting", replaceExisting).build();
        try (Response response = client.target(apiUrl + "/v1/devices").request(MediaType.APPLICATION_JSON_TYPE)
                .header("Authorization", "Bearer " + accessToken)
                .post(Entity.entity(body.toString(), MediaType.APPLICATION_JSON_TYPE))) {
            if (response.getStatus() != 201) {
                throw new InboxApiException(response.getStatus(), sentenceFor(response));
            }
            return response.readEntity(Link.class);
        } catch (ProcessingException unreachable) {
            throw new InboxApiException(UNREACHABLE, unreachable);
        }
    }

    public List<RelinkCandidate> relinkCandidates(String accessToken) {
        return get("/v1/devices/relink", accessToken, new GenericType<>() { });
    }

    /** Starts a link for every agent the network's 14-day rule logged out; per agent, what happened. */
    public List<RelinkOutcome> relinkAll(String accessToken, boolean byPairingCode) {
        JsonObject body = Json.createObjectBuilder().add("method", byPairingCode ? "pairing-code" : "qr").build();
        try (Response response = client.target(apiUrl + "/v1/devices/relink").request(MediaType.APPLICATION_JSON_TYPE)
                .header("Authorization", "Bearer " + accessToken)
                .post(Entity.entity(body.toString(), MediaType.APPLICATION_JSON_TYPE))) {
            if (response.getStatus() != 200) {
                throw new InboxApiException(response.getStatus(), sentenceFor(response));
            }
            return response.readEntity(new GenericType<>() { });
        } catch (ProcessingException unreachable) {
            throw new InboxApiException(UNREACHABLE, unreachable);
        }
    }

    public Link link(String accessToken, long deviceId) {
        return get("/v1/devices/" + deviceId + "/link", accessToken, new GenericType<>() { });
    }

    /** The running link's QR code as a PNG. */
    public byte[] qrImage(String accessToken, long deviceId) {
        return get("/v1/devices/" + deviceId + "/link/qr.png?size=280", accessToken, new GenericType<byte[]>() { }, "image/png");
    }

    public void reconnect(String accessToken, long deviceId) {
        post("/v1/devices/" + deviceId + "/reconnect", accessToken, null);
    }

    public void revoke(String accessToken, long deviceId, String reason) {
        post("/v1/devices/" + deviceId + "/revoke", accessToken, Json.createObjectBuilder().add("reason", reason).build());
    }

    public void setStatus(String accessToken, String status) {
        send("PUT", "/v1/agents/me/status", accessToken, Json.createObjectBuilder().add("status", status).build());
    }

    private void post(String path, String accessToken, JsonObject body) {
        send("POST", path, accessToken, body);
    }

    private void send(String method, String path, String accessToken, JsonObject body) {
        var request = client.target(apiUrl + path).request(MediaType.APPLICATION_JSON_TYPE)
                .header("Authorization", "Bearer " + accessToken)
                // Jersey's default connector refuses PATCH unless told to work around HttpURLConnection.
                .property("jersey.config.client.httpUrlConnection.setMethodWorkaround", true);
        try (Response response = "DELETE".equals(method) ? request.delete()
                : request.method(method, Entity.entity(body == null ? "{}" : body.toString(), MediaType.APPLICATION_JSON_TYPE))) {
            if (response.getStatus() >= 300) {
                throw new InboxApiException(response.getStatus(), sentenceFor(response));
            }
        } catch (ProcessingException unreachable) {
            throw new InboxApiException(UNREACHABLE, unreachable);
        }
    }

    private <T> T get(String path, String accessToken, GenericType<T> type) {
        return get(path, accessToken, type, MediaType.APPLICATION_JSON);
    }

    /** A GET with the user's token; refusals become an {@link InboxApiException} with a sentence. Shared by {@link ReportsApi}. */
    <T> T get(String path, String accessToken, GenericType<T> type, String accept) {
        try (Response response = client.target(apiUrl + path).request(accept)
                .header("Authorization", "Bearer " + accessToken).get()) {
            if (response.getStatus() == 200) {
                return response.readEntity(type);
            }
            throw new InboxApiException(response.getStatus(), sentenceFor(response));
        } catch (ProcessingException unreachable) {
            throw new InboxApiException(UNREACHABLE, unreachable);
        }
    }

    /** The server's own problem detail when it sent one, otherwise a sentence for the status. */
    private static String sentenceFor(Response response) {
        String body;
        try {
            body = response.readEntity(String.class);
        } catch (RuntimeException unreadable) {
            body = null;
        }
        return sentenceFor(response.getStatus(), body);
    }

    /** The same for an answer read as text (the file calls, which bypass the JAX-RS client). */
    static String sentenceFor(int status, String body) {
        if (body != null && !body.isBlank()) {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                JsonObject problem = reader.readObject();
                if (problem.containsKey("detail") && !problem.isNull("detail")) {
                    return problem.getString("detail");
                }
            } catch (RuntimeException notAProblem) {
                // fall through to the generic sentence
            }
        }
        return switch (status) {
            case 401 -> "Your sign-in has expired. Reload the page to sign in again.";
            case 403 -> "Your role does not allow this.";
            case 404 -> "That conversation is no longer available to you.";
            case 409 -> "Someone else changed this conversation a moment ago. The view has been refreshed.";
            case 413 -> "The file is larger than the inbox accepts.";
            default -> "The inbox server answered with an error (" + status + ").";
        };
    }

    @PreDestroy
    void close() {
        client.close();
        try {
            json.close();
        } catch (Exception ignored) {
            // nothing held that outlives the application
        }
    }
}
