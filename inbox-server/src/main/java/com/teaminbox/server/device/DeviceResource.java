package com.teaminbox.server.device;

import com.teaminbox.server.Refusal;
import com.teaminbox.server.Roles;
import com.teaminbox.server.agent.Caller;
import com.teaminbox.server.device.session.DeviceSessions;
import com.teaminbox.server.device.session.ForeignDevices;
import com.teaminbox.server.device.session.LinkProgress;
import com.teaminbox.server.rest.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The companion devices of every agent, for the admin: their health, linking a new one (by QR
 * or pairing code, within the account's device budget), reconnecting, re-linking and revoking.
 */
@Path("devices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeviceResource {

    @Inject
    private JsonWebToken token;

    @Inject
    private DeviceRegistry registry;

    @Inject
    private DeviceSessions sessions;

    @Inject
    private ForeignDevices foreign;

    @Inject
    private DeviceHealth health;

    @Inject
    private LinkEventStreams linkStreams;

    /** Companion slots per business account; the network's limit is four. */
    @Inject
    @ConfigProperty(name = "inbox.devices.budget", defaultValue = "4")
    int budget;

    /**
     * A device's health: its state and the reason of the last change, platform, network
     * address, when it was last seen connected, and how many messages it received and sent.
     */
    public record DeviceView(long id, long accountId, long agentId, String agentName, String state, String reason,
                             String deviceName, String platform, String networkAddress, Instant stateChangedAt,
                             Instant lastSeenAt, long messagesIn, long messagesOut) {
    }

    /** One business account's devices: the budget, ours, and the companions someone linked elsewhere. */
    public record AccountDevices(long accountId, String businessNumber, int budget, int used, List<DeviceView> devices,
                                 List<String> notManagedByTeamInbox) {
    }

    public record RevokeRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record LinkRequest(@NotNull Long accountId, @NotNull Long agentId,
                              @NotNull @Pattern(regexp = "qr|pairing-code", message = "must be qr or pairing-code") String method,
                              @Size(max = 255) String deviceName,
                              Boolean replaceExisting) {
    }

    /** Re-link all: one method for every link (default QR), on one account or all. */
    public record RelinkRequest(Long accountId,
                                @Pattern(regexp = "qr|pairing-code", message = "must be qr or pairing-code") String method) {
    }

    /** Per agent what "Re-link all" did: the link started (follow it like any other), or why not. */
    public record RelinkOutcome(long accountId, String businessNumber, long agentId, String agentName, LinkView link,
                                String problem) {
    }

    /** How linking goes (see {@link LinkProgress}), and the device's stored state. */
    public record LinkView(long deviceId, String state, String stage, String qr, Long qrSecondsLeft, Integer qrNumber,
                           Integer qrCount, String pairingCode, Integer historyPercent, String problem) {
    }

    @GET
    public List<DeviceView> devices(@QueryParam("account") Long accountId) {
        return health.views(accountId, null);
    }

    /** Per account: the budget, how much of it is used, our devices and the foreign ones. */
    @GET
    @Path("accounts")
    public List<AccountDevices> byAccount() {
        return health.accounts().stream().map(a -> {
            long account = ((Number) a[0]).longValue();
            List<String> foreignOnes = foreign.current(account);
            return new AccountDevices(account, (String) a[1], budget, health.usedSlots(account, foreignOnes),
                    health.views(account, null), foreignOnes);
        }).toList();
    }

    @GET
    @Path("{id}")
    public DeviceView device(@PathParam("id") long id) {
        return health.views(null, id).stream().findFirst().orElseThrow(() -> new DeviceNotFound(id));
    }

    /**
     * Starts linking a new companion device for an agent. Refused before anything starts when
     * the account's budget is used up, or when the agent already has a device and the request
     * does not confirm replacing it. The answer carries the first QR text (follow
     * {@code GET /devices/{id}/link} as refs rotate) or the pairing code to type on the phone.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response link(@Valid @NotNull LinkRequest request) {
        String actor = Caller.of(token).username();
        String businessNumber = health.businessNumber(request.accountId());
        if (!health.agentExists(request.agentId())) {
            throw new ProblemException(404, "There is no agent " + request.agentId() + ".");
        }
        String disabled = health.disabledAgent(request.agentId());
        if (disabled != null) {
            throw new ProblemException(409, "Agent " + disabled + " is disabled; enable them before linking a device.");
        }
        List<DeviceView> existing = health.views(request.accountId(), null).stream()
                .filter(d -> d.agentId() == request.agentId() && isLive(d.state())).toList();
        if (!existing.isEmpty()) {
            DeviceView old = existing.get(0);
            if (!Boolean.TRUE.equals(request.replaceExisting())) {
                throw new ProblemException(409, "Agent " + old.agentName() + " already has device " + old.id() + " ("
                        + old.state() + ") on " + businessNumber + ". Confirm with replaceExisting=true to revoke it and link a new one.");
            }
            registry.transition(old.id(), DeviceState.REVOKED, "replaced by a new link", actor);
            sessions.revoked(old.id());
        }
        List<String> foreignOnes = foreign.current(request.accountId());
        int used = health.usedSlots(request.accountId(), foreignOnes);
        if (used >= budget) {
            throw new ProblemException(409, "All " + budget + " companion slots of " + businessNumber + " are in use ("
                    + used + (foreignOnes.isEmpty() ? "" : ", of which " + foreignOnes.size() + " not managed by Team Inbox")
                    + "). Revoke a device, or log one out from the phone under Settings → Linked devices, before linking another.");
        }
        long id = registry.startLinking(request.accountId(), request.agentId(), request.deviceName(), actor);
        if (request.method().equals("qr")) {
            sessions.startLinkByQr(id, request.accountId());
            awaitFirstProgress(id);
        } else {
            try {
                sessions.startLinkByPairingCode(id, request.accountId(), businessNumber).toCompletableFuture()
                        .get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new ProblemException(502, "The network did not hand out a pairing code: " + e.getMessage());
            }
        }
        return Response.status(201).entity(linkView(id)).build();
    }

    /** The agents "Re-link all" would start a link for now (see {@link DeviceHealth#relinkCandidates}). */
    @GET
    @Path("relink")
    public List<DeviceHealth.RelinkCandidate> relinkCandidates(@QueryParam("account") Long accountId) {
        return health.relinkCandidates(accountId);
    }

    /**
     * The one step back after the network's 14-day rule logged every agent out: starts a link for
     * each agent whose device it removed, one after the other through the same checks as a single
     * link (budget, disabled agent), and says per agent what happened. The screen then shows each
     * QR or pairing code in turn; an agent refused here is named with the reason, the rest go on.
     */
    @POST
    @Path("relink")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<RelinkOutcome> relinkAll(@Valid RelinkRequest request) {
        Long accountId = request == null ? null : request.accountId();
        String method = request == null || request.method() == null ? "qr" : request.method();
        if (accountId != null) {
            health.businessNumber(accountId); // 404 for an unknown account
        }
        List<RelinkOutcome> outcomes = new ArrayList<>();
        for (DeviceHealth.RelinkCandidate candidate : health.relinkCandidates(accountId)) {
            try {
                LinkView link = (LinkView) link(new LinkRequest(candidate.accountId(), candidate.agentId(), method, null, false)).getEntity();
                outcomes.add(new RelinkOutcome(candidate.accountId(), candidate.businessNumber(), candidate.agentId(),
                        candidate.agentName(), link, null));
            } catch (ProblemException | Refusal refused) {
                outcomes.add(new RelinkOutcome(candidate.accountId(), candidate.businessNumber(), candidate.agentId(),
                        candidate.agentName(), null, refused.getMessage()));
            }
        }
        return outcomes;
    }

    @GET
    @Path("{id}/link")
    public LinkView linkStatus(@PathParam("id") long id) {
        return linkView(id);
    }

    /**
     * The link's progress as server-sent events ("link", the same JSON as {@code GET .../link}):
     * one event at once and one whenever something changed — a rotated QR text, the seconds
     * left, the next stage — until the link is done or failed, or ten minutes passed.
     */
    @GET
    @Path("{id}/link/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void linkEvents(@PathParam("id") long id, @jakarta.ws.rs.core.Context jakarta.ws.rs.sse.SseEventSink sink,
                           @jakarta.ws.rs.core.Context jakarta.ws.rs.sse.Sse sse) {
        linkView(id); // 404 before the stream opens
        linkStreams.follow(() -> linkView(id), sink, sse);
    }

    /** The QR text of the running link as a PNG, for a screen to show and a phone to scan. */
    @GET
    @Path("{id}/link/qr.png")
    @Produces("image/png")
    public Response qrImage(@PathParam("id") long id, @QueryParam("size") Integer size) {
        LinkView view = linkView(id);
        if (view.qr() == null) {
            throw new ProblemException(404, "Device " + id + " shows no QR code now (" + view.stage() + ").");
        }
        int pixels = size == null ? 320 : Math.max(128, Math.min(1024, size));
        return Response.ok(QrImage.png(view.qr(), pixels)).header("Cache-Control", "no-store").build();
    }

    /** Drops the device's connection and logs in again: the first thing to try when a device is stuck. */
    @POST
    @Path("{id}/reconnect")
    public DeviceView reconnect(@PathParam("id") long id) {
        device(id);
        sessions.reconnect(id);
        return device(id);
    }

    /** The device may no longer send for the business; its agent stops being routed to on that account. */
    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeviceView revoke(@PathParam("id") long id, @Valid @NotNull RevokeRequest request) {
        registry.transition(id, DeviceState.REVOKED, request.reason(), Caller.of(token).username());
        sessions.revoked(id);
        return device(id);
    }

    private LinkView linkView(long id) {
        DeviceView device = device(id);
        LinkProgress progress = sessions.linkProgress(id).orElse(null);
        if (progress == null) {
            boolean failed = device.state().equals("revoked") && device.reason() != null && device.reason().startsWith("link failed: ");
            String stage = switch (device.state()) {
                case "linking" -> "starting";
                case "linked", "connected", "disconnected" -> "linked";
                default -> failed ? "failed" : device.state();
            };
            return new LinkView(id, device.state(), stage, null, null, null, null, null, null,
                    failed ? device.reason().substring("link failed: ".length()) : null);
        }
        return new LinkView(id, device.state(), progress.stage(), progress.qr(), progress.qrSecondsLeft(), progress.qrNumber(),
                progress.qrCount(), progress.pairingCode(), progress.historyPercent(), progress.problem());
    }

    private void awaitFirstProgress(long id) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            var progress = sessions.linkProgress(id);
            if (progress.isPresent() && (progress.get().qr() != null || progress.get().problem() != null)) {
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

    private static boolean isLive(String state) {
        return !state.equals("logged_out") && !state.equals("revoked");
    }

}
