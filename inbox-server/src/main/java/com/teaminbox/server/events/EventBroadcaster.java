package com.teaminbox.server.events;

import com.teaminbox.server.agent.AgentAccess;
import com.teaminbox.server.conversation.ConversationAudience;
import com.teaminbox.server.conversation.ConversationQueries;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The open event streams and who is behind each. An event goes only to the subscribers who
 * may see its conversation, decided by the same rule the API's reads use, read once per event
 * for all of them; a staff-only event goes only to admins and managers (by the roles of the
 * token that opened the stream). Each stream holds a place in {@link StreamSlots} until it ends.
 */
@ApplicationScoped
public class EventBroadcaster {

    private static final Logger LOG = Logger.getLogger(EventBroadcaster.class.getName());

    /** An inbox tab or two, the manager console and the devices screen, with one to spare. */
    static final int STREAMS_PER_PERSON = 5;

    record Subscriber(StreamOwner owner, SseEventSink sink, Sse sse, StreamSlots.Slot slot) {
    }

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    @Inject
    private ConversationQueries conversations;

    @Inject
    @ConfigProperty(name = "inbox.events.max-streams", defaultValue = "2000")
    int maxStreams;

    private StreamSlots slots;

    EventBroadcaster() {
    }

    /** Outside the container (unit tests). */
    EventBroadcaster(ConversationQueries conversations, int maxStreams) {
        this.conversations = conversations;
        this.maxStreams = maxStreams;
        init();
    }

    @PostConstruct
    void init() {
        slots = new StreamSlots(STREAMS_PER_PERSON, maxStreams);
    }

    /** Refused with {@link TooManyStreams} when the owner or this node holds the most streams allowed. */
    void subscribe(StreamOwner owner, SseEventSink sink, Sse sse) {
        Subscriber subscriber = new Subscriber(owner, sink, sse, slots.take(owner.agentId()));
        subscribers.add(subscriber);
        send(subscriber, sse.newEventBuilder().name("ready").data("{}").build());
    }

    int subscriberCount() {
        return subscribers.size();
    }

    void publish(InboxEvent event) {
        ConversationAudience audience = null;
        for (Subscriber subscriber : subscribers) {
            if (subscriber.sink().isClosed()) {
                drop(subscriber);
                continue;
            }
            if (event.staffOnly()) {
                if (!subscriber.owner().staff()) {
                    continue;
                }
            } else {
                if (audience == null) {
                    audience = conversations.audience(event.conversationId());
                }
                if (!audience.includes(subscriber.owner().viewer())) {
                    continue;
                }
            }
            send(subscriber, subscriber.sse().newEventBuilder().name(event.kind()).data(event.toJson()).build());
        }
    }

    /** The agents who hold open streams. */
    Set<Long> owners() {
        return subscribers.stream().map(subscriber -> subscriber.owner().agentId()).collect(Collectors.toSet());
    }

    /**
     * Ends each stream whose token expired, whose owner was disabled or lost a role the stream
     * was opened with ({@code access}: the owners' rows as they are now), saying why in its last event.
     */
    void endLapsed(Instant now, Map<Long, AgentAccess> access) {
        for (Subscriber subscriber : subscribers) {
            subscriber.owner().mustEnd(now, access.get(subscriber.owner().agentId())).ifPresent(end -> {
                send(subscriber, subscriber.sse().newEventBuilder().name(StreamEnd.EVENT).data(end.toJson()).build());
                drop(subscriber);
                LOG.fine(() -> "Ended the event stream of " + subscriber.owner().username() + ": " + end);
            });
        }
    }

    /**
     * A comment line to every stream. It keeps proxies from closing a quiet stream, and a write is
     * the only way to learn that a client went away: the failed write frees the stream's place.
     */
    void heartbeat() {
        for (Subscriber subscriber : subscribers) {
            send(subscriber, subscriber.sse().newEventBuilder().comment("heartbeat").build());
        }
    }

    private void send(Subscriber subscriber, OutboundSseEvent event) {
        try {
            subscriber.sink().send(event).whenComplete((ok, failure) -> {
                if (failure != null) {
                    drop(subscriber);
                }
            });
        } catch (IllegalStateException closed) {
            drop(subscriber); // closed between our look and the write
        }
    }

    private void drop(Subscriber subscriber) {
        if (subscribers.remove(subscriber)) {
            LOG.fine(() -> "Dropped the event stream of " + subscriber.owner().username());
        }
        subscriber.slot().free();
        if (!subscriber.sink().isClosed()) {
            subscriber.sink().close();
        }
    }
}
