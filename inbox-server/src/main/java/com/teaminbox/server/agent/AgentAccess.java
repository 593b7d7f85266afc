package com.teaminbox.server.agent;

import java.util.Set;

/**
 * Whether a person may still use the inbox, and with which realm roles, as their agent row says
 * now: disabled by an administrator, and the roles of the latest token this inbox saw.
 */
public record AgentAccess(long agentId, boolean disabled, Set<String> roles) {

    static AgentAccess of(Agent agent) {
        return new AgentAccess(agent.id(), agent.disabled(), Set.copyOf(agent.roles()));
    }
}
