package com.teaminbox.server.agent;

import com.teaminbox.server.Refusal;

public class AgentNotFound extends Refusal {

    public AgentNotFound(String who) {
        super("There is no agent " + who + ".");
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }
}
