package com.teaminbox.server.demo;

import com.teaminbox.server.agent.AgentRegistered;
import com.teaminbox.server.audit.AuditTrail;
import com.teaminbox.server.platform.InboxProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In the demo profile, with {@code inbox.demo.business-number} set (./inbox run sets the
 * sandbox's bakery): the business account and its default queue "Front desk" exist, and the
 * demo agents ({@code inbox.demo.queue-agents}) serve that queue from their first sign-in.
 * Outside the demo profile an admin adds accounts and picks each agent's queues.
 */
@ApplicationScoped
public class DemoBusiness {

    private static final Logger LOG = Logger.getLogger(DemoBusiness.class.getName());
    static final String QUEUE_NAME = "Front desk";
    static final String ACTOR = "demo";

    @Inject
    @ConfigProperty(name = InboxProfile.SETTING)
    Optional<String> profile;

    @Inject
    @ConfigProperty(name = "inbox.demo.business-number")
    Optional<String> businessNumber;

    @Inject
    @ConfigProperty(name = "inbox.demo.business-name", defaultValue = "Demo Bakery")
    String businessName;

    @Inject
    @ConfigProperty(name = "inbox.demo.queue-agents", defaultValue = "alice,bob,maria")
    String queueAgents;

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    /** The account and its default queue, made once; demo agents who signed in before join it now. */
    @Transactional
    public void ensure() {
        if (!active()) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO business_account (phone_number, display_name) VALUES (?1, ?2)
                ON CONFLICT (phone_number) DO NOTHING""")
                .setParameter(1, businessNumber.get().strip()).setParameter(2, businessName).executeUpdate();
        int made = em.createNativeQuery("""
                INSERT INTO queue (account_id, name, routing_policy, is_default)
                SELECT b.id, ?2, 'least_busy', true FROM business_account b
                 WHERE b.phone_number = ?1 AND NOT EXISTS (SELECT 1 FROM queue q WHERE q.account_id = b.id)""")
                .setParameter(1, businessNumber.get().strip()).setParameter(2, QUEUE_NAME).executeUpdate();
        if (made == 1) {
            @SuppressWarnings("unchecked")
            List<Object[]> known = em.createNativeQuery("SELECT id, username FROM agent WHERE username IN (:names)")
                    .setParameter("names", agentNames()).getResultList();
            known.forEach(agent -> serve(((Number) agent[0]).longValue(), (String) agent[1]));
            LOG.info(() -> "Demo profile: business account " + businessNumber.get() + " (" + businessName + ") with the queue "
                    + QUEUE_NAME + ", served by " + queueAgents);
        }
    }

    /** A demo agent's first sign-in: from now on they serve the demo business's default queue. */
    @Transactional
    void firstSignIn(@Observes AgentRegistered registered) {
        if (active() && agentNames().contains(registered.username())) {
            serve(registered.agentId(), registered.username());
        }
    }

    private void serve(long agentId, String username) {
        int joined = em.createNativeQuery("""
                INSERT INTO agent_queue (agent_id, queue_id)
                SELECT ?1, q.id FROM queue q JOIN business_account b ON b.id = q.account_id
                 WHERE b.phone_number = ?2 AND q.is_default
                ON CONFLICT DO NOTHING""")
                .setParameter(1, agentId).setParameter(2, businessNumber.get().strip()).executeUpdate();
        if (joined > 0) {
            audit.record(ACTOR, "agent.queues", "agent", username, null,
                    "joined the demo business's default queue " + QUEUE_NAME + " (demo profile)");
        }
    }

    private boolean active() {
        return profile.filter(InboxProfile::isDemo).isPresent()
                && businessNumber.filter(number -> !number.isBlank()).isPresent();
    }

    private Set<String> agentNames() {
        return Arrays.stream(queueAgents.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
    }
}
