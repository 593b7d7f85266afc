package com.teaminbox.server.agent.admin;

import com.teaminbox.server.Roles;
import com.teaminbox.server.device.session.DeviceSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates, edits, disables and enables agents: Keycloak (through the realm's service account)
 * and the inbox database, in that order. The two cannot share a transaction, so each step
 * that follows a Keycloak change undoes that change when the database part fails: no
 * Keycloak user without its agent row, no disabled sign-in for an agent the inbox still routes to.
 */
@ApplicationScoped
public class AgentAdministration {

    private static final Logger LOG = Logger.getLogger(AgentAdministration.class.getName());

    @Inject
    private KeycloakUsers keycloak;

    @Inject
    private AgentRecords records;

    @Inject
    private DeviceSessions sessions;

    public record NewAgent(String username, String email, String displayName, int capacity, Collection<Long> queueIds,
                           String temporaryPassword) {
    }

    /** Returns the new agent's inbox id. */
    public long create(String actor, NewAgent agent) {
        if (records.usernameTaken(agent.username())) {
            throw taken(agent.username());
        }
        records.requireQueues(agent.queueIds());
        String[] names = splitName(agent.displayName());
        String subject = keycloak.create(new KeycloakUsers.NewUser(agent.username(), agent.email(), names[0], names[1],
                agent.temporaryPassword()));
        try {
            keycloak.grantRealmRole(subject, Roles.AGENT);
            return records.insert(actor, subject, agent.username(), agent.displayName(), agent.email(), agent.capacity(),
                    agent.queueIds());
        } catch (RuntimeException failure) {
            undo(failure, "delete the Keycloak user " + agent.username() + " (" + subject + ")", () -> keycloak.delete(subject));
            if (records.usernameTaken(agent.username())) {
                throw taken(agent.username()); // another request created the same name a moment before
            }
            throw failure;
        }
    }

    public void edit(String actor, long id, Integer capacity, Collection<Long> queueIds, String displayName) {
        AgentRecords.Snapshot before = records.snapshot(id);
        if (queueIds != null) {
            records.requireQueues(queueIds);
        }
        boolean renamed = false;
        if (displayName != null && !displayName.equals(before.displayName())) {
            // Keycloak's name claims overwrite the inbox's display name at the next sign-in: change both.
            String[] names = splitName(displayName);
            renamed = keycloak.rename(before.subject(), names[0], names[1]);
        }
        try {
            records.edit(actor, id, capacity, queueIds, displayName);
        } catch (RuntimeException failure) {
            if (renamed) {
                String[] old = splitName(before.displayName());
                undo(failure, "restore the Keycloak name of " + before.username(), () -> keycloak.rename(before.subject(), old[0], old[1]));
            }
            throw failure;
        }
    }

    /** Sign-in off first, then the inbox (devices, conversations); devices' sessions stop after the commit. */
    public void disable(String actor, long id, String reason) {
        AgentRecords.Snapshot agent = records.snapshot(id);
        if (agent.username().equals(actor)) {
            throw new AgentStateConflict("You cannot disable your own account; ask another administrator.");
        }
        if (agent.disabled()) {
            throw new AgentStateConflict("Agent " + agent.username() + " is already disabled.");
        }
        boolean inKeycloak = keycloak.setEnabled(agent.subject(), false);
        List<Long> revoked;
        try {
            revoked = records.disable(actor, id, reason, inKeycloak);
        } catch (RuntimeException failure) {
            if (inKeycloak) {
                undo(failure, "enable the Keycloak user " + agent.username() + " again", () -> keycloak.setEnabled(agent.subject(), true));
            }
            throw failure;
        }
        for (long device : revoked) {
            try {
                sessions.revoked(device); // tells the network; a device without a running session is fine
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Device " + device + " of disabled agent " + agent.username()
                        + " is revoked but its session did not stop cleanly", e);
            }
        }
    }

    public void enable(String actor, long id) {
        AgentRecords.Snapshot agent = records.snapshot(id);
        if (!agent.disabled()) {
            throw new AgentStateConflict("Agent " + agent.username() + " is not disabled.");
        }
        boolean inKeycloak = keycloak.setEnabled(agent.subject(), true);
        try {
            records.enable(actor, id, inKeycloak);
        } catch (RuntimeException failure) {
            if (inKeycloak) {
                undo(failure, "disable the Keycloak user " + agent.username() + " again", () -> keycloak.setEnabled(agent.subject(), false));
            }
            throw failure;
        }
    }

    private static AgentNameTaken taken(String username) {
        return new AgentNameTaken("The user name '" + username + "' is already taken by an agent of the inbox; choose another.");
    }

    /** First word → first name, the rest → last name (Keycloak shows "first last" as the token's name). */
    static String[] splitName(String displayName) {
        String trimmed = displayName.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? new String[] {trimmed, ""} : new String[] {trimmed.substring(0, space), trimmed.substring(space + 1).strip()};
    }

    private static void undo(RuntimeException failure, String what, Runnable compensation) {
        try {
            compensation.run();
            LOG.info(() -> "Agent administration failed (" + failure + "); undone in Keycloak: " + what);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            LOG.log(Level.SEVERE, "Could not " + what + " after a failure; fix it in Keycloak by hand", e);
        }
    }
}
