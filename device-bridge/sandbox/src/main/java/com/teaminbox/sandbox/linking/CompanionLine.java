package com.teaminbox.sandbox.linking;

import com.teaminbox.bridge.stanza.Stanza;

/** The unregistered connection of a companion that is linking: what the linking desk can say to it. */
public interface CompanionLine {

    void send(Stanza stanza);

    /** Sends a stream error with this code and reason and closes the connection. */
    void end(int code, String reason);
}
