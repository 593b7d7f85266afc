package com.teaminbox.server.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Why conversations of a queue wait unassigned: the first condition of routing's eligibility
 * that nobody in the queue meets, as a sentence for the manager console and the conversation
 * ("no online agent with a connected device serves Front desk"). "Open" alone does not tell a
 * manager whether to set someone online, link a device or raise a capacity.
 */
@ApplicationScoped
public class WaitingReasons {

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    /** How far a queue's members get through routing's checks, counted in one pass. */
    record Staffing(String queueName, boolean open, long members, long online, long withDevice, long withRoom) {

        /** The sentence for a queue whose conversations cannot be routed now; null when someone can take one. */
        String reason() {
            if (!open) {
                return queueName + " is outside its business hours";
            }
            if (members == 0) {
                return "nobody serves " + queueName;
            }
            if (online == 0) {
                return "no agent of " + queueName + " is online";
            }
            if (withDevice == 0) {
                return "no online agent with a connected device serves " + queueName;
            }
            if (withRoom == 0) {
                return "every online agent of " + queueName + " with a connected device is at capacity";
            }
            return null;
        }
    }

    /** Per queue, why its unassigned conversations wait; queues where someone could take one are absent. */
    @Transactional
    public Map<Long, String> forQueues(Collection<Long> queueIds) {
        Map<Long, String> reasons = new HashMap<>();
        if (queueIds.isEmpty()) {
            return reasons;
        }
        // The same conditions, in the same order, as RoutingService.ELIGIBLE and QUEUE_OPEN.
        List<?> rows = em.createNativeQuery("""
                SELECT q.id, q.name, """ + RoutingService.QUEUE_OPEN + """
                        AS open_now,
                       count(a.id) AS members,
                       count(a.id) FILTER (WHERE a.status = 'online') AS online,
                       count(a.id) FILTER (WHERE a.status = 'online' AND device.connected) AS with_device,
                       count(a.id) FILTER (WHERE a.status = 'online' AND device.connected
                                             AND (SELECT count(*) FROM conversation o
                                                   WHERE o.assignee_id = a.id AND o.status <> 'resolved') < a.capacity) AS with_room
                  FROM queue q
                  LEFT JOIN agent_queue aq ON aq.queue_id = q.id
                  LEFT JOIN agent a ON a.id = aq.agent_id AND NOT a.disabled
                  LEFT JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM companion_device d
                                                     WHERE d.agent_id = a.id AND d.account_id = q.account_id
                                                       AND d.state = 'connected') AS connected) device ON true
                 WHERE q.id IN (:queues)
                 GROUP BY q.id, q.name
                """).setParameter("queues", queueIds).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String reason = new Staffing((String) r[1], (Boolean) r[2], count(r[3]), count(r[4]), count(r[5]), count(r[6])).reason();
            if (reason != null) {
                reasons.put(((Number) r[0]).longValue(), reason);
            }
        }
        return reasons;
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
