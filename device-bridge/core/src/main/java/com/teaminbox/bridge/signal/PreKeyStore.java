package com.teaminbox.bridge.signal;

import java.util.Optional;

/** This device's one-time prekeys, by id. A prekey is removed once a session consumed it. */
public interface PreKeyStore {

    Optional<PreKeyRecord> loadPreKey(int preKeyId);

    void storePreKey(PreKeyRecord record);

    boolean containsPreKey(int preKeyId);

    void removePreKey(int preKeyId);
}
