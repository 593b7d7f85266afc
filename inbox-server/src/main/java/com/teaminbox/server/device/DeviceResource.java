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
import com.teaminbox.server.device.session.DeviceSessions;
import com.teaminbox.server.rest.ProblemException;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;
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

    @Inject
    private DeviceSessions sessions;

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

    public record LinkRequest(@NotNull Long accountId, @NotNull Long agentId,
                              @NotNull @Pattern(regexp = "qr|pairing-code", message = "must be qr or pairing-code") String method,
                              @Size(max = 255) String deviceName) {
    }

    /** How linking goes: the QR text to scan (rotating), or the pairing code to type on the phone. */
    public record LinkView(long deviceId, String state, String qr, String pairingCode, String problem) {
    }

    /**
     * Starts linking a new companion device for an agent: the answer carries the first QR text
     * (poll {@code GET /devices/{id}/link} for the next) or the pairing code.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response link(@Valid @NotNull LinkRequest request) {
        String actor = Caller.of(token).username();
        String businessNumber = businessNumber(request.accountId());
        if (em.find(com.teaminbox.server.agent.Agent.class, request.agentId()) == null) {
            throw new ProblemException(404, "There is no agent " + request.agentId() + ".");
        }
        long id = registry.startLinking(request.accountId(), request.agentId(), request.deviceName(), actor);
        String code = null;
        if (request.method().equals("qr")) {
            sessions.startLinkByQr(id, request.accountId());
            awaitFirstQr(id);
        } else {
            try {
                code = sessions.startLinkByPairingCode(id, request.accountId(), businessNumber).toCompletableFuture()
                        .get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new ProblemException(502, "The network did not hand out a pairing code: " + e.getMessage());
            }
        }
        LinkView view = linkView(id, code);
        return Response.status(201).entity(view).build();
    }

    @GET
    @Path("{id}/link")
    public LinkView linkStatus(@PathParam("id") long id) {
        return linkView(id, null);
    }

    private LinkView linkView(long id, String code) {
        CompanionDevice device = em.find(CompanionDevice.class, id);
        if (device == null) {
            throw new DeviceNotFound(id);
        }
        var status = sessions.linkStatus(id);
        return new LinkView(id, device.state().code(), status.map(DeviceSessions.LinkStatus::qr).orElse(null), code,
                status.map(DeviceSessions.LinkStatus::problem).orElse(null));
    }

    private void awaitFirstQr(long id) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            var status = sessions.linkStatus(id);
            if (status.isPresent() && (status.get().qr() != null || status.get().problem() != null)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String businessNumber(long accountId) {
        var numbers = em.createNativeQuery("SELECT phone_number FROM business_account WHERE id = ?1")
                .setParameter(1, accountId).getResultList();
        if (numbers.isEmpty()) {
            throw new ProblemException(404, "There is no business account " + accountId + ".");
        }
        return (String) numbers.get(0);
    }

    /** The device may no longer send for the business; its agent stops being routed to on that account. */
    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeviceView revoke(@PathParam("id") long id, @Valid @NotNull RevokeRequest request) {
        registry.transition(id, DeviceState.REVOKED, request.reason(), Caller.of(token).username());
        sessions.revoked(id);
        return DeviceView.of(em.find(CompanionDevice.class, id));
    }
}
