package com.teaminbox.bridge.signal.memory;

import com.teaminbox.bridge.signal.InvalidEncodingException;
import com.teaminbox.bridge.signal.PreKeyRecord;
import com.teaminbox.bridge.signal.PreKeyStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryPreKeyStore implements PreKeyStore {
    private final Map<Integer, byte[]> preKeys = new ConcurrentHashMap<>();

    @Override
    public Optional<PreKeyRecord> loadPreKey(int preKeyId) {
        byte[] stored = preKeys.get(preKeyId);
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PreKeyRecord.deserialize(stored));
        } catch (InvalidEncodingException e) {
            throw new IllegalStateException("stored prekey " + preKeyId + " is corrupt", e);
        }
    }

    @Override
    public void storePreKey(PreKeyRecord record) {
        preKeys.put(record.id(), record.serialize());
    }

    @Override
    public boolean containsPreKey(int preKeyId) {
        return preKeys.containsKey(preKeyId);
    }

    @Override
    public void removePreKey(int preKeyId) {
        preKeys.remove(preKeyId);
    }
}
