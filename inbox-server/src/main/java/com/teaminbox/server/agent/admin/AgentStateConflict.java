package com.teaminbox.server.agent.admin;

import com.teaminbox.server.Refusal;

/** Disabling a disabled agent, enabling an enabled one, or disabling oneself. */
public class AgentStateConflict extends Refusal {

    public AgentStateConflict(String sentence) {
        super(sentence);
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}
