package com.teaminbox.server.conversation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The visibility rule decided in memory from the one row set the event stream reads per event
 * (Viewer.AUDIENCE_OF_C): the same answers as Viewer.SEES_C gives each viewer.
 */
class ConversationAudienceTest {

    private static final Viewer ALICE = new Viewer(1, "alice", false);
    private static final Viewer BOB = new Viewer(2, "bob", false);
    private static final Viewer CARL = new Viewer(3, "carl", false);
    private static final Viewer MARIA = new Viewer(9, "maria", true);

    @Test
    void anAssignedConversationIsSeenByItsAssigneeAndTheManagersOnly() {
        ConversationAudience assignedToBob = ConversationAudience.of(List.of(2L));
        assertTrue(assignedToBob.includes(BOB));
        assertTrue(assignedToBob.includes(MARIA));
        assertFalse(assignedToBob.includes(ALICE), "Alice serves the queue, but it is Bob's now");
    }

    @Test
    void anUnassignedConversationIsSeenByItsQueuesMembers() {
        ConversationAudience waiting = ConversationAudience.of(List.of(1L, 3L));
        assertTrue(waiting.includes(ALICE));
        assertTrue(waiting.includes(CARL));
        assertTrue(waiting.includes(MARIA));
        assertFalse(waiting.includes(BOB), "Bob does not serve the queue");
    }

    @Test
    void aQueueNobodyServesLeavesOnlyTheManagers() {
        ConversationAudience unserved = ConversationAudience.of(Arrays.asList((Object) null));
        assertTrue(unserved.includes(MARIA));
        assertFalse(unserved.includes(ALICE));
    }

    @Test
    void noSuchConversationIsSeenByNobodyNotEvenAManager() {
        ConversationAudience none = ConversationAudience.of(List.of());
        assertFalse(none.includes(MARIA));
        assertFalse(none.includes(ALICE));
    }

    @Test
    void theDatabasesNumberTypesAllCount() {
        assertTrue(ConversationAudience.of(List.of(BigInteger.valueOf(2), 1)).includes(BOB));
    }
}
