package com.teaminbox.server.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Only conflicts PostgreSQL resolved by aborting a transaction are worth running again. */
class TransientConflictTest {

    @Test
    void aDeadlockDeepInTheCauseChainIsTransient() {
        RuntimeException wrapped = new RuntimeException("lock acquisition",
                new IllegalStateException("jdbc", new SQLException("deadlock detected", "40P01")));
        assertTrue(TransientConflict.causes(wrapped));
    }

    @Test
    void aSerializationFailureIsTransient() {
        assertTrue(TransientConflict.causes(new SQLException("could not serialize access", "40001")));
    }

    @Test
    void aConstraintViolationOrAPlainBugIsNot() {
        assertFalse(TransientConflict.causes(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(TransientConflict.causes(new IllegalStateException("bug")));
    }
}
