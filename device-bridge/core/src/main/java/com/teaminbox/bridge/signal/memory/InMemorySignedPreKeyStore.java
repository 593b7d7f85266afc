package com.teaminbox.bridge.signal.memory;

import com.teaminbox.bridge.signal.InvalidEncodingException;
import com.teaminbox.bridge.signal.SignedPreKeyRecord;
import com.teaminbox.bridge.signal.SignedPreKeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

public final class InMemorySignedPreKeyStore implements SignedPreKeyStore {
    private final Map<Integer, byte[]> signedPreKeys = new ConcurrentSkipListMap<>();

    @Override
    public Optional<SignedPreKeyRecord> loadSignedPreKey(int signedPreKeyId) {
        byte[] stored = signedPreKeys.get(signedPreKeyId);
        return stored == null ? Optional.empty() : Optional.of(decode(signedPreKeyId, stored));
    }

    @Override
    public List<SignedPreKeyRecord> loadSignedPreKeys() {
        List<SignedPreKeyRecord> records = new ArrayList<>();
        signedPreKeys.forEach((id, stored) -> records.add(decode(id, stored)));
        return records;
    }

    @Override
    public void storeSignedPreKey(SignedPreKeyRecord record) {
        signedPreKeys.put(record.id(), record.serialize());
    }

    @Override
    public boolean containsSignedPreKey(int signedPreKeyId) {
        return signedPreKeys.containsKey(signedPreKeyId);
    }

    @Override
    public void removeSignedPreKey(int signedPreKeyId) {
        signedPreKeys.remove(signedPreKeyId);
    }

    private static SignedPreKeyRecord decode(int id, byte[] stored) {
        try {
            return SignedPreKeyRecord.deserialize(stored);
        } catch (InvalidEncodingException e) {
            throw new IllegalStateException("stored signed prekey " + id + " is corrupt", e);
        }
    }
}
