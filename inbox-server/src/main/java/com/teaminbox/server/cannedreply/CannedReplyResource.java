package com.teaminbox.server.cannedreply;

import com.teaminbox.server.Roles;
import com.teaminbox.server.agent.AgentDirectory;
import com.teaminbox.server.agent.Caller;
import com.teaminbox.server.audit.AuditTrail;
import com.teaminbox.server.rest.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Agents read canned replies; managers write them. */
@Path("canned-replies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CannedReplyResource {

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private JsonWebToken token;

    @Inject
    private AgentDirectory agents;

    @Inject
    private AuditTrail audit;

    public record CannedReply(long id, Long accountId, String shortcut, String body) {
    }

    public record NewCannedReply(@Positive Long accountId,
                                 @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+", message = "lower-case letters, digits and - only") String shortcut,
                                 @NotBlank @Size(max = 4096) String body) {
    }

    /**
     * The shared ones and, with {@code account}, that account's; ordered by shortcut. An agent
     * may ask only for an account they work for ({@link AgentDirectory#accountsOf}): another
     * account's replies are refused (403), not silently left out.
     */
    @GET
    @RolesAllowed({Roles.AGENT, Roles.MANAGER})
    public List<CannedReply> list(@QueryParam("account") @Positive Long account) {
        if (account != null && !agents.accountsOf(Caller.of(token)).includes(account)) {
            throw new ProblemException(403, "You do not work for business account " + account + ".");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, account_id, shortcut, body FROM canned_reply
                 WHERE account_id IS NULL OR account_id = CAST(?1 AS bigint) ORDER BY shortcut, account_id NULLS FIRST""")
                .setParameter(1, account).getResultList();
        return rows.stream().map(r -> new CannedReply(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(),
                (String) r[2], (String) r[3])).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANAGER)
    @Transactional
    public CannedReply create(@Valid @NotNull NewCannedReply reply) {
        Caller caller = Caller.of(token);
        if (reply.accountId() != null && em.createNativeQuery("SELECT 1 FROM business_account WHERE id = ?1")
                .setParameter(1, reply.accountId()).getResultList().isEmpty()) {
            throw new ProblemException(404, "There is no business account " + reply.accountId() + ".");
        }
        @SuppressWarnings("unchecked")
        List<Number> created = em.createNativeQuery("""
                INSERT INTO canned_reply (account_id, shortcut, body, created_by) VALUES (CAST(?1 AS bigint), ?2, ?3, ?4)
                ON CONFLICT DO NOTHING RETURNING id""")
                .setParameter(1, reply.accountId()).setParameter(2, reply.shortcut()).setParameter(3, reply.body())
                .setParameter(4, agents.idOf(caller)).getResultList();
        if (created.isEmpty()) {
            throw new ProblemException(409, "The shortcut /" + reply.shortcut() + " is taken.");
        }
        audit.record(caller.username(), "canned-reply.created", "canned-reply", created.get(0).toString(), null,
                "shortcut=" + reply.shortcut());
        return new CannedReply(created.get(0).longValue(), reply.accountId(), reply.shortcut(), reply.body());
    }
}
