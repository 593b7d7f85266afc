package com.teaminbox.bridge.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything kept about one remote device: the current session state and a few archived ones
 * (a newer session replaced them, but late messages may still need them). Stored as bytes by the
 * caller's {@link SessionStore}; the format lives in {@link SessionRecordFormat}.
 */
public final class SessionRecord {
    private SessionState current;
    private final List<SessionState> archived;

    public SessionRecord() {
        this(null, List.of());
    }

    SessionRecord(SessionState current, List<SessionState> archived) {
        this.current = current;
        this.archived = new ArrayList<>(archived);
    }

    /** True when no session was ever established (or everything was archived away). */
    public boolean isEmpty() {
        return current == null && archived.isEmpty();
    }

    public boolean hasCurrentSession() {
        return current != null;
    }

    /** The identity the current session was made with, if any. */
    public Optional<IdentityKey> remoteIdentity() {
        return currentState().map(SessionState::remoteIdentity);
    }

    Optional<SessionState> currentState() {
        return Optional.ofNullable(current);
    }

    List<SessionState> archivedStates() {
        return List.copyOf(archived);
    }

    /** Makes a new session current; the old one is archived, the oldest archived one dropped. */
    void promoteState(SessionState state) {
        if (current != null) {
            archived.add(0, current);
        }
        while (archived.size() > RatchetLimits.MAX_ARCHIVED_STATES) {
            archived.remove(archived.size() - 1);
        }
        current = state;
    }

    void replaceCurrentState(SessionState state) {
        current = state;
    }

    /** An archived session got a message through again: the peer is using it, so it becomes current. */
    void promoteArchivedState(int index, SessionState updated) {
        archived.remove(index);
        promoteState(updated);
    }

    boolean hasState(byte[] aliceBaseKey) {
        if (current != null && current.hasAliceBaseKey(aliceBaseKey)) {
            return true;
        }
        return archived.stream().anyMatch(state -> state.hasAliceBaseKey(aliceBaseKey));
    }

    /** Skipped message keys held by the current state (bounded by {@link RatchetLimits}). */
    int skippedKeyCount() {
        return current == null ? 0
                : current.receiverChains().stream().mapToInt(chain -> chain.skippedKeys().size()).sum();
    }

    public byte[] serialize() {
        return SessionRecordFormat.encode(this);
    }

    public static SessionRecord deserialize(byte[] serialized) throws InvalidEncodingException {
        return SessionRecordFormat.decode(serialized);
    }

    @Override
    public String toString() {
        return "SessionRecord[current=" + (current != null) + ", archived=" + archived.size() + "]";
    }
}
