package com.teaminbox.server.agent;

import com.teaminbox.server.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who am I, and who is on the team. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    @Inject
    private JsonWebToken token;

    @Inject
    private AgentDirectory directory;

    public record Me(String username, String displayName, String email, List<String> roles) {
    }

    public record AgentView(long id, String username, String displayName, String email, List<String> roles,
                            Instant firstSeenAt, Instant lastSeenAt, String status, int capacity) {
        static AgentView of(Agent agent) {
            return new AgentView(agent.id(), agent.username(), agent.displayName(), agent.email(), agent.roles(),
                    agent.firstSeenAt(), agent.lastSeenAt(), agent.status().code(), agent.capacity());
        }
    }

    public record StatusRequest(@NotNull @Pattern(regexp = "online|away|offline", message = "must be online, away or offline") String status) {
    }

    public record StatusView(String status, int capacity) {
    }

    /** Online, away or offline; coming online may hand the agent conversations from the backlog at once. */
    @PUT
    @Path("agents/me/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    public StatusView changeStatus(@Valid @NotNull StatusRequest request) {
        Caller caller = Caller.of(token);
        directory.changeStatus(caller, AgentStatus.of(request.status()));
        Agent agent = directory.find(directory.idOf(caller));
        return new StatusView(agent.status().code(), agent.capacity());
    }

    public record CapacityRequest(@NotNull @Min(0) @Max(1000) Integer capacity) {
    }

    @PUT
    @Path("agents/{id}/capacity")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public AgentView changeCapacity(@PathParam("id") long id, @Valid @NotNull CapacityRequest request) {
        directory.changeCapacity(Caller.of(token).username(), id, request.capacity());
        return AgentView.of(directory.find(id));
    }

    @GET
    @Path("me")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN})
    public Me me() {
        Caller caller = Caller.of(token);
        return new Me(caller.username(), caller.displayName(), caller.email(), List.copyOf(caller.roles()));
    }

    @GET
    @Path("agents")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public List<AgentView> agents() {
        return directory.all().stream().map(AgentView::of).toList();
    }
}
