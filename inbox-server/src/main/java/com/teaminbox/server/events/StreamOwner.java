package com.teaminbox.server.events;

import com.teaminbox.server.Roles;
import com.teaminbox.server.agent.AgentAccess;
import com.teaminbox.server.conversation.Viewer;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The person behind one live event stream, as their token said when they opened it: who they
 * are, their inbox roles, and until when the token is good. The stream lives no longer than the
 * token, the account or the roles it was opened with.
 */
record StreamOwner(long agentId, String username, Set<String> roles, Instant tokenExpiresAt) {

    private static final Set<String> INBOX_ROLES = Set.of(Roles.AGENT, Roles.MANAGER, Roles.ADMIN);

    /** {@code tokenRoles}: every role of the token; only the inbox's own count here. */
    static StreamOwner of(long agentId, String username, Set<String> tokenRoles, Instant tokenExpiresAt) {
        Set<String> roles = new TreeSet<>(tokenRoles);
        roles.retainAll(INBOX_ROLES);
        return new StreamOwner(agentId, username, Set.copyOf(roles), tokenExpiresAt);
    }

    Viewer viewer() {
        return new Viewer(agentId, username, roles.contains(Roles.MANAGER));
    }

    /** An admin or manager, who also gets the staff-only events. */
    boolean staff() {
        return roles.contains(Roles.MANAGER) || roles.contains(Roles.ADMIN);
    }

    /**
     * Why the stream must end at {@code now}, if it must. {@code access} is the agent row as it
     * is now, its roles those of the latest token the inbox saw; null when it was not read (the
     * stream opened after the read): then only the token's expiry counts.
     */
    Optional<StreamEnd> mustEnd(Instant now, AgentAccess access) {
        if (!now.isBefore(tokenExpiresAt)) {
            return Optional.of(StreamEnd.TOKEN_EXPIRED);
        }
        if (access == null) {
            return Optional.empty();
        }
        if (access.disabled()) {
            return Optional.of(StreamEnd.ACCOUNT_DISABLED);
        }
        if (!access.roles().containsAll(roles)) {
            return Optional.of(StreamEnd.ROLES_CHANGED);
        }
        return Optional.empty();
    }
}
