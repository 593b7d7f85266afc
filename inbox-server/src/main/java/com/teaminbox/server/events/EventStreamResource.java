package com.teaminbox.server.events;

import com.teaminbox.server.Roles;
import com.teaminbox.server.agent.AgentDirectory;
import com.teaminbox.server.agent.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * GET /api/v1/events: a server-sent event stream of changes to the conversations the caller
 * may see (events "conversation", "message", "note" with the conversation's id), and for admins
 * and managers the "primary-phone" banner events (warning, incident, resumed). The first
 * event, "ready", says the subscription is in place. A person may hold
 * {@value EventBroadcaster#STREAMS_PER_PERSON} streams at once and a node
 * {@code inbox.events.max-streams}: one more is refused with 429 and Retry-After. The server
 * ends a stream (last event "end" with the reason) when its token expires, or within seconds
 * when the person is disabled or loses a role; the client opens it again with a fresh token.
 */
@Path("events")
@RequestScoped
@RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN})
public class EventStreamResource {

    @Inject
    private JsonWebToken token;

    @Inject
    private AgentDirectory agents;

    @Inject
    private EventBroadcaster broadcaster;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void subscribe(@Context SseEventSink sink, @Context Sse sse) {
        Caller caller = Caller.of(token);
        Instant expires = Instant.ofEpochSecond(token.getExpirationTime());
        broadcaster.subscribe(StreamOwner.of(agents.idOf(caller), caller.username(), caller.roles(), expires), sink, sse);
    }
}
