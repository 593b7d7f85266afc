package com.teaminbox.server.device;

import com.teaminbox.server.Refusal;

/** A transition the state machine does not have, or a second live device for the same agent and account. */
public class DeviceTransitionRefused extends Refusal {

    public DeviceTransitionRefused(String sentence) {
        super(sentence);
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}
