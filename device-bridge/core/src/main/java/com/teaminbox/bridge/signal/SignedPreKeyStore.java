package com.teaminbox.bridge.signal;

import java.util.List;
import java.util.Optional;

/** This device's signed prekeys; the previous one is kept a while for delayed prekey messages. */
public interface SignedPreKeyStore {

    Optional<SignedPreKeyRecord> loadSignedPreKey(int signedPreKeyId);

    List<SignedPreKeyRecord> loadSignedPreKeys();

    void storeSignedPreKey(SignedPreKeyRecord record);

    boolean containsSignedPreKey(int signedPreKeyId);

    void removeSignedPreKey(int signedPreKeyId);
}
