package com.teaminbox.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.server.agent.AgentAccess;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the server ends a live stream: its token expired, its owner was disabled or lost a role. */
class StreamOwnerTest {

    private static final Instant OPENED = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant EXPIRES = OPENED.plusSeconds(300);
    private static final Set<String> TOKEN_ROLES = Set.of("agent", "manager", "offline_access", "default-roles-inbox");
    private static final StreamOwner MARIA = StreamOwner.of(7, "maria", TOKEN_ROLES, EXPIRES);

    @Test
    void onlyTheInboxRolesOfTheTokenCount() {
        assertEquals(Set.of("agent", "manager"), MARIA.roles());
        assertTrue(MARIA.staff());
        assertTrue(MARIA.viewer().manager());
        StreamOwner admin = StreamOwner.of(8, "adam", Set.of("admin"), EXPIRES);
        assertTrue(admin.staff(), "admins get the staff-only events");
        assertFalse(admin.viewer().manager(), "but see conversations as an agent does");
    }

    @Test
    void theStreamLivesAsLongAsItsToken() {
        AgentAccess asOpened = new AgentAccess(7, false, TOKEN_ROLES);
        assertEquals(Optional.empty(), MARIA.mustEnd(EXPIRES.minusSeconds(1), asOpened));
        assertEquals(Optional.of(StreamEnd.TOKEN_EXPIRED), MARIA.mustEnd(EXPIRES, asOpened));
        assertEquals(Optional.of(StreamEnd.TOKEN_EXPIRED), MARIA.mustEnd(EXPIRES, null), "even when the row was not read");
    }

    @Test
    void aDisabledOwnersStreamEnds() {
        assertEquals(Optional.of(StreamEnd.ACCOUNT_DISABLED), MARIA.mustEnd(OPENED, new AgentAccess(7, true, TOKEN_ROLES)));
    }

    @Test
    void losingARoleTheStreamWasOpenedWithEndsItGainingOneDoesNot() {
        assertEquals(Optional.of(StreamEnd.ROLES_CHANGED), MARIA.mustEnd(OPENED, new AgentAccess(7, false, Set.of("agent"))));
        assertEquals(Optional.empty(), MARIA.mustEnd(OPENED, new AgentAccess(7, false, Set.of("agent", "manager", "admin"))));
        assertEquals(Optional.empty(), MARIA.mustEnd(OPENED, new AgentAccess(7, false, Set.of("agent", "manager"))),
                "realm roles the inbox does not use do not matter");
    }

    @Test
    void aStreamOpenedAfterTheRowsWereReadWaitsForTheNextRead() {
        assertEquals(Optional.empty(), MARIA.mustEnd(OPENED, null));
    }
}
