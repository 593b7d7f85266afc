package com.teaminbox.bridge.signal;

import java.util.List;
import java.util.Optional;

/**
 * One {@link SessionRecord} per remote device. Implementations keep {@link SessionRecord#serialize()}
 * bytes (a bytea column in the inbox) and hand back a fresh record on every load.
 */
public interface SessionStore {

    Optional<SessionRecord> loadSession(SignalAddress address);

    void storeSession(SignalAddress address, SessionRecord record);

    boolean containsSession(SignalAddress address);

    void deleteSession(SignalAddress address);

    /** Device ids of the user with which a session exists. */
    List<Integer> deviceIdsWithSessions(String user);
}
