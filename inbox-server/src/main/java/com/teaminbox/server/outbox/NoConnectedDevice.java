package com.teaminbox.server.outbox;

import com.teaminbox.server.Refusal;

/** A reply may leave only from the replying agent's own device; without one connected, nothing is sent. */
public class NoConnectedDevice extends Refusal {

    public NoConnectedDevice(String sentence) {
        super(sentence);
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}
