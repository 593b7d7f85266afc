package com.teaminbox.server.queue;

import com.teaminbox.server.Roles;
import com.teaminbox.server.agent.AgentDirectory;
import com.teaminbox.server.agent.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The queues of the accounts the caller works for (every account for a manager or admin; see
 * {@link AgentDirectory#accountsOf}), and whether the caller serves each.
 */
@Path("queues")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private JsonWebToken token;

    @Inject
    private AgentDirectory agents;

    public record QueueView(long id, long accountId, String name, String routingPolicy, boolean isDefault, Integer slaSeconds,
                            boolean member) {
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN})
    public List<QueueView> queues() {
        Caller caller = Caller.of(token);
        long me = agents.idOf(caller);
        AgentDirectory.Accounts accounts = agents.accountsOf(caller);
        @SuppressWarnings("unchecked")
        List<Number> mine = em.createNativeQuery("SELECT queue_id FROM agent_queue WHERE agent_id = ?1").setParameter(1, me).getResultList();
        Set<Long> member = new HashSet<>();
        mine.forEach(id -> member.add(id.longValue()));
        return em.createQuery("SELECT q FROM InboxQueue q ORDER BY q.accountId, q.name", InboxQueue.class).getResultList().stream()
                .filter(q -> accounts.includes(q.accountId()))
                .map(q -> new QueueView(q.id(), q.accountId(), q.name(), q.routingPolicy().code(), q.isDefault(), q.slaSeconds(),
                        member.contains(q.id())))
                .toList();
    }
}
