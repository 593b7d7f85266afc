package com.teaminbox.server.device;

import com.teaminbox.server.Roles;
import com.teaminbox.server.agent.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The companion devices of every agent, for the admin: list them, revoke one. */
@Path("devices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeviceResource {

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private JsonWebToken token;

    @Inject
    private DeviceRegistry registry;

    public record DeviceView(long id, long accountId, long agentId, String state, String deviceName, Instant stateChangedAt) {
        static DeviceView of(CompanionDevice d) {
            return new DeviceView(d.id(), d.accountId(), d.agentId(), d.state().code(), d.deviceName(), d.stateChangedAt());
        }
    }

    public record RevokeRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @GET
    public List<DeviceView> devices() {
        return em.createQuery("SELECT d FROM CompanionDevice d ORDER BY d.accountId, d.agentId, d.id", CompanionDevice.class)
                .getResultList().stream().map(DeviceView::of).toList();
    }

    /** The device may no longer send for the business; its agent stops being routed to on that account. */
    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeviceView revoke(@PathParam("id") long id, @Valid @NotNull RevokeRequest request) {
        registry.transition(id, DeviceState.REVOKED, request.reason(), Caller.of(token).username());
        return DeviceView.of(em.find(CompanionDevice.class, id));
    }
}
