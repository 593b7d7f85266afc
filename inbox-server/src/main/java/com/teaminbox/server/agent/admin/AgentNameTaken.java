package com.teaminbox.server.agent.admin;

import com.teaminbox.server.Refusal;

/** A new agent's user name (or e-mail address) already belongs to someone, in Keycloak or in the inbox. */
public class AgentNameTaken extends Refusal {

    public AgentNameTaken(String sentence) {
        super(sentence);
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}
