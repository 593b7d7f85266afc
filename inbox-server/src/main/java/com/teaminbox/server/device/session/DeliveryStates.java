package com.teaminbox.server.device.session;

import com.teaminbox.bridge.client.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Moves outbound messages forward on receipts: pending → sent → delivered → read. Each copy of
 * a receipt reaches every companion, and receipts can overtake each other, so a state only
 * ever moves forward ("read" is never undone by a late "delivered"). A receipt for a message
 * marked failed means it arrived after all, so it wins.
 */
@ApplicationScoped
public class DeliveryStates {

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Transactional
    public int receiptArrived(long accountId, Receipt.Kind kind, List<String> networkMessageIds) {
        if (networkMessageIds.isEmpty()) {
            return 0;
        }
        String target = kind == Receipt.Kind.READ ? "read" : "delivered";
        return em.createNativeQuery("""
                UPDATE message SET delivery_state = :target, failure_reason = NULL
                 WHERE account_id = :account AND direction = 'outbound' AND network_message_id IN (:ids)
                   AND (CASE delivery_state WHEN 'failed' THEN 0 WHEN 'pending' THEN 1 WHEN 'sent' THEN 2
                                            WHEN 'delivered' THEN 3 ELSE 4 END)
                     < (CASE :target WHEN 'delivered' THEN 3 ELSE 4 END)
                """).setParameter("target", target).setParameter("account", accountId)
                .setParameter("ids", networkMessageIds).executeUpdate();
    }
}
