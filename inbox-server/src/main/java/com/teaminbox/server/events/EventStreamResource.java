package com.teaminbox.server.events;

import com.teaminbox.server.Roles;
import com.teaminbox.server.agent.AgentDirectory;
import com.teaminbox.server.agent.Caller;
import com.teaminbox.server.conversation.Viewer;
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
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * GET /api/v1/events: a server-sent event stream of changes to the conversations the caller
 * may see (events "conversation", "message", "note" with the conversation's id), and for admins
 * and managers the "primary-phone" banner events (warning, incident, resumed). The first
 * event, "ready", says the subscription is in place.
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
        Viewer viewer = new Viewer(agents.idOf(caller), caller.username(), caller.roles().contains(Roles.MANAGER));
        boolean staff = caller.roles().contains(Roles.MANAGER) || caller.roles().contains(Roles.ADMIN);
        broadcaster.subscribe(viewer, staff, sink, sse);
    }
}
