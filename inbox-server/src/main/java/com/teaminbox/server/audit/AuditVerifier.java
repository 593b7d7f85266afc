package com.teaminbox.server.audit;

import com.teaminbox.server.platform.InboxDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/**
 * Walks the audit chain in id order, recomputing each entry's hash from its content and the
 * previous entry's hash, and names the first entry where either no longer holds: an edited
 * row fails its own hash, a deleted or inserted row breaks the link of the row after it.
 * Plain JDBC with a fetch size, so that a long trail streams instead of filling the heap.
 */
@ApplicationScoped
public class AuditVerifier {

    @Resource(lookup = InboxDataSource.JNDI_NAME)
    private DataSource dataSource;

    public ChainVerification verify() {
        try (Connection db = dataSource.getConnection()) {
            boolean autoCommit = db.getAutoCommit();
            db.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement walk = db.prepareStatement("""
                    SELECT id, occurred_at, actor, action, subject_type, subject_id, device, details, previous_hash, hash
                      FROM audit_event ORDER BY id
                    """)) {
                walk.setFetchSize(1000);
                String expectedPrevious = AuditTrail.GENESIS;
                long checked = 0;
                try (ResultSet rows = walk.executeQuery()) {
                    while (rows.next()) {
                        checked++;
                        long id = rows.getLong("id");
                        String previous = rows.getString("previous_hash");
                        String stored = rows.getString("hash");
                        if (!expectedPrevious.equals(previous)) {
                            return new ChainVerification(false, checked, id,
                                    "its previous_hash does not match the entry before it (an entry was removed, inserted or re-linked)");
                        }
                        String recomputed = AuditTrail.hash(previous, rows.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                                rows.getString("actor"), rows.getString("action"), rows.getString("subject_type"),
                                rows.getString("subject_id"), rows.getString("device"), rows.getString("details"));
                        if (!recomputed.equals(stored)) {
                            return new ChainVerification(false, checked, id, "its content no longer matches its hash (the entry was edited)");
                        }
                        expectedPrevious = stored;
                    }
                }
                return new ChainVerification(true, checked, null, null);
            } finally {
                db.rollback();
                db.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
    }
}
