package com.teaminbox.server.events;

import com.teaminbox.server.conversation.ConversationAudience;
import com.teaminbox.server.conversation.ConversationQueries;
import com.teaminbox.server.conversation.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The open event streams and who is behind each. An event goes only to the subscribers who
 * may see its conversation, decided by the same rule the API's reads use, read once per event
 * for all of them; a primary-phone
 * event goes only to admins and managers (by the roles of the token that opened the stream).
 */
@ApplicationScoped
public class EventBroadcaster {

    private static final Logger LOG = Logger.getLogger(EventBroadcaster.class.getName());

    /** {@code staff}: an admin or manager, who also gets the primary-phone events. */
    record Subscriber(Viewer viewer, boolean staff, SseEventSink sink, Sse sse) {
    }

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    @Inject
    private ConversationQueries conversations;

    void subscribe(Viewer viewer, boolean staff, SseEventSink sink, Sse sse) {
        subscribers.add(new Subscriber(viewer, staff, sink, sse));
        sink.send(sse.newEventBuilder().name("ready").data("{}").build());
    }

    int subscriberCount() {
        return subscribers.size();
    }

    void publish(InboxEvent event) {
        ConversationAudience audience = null;
        for (Subscriber subscriber : subscribers) {
            if (subscriber.sink().isClosed()) {
                subscribers.remove(subscriber);
                continue;
            }
            if (event.staffOnly()) {
                if (!subscriber.staff()) {
                    continue;
                }
            } else {
                if (audience == null) {
                    audience = conversations.audience(event.conversationId());
                }
                if (!audience.includes(subscriber.viewer())) {
                    continue;
                }
            }
            OutboundSseEvent outbound = subscriber.sse().newEventBuilder()
                    .name(event.kind())
                    .data(event.toJson())
                    .build();
            subscriber.sink().send(outbound).whenComplete((ok, failure) -> {
                if (failure != null) {
                    subscribers.remove(subscriber);
                    LOG.fine(() -> "Dropped a closed event stream of " + subscriber.viewer().username());
                }
            });
        }
    }
}
