package com.teaminbox.server.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The append-only, hash-chained audit trail. Each entry stores the hash of the one before
 * it; appends are serialised with a transaction-scoped advisory lock so that two writers
 * can never fork the chain.
 */
@ApplicationScoped
public class AuditTrail {

    /** The chain's first link points at this value. */
    public static final String GENESIS = "0".repeat(64);
    private static final long CHAIN_LOCK = 0x7465616d696e626fL; // "teaminbo"

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subjectType, String subjectId, String device, String details) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK).getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> last = em.createNativeQuery("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1").getResultList();
        String previous = last.isEmpty() ? GENESIS : last.get(0);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String safeDetails = details == null ? "" : details;
        String hash = hash(previous, at, actor, action, subjectType, subjectId, device, safeDetails);
        em.createNativeQuery("""
                INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, device, details, previous_hash, hash)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                """)
                .setParameter(1, at).setParameter(2, actor).setParameter(3, action)
                .setParameter(4, subjectType).setParameter(5, subjectId).setParameter(6, device)
                .setParameter(7, safeDetails).setParameter(8, previous).setParameter(9, hash)
                .executeUpdate();
    }

    /** SHA-256 over every field, each prefixed with its length so that no two entries encode alike. */
    static String hash(String previous, Instant at, String actor, String action, String subjectType,
                       String subjectId, String device, String details) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {previous, Long.toString(at.getEpochSecond()), Integer.toString(at.getNano()),
                    actor, action, subjectType, subjectId, device == null ? "" : device, details}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
