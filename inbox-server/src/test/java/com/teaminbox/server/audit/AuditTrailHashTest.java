package com.teaminbox.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The audit chain is only as good as its hash: every field must change it. */
class AuditTrailHashTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123456Z");

    private static String entry(String previous, Instant at, String actor, String action, String type, String id,
                                String device, String details) {
        return AuditTrail.hash(previous, at, actor, action, type, id, device, details);
    }

    @Test
    void sameEntrySameHash() {
        assertEquals(entry(AuditTrail.GENESIS, AT, "maria", "assign", "conversation", "42", "dev-1", "to=bob"),
                entry(AuditTrail.GENESIS, AT, "maria", "assign", "conversation", "42", "dev-1", "to=bob"));
    }

    @Test
    void everyFieldChangesTheHash() {
        String original = entry(AuditTrail.GENESIS, AT, "maria", "assign", "conversation", "42", "dev-1", "to=bob");
        assertNotEquals(original, entry("1".repeat(64), AT, "maria", "assign", "conversation", "42", "dev-1", "to=bob"));
        assertNotEquals(original, entry(AuditTrail.GENESIS, AT.plusNanos(1000), "maria", "assign", "conversation", "42", "dev-1", "to=bob"));
        assertNotEquals(original, entry(AuditTrail.GENESIS, AT, "mario", "assign", "conversation", "42", "dev-1", "to=bob"));
        assertNotEquals(original, entry(AuditTrail.GENESIS, AT, "maria", "claim", "conversation", "42", "dev-1", "to=bob"));
        assertNotEquals(original, entry(AuditTrail.GENESIS, AT, "maria", "assign", "contact", "42", "dev-1", "to=bob"));
        assertNotEquals(original, entry(AuditTrail.GENESIS, AT, "maria", "assign", "conversation", "43", "dev-1", "to=bob"));
        assertNotEquals(original, entry(AuditTrail.GENESIS, AT, "maria", "assign", "conversation", "42", null, "to=bob"));
        assertNotEquals(original, entry(AuditTrail.GENESIS, AT, "maria", "assign", "conversation", "42", "dev-1", "to=alice"));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // "ab" + "c" must not hash like "a" + "bc": each field is length-prefixed.
        assertNotEquals(entry(AuditTrail.GENESIS, AT, "ab", "c", "t", "1", null, ""),
                entry(AuditTrail.GENESIS, AT, "a", "bc", "t", "1", null, ""));
    }
}
