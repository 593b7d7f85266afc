package com.teaminbox.server.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Customers by id, fetched together for a page of conversations (one query, not one per row). */
@ApplicationScoped
@jakarta.transaction.Transactional // reads too: a request may have run other transactions before (see DeviceHealth)
public class ContactDirectory {

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    public Map<Long, Contact> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT c FROM Contact c WHERE c.id IN :ids", Contact.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(Contact::id, Function.identity()));
    }
}
