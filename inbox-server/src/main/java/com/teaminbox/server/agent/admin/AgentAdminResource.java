package com.teaminbox.server.agent.admin;

import com.teaminbox.server.Roles;
import com.teaminbox.server.agent.Caller;
import com.teaminbox.server.rest.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Agent administration for admins: create an agent (Keycloak user with the agent role, and
 * the inbox's agent row with queues), edit, disable and enable them, list them all.
 */
@Path("admin/agents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AgentAdminResource {

    private static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,62}";
    /** Any name people go by: one word ("Erin") or several; control characters would corrupt lists and audit lines. */
    private static final String DISPLAY_NAME = "\\s*[^\\p{Cntrl}]*[^\\p{Cntrl}\\s][^\\p{Cntrl}]*\\s*";
    private static final String DISPLAY_NAME_RULE = "must be a name of 1 to 255 characters without control characters";

    @Inject
    private JsonWebToken token;

    @Inject
    private AgentAdministration administration;

    @Inject
    private AgentRecords records;

    public record CreateAgentRequest(
            @NotNull @Pattern(regexp = USERNAME,
                    message = "must be 2 to 63 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit")
            String username,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(max = 255) @Pattern(regexp = DISPLAY_NAME, message = DISPLAY_NAME_RULE) String displayName,
            @NotNull @Min(0) @Max(1000) Integer capacity,
            @NotNull List<@NotNull Long> queueIds,
            @Size(min = 8, max = 128) String temporaryPassword) {
    }

    public record EditAgentRequest(
            @Min(0) @Max(1000) Integer capacity,
            List<@NotNull Long> queueIds,
            @Size(max = 255) @Pattern(regexp = DISPLAY_NAME, message = DISPLAY_NAME_RULE) String displayName) {
    }

    public record DisableRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @GET
    public List<AgentRecords.AgentRow> agents() {
        return records.all();
    }

    @GET
    @Path("{id}")
    public AgentRecords.AgentRow agent(@PathParam("id") long id) {
        return records.one(id);
    }

    /** 201 with the new agent; the Keycloak user exists and has the agent role. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull CreateAgentRequest request) {
        long id = administration.create(actor(), new AgentAdministration.NewAgent(request.username(), request.email().strip(),
                request.displayName().strip(), request.capacity(), request.queueIds(), request.temporaryPassword()));
        return Response.created(UriBuilder.fromPath("/api/v1/admin/agents/{id}").build(id)).entity(records.one(id)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AgentRecords.AgentRow edit(@PathParam("id") long id, @Valid @NotNull EditAgentRequest request) {
        if (request.capacity() == null && request.queueIds() == null && request.displayName() == null) {
            throw new ProblemException(400, "Give at least one of capacity, queueIds and displayName.");
        }
        administration.edit(actor(), id, request.capacity(), request.queueIds(),
                request.displayName() == null ? null : request.displayName().strip());
        return records.one(id);
    }

    /** Sign-in off, devices revoked, open conversations back to their queues. */
    @POST
    @Path("{id}/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    public AgentRecords.AgentRow disable(@PathParam("id") long id, @Valid @NotNull DisableRequest request) {
        administration.disable(actor(), id, request.reason().strip());
        return records.one(id);
    }

    /** Sign-in on again; revoked devices stay revoked. */
    @POST
    @Path("{id}/enable")
    public AgentRecords.AgentRow enable(@PathParam("id") long id) {
        administration.enable(actor(), id);
        return records.one(id);
    }

    private String actor() {
        return Caller.of(token).username();
    }
}
