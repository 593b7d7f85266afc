package com.teaminbox.bridge.signal.memory;

import com.teaminbox.bridge.signal.InvalidEncodingException;
import com.teaminbox.bridge.signal.SessionRecord;
import com.teaminbox.bridge.signal.SessionStore;
import com.teaminbox.bridge.signal.SignalAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

public final class InMemorySessionStore implements SessionStore {
    private final Map<SignalAddress, byte[]> sessions = new ConcurrentSkipListMap<>();

    @Override
    public Optional<SessionRecord> loadSession(SignalAddress address) {
        byte[] stored = sessions.get(address);
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SessionRecord.deserialize(stored));
        } catch (InvalidEncodingException e) {
            throw new IllegalStateException("stored session with " + address + " is corrupt", e);
        }
    }

    @Override
    public void storeSession(SignalAddress address, SessionRecord record) {
        sessions.put(address, record.serialize());
    }

    @Override
    public boolean containsSession(SignalAddress address) {
        return sessions.containsKey(address);
    }

    @Override
    public void deleteSession(SignalAddress address) {
        sessions.remove(address);
    }

    @Override
    public List<Integer> deviceIdsWithSessions(String user) {
        return sessions.keySet().stream()
                .filter(address -> address.user().equals(user))
                .map(SignalAddress::deviceId)
                .toList();
    }
}
