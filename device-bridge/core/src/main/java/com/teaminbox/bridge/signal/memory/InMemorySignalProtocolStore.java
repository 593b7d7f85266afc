package com.teaminbox.bridge.signal.memory;

import com.teaminbox.bridge.keys.DeviceKeys;
import com.teaminbox.bridge.signal.IdentityKey;
import com.teaminbox.bridge.signal.IdentityKeyPair;
import com.teaminbox.bridge.signal.PreKeyRecord;
import com.teaminbox.bridge.signal.SessionRecord;
import com.teaminbox.bridge.signal.SignalAddress;
import com.teaminbox.bridge.signal.SignalProtocolStore;
import com.teaminbox.bridge.signal.SignedPreKeyRecord;
import java.util.List;
import java.util.Optional;

/** The four in-memory stores behind one object, as one device holds them. */
public final class InMemorySignalProtocolStore implements SignalProtocolStore {
    private final InMemoryIdentityKeyStore identities;
    private final InMemoryPreKeyStore preKeys = new InMemoryPreKeyStore();
    private final InMemorySignedPreKeyStore signedPreKeys = new InMemorySignedPreKeyStore();
    private final InMemorySessionStore sessions = new InMemorySessionStore();

    public InMemorySignalProtocolStore(IdentityKeyPair identityKeyPair, int registrationId) {
        this.identities = new InMemoryIdentityKeyStore(identityKeyPair, registrationId);
    }

    /** A store holding all of a freshly generated device's keys. */
    public static InMemorySignalProtocolStore of(DeviceKeys keys) {
        InMemorySignalProtocolStore store = new InMemorySignalProtocolStore(keys.identityKeyPair(), keys.registrationId());
        store.storeSignedPreKey(keys.signedPreKey());
        keys.oneTimePreKeys().forEach(store::storePreKey);
        return store;
    }

    @Override
    public IdentityKeyPair identityKeyPair() {
        return identities.identityKeyPair();
    }

    @Override
    public int localRegistrationId() {
        return identities.localRegistrationId();
    }

    @Override
    public boolean saveIdentity(SignalAddress address, IdentityKey identityKey) {
        return identities.saveIdentity(address, identityKey);
    }

    @Override
    public boolean isTrustedIdentity(SignalAddress address, IdentityKey identityKey) {
        return identities.isTrustedIdentity(address, identityKey);
    }

    @Override
    public Optional<IdentityKey> identity(SignalAddress address) {
        return identities.identity(address);
    }

    @Override
    public Optional<PreKeyRecord> loadPreKey(int preKeyId) {
        return preKeys.loadPreKey(preKeyId);
    }

    @Override
    public void storePreKey(PreKeyRecord record) {
        preKeys.storePreKey(record);
    }

    @Override
    public boolean containsPreKey(int preKeyId) {
        return preKeys.containsPreKey(preKeyId);
    }

    @Override
    public void removePreKey(int preKeyId) {
        preKeys.removePreKey(preKeyId);
    }

    @Override
    public Optional<SignedPreKeyRecord> loadSignedPreKey(int signedPreKeyId) {
        return signedPreKeys.loadSignedPreKey(signedPreKeyId);
    }

    @Override
    public List<SignedPreKeyRecord> loadSignedPreKeys() {
        return signedPreKeys.loadSignedPreKeys();
    }

    @Override
    public void storeSignedPreKey(SignedPreKeyRecord record) {
        signedPreKeys.storeSignedPreKey(record);
    }

    @Override
    public boolean containsSignedPreKey(int signedPreKeyId) {
        return signedPreKeys.containsSignedPreKey(signedPreKeyId);
    }

    @Override
    public void removeSignedPreKey(int signedPreKeyId) {
        signedPreKeys.removeSignedPreKey(signedPreKeyId);
    }

    @Override
    public Optional<SessionRecord> loadSession(SignalAddress address) {
        return sessions.loadSession(address);
    }

    @Override
    public void storeSession(SignalAddress address, SessionRecord record) {
        sessions.storeSession(address, record);
    }

    @Override
    public boolean containsSession(SignalAddress address) {
        return sessions.containsSession(address);
    }

    @Override
    public void deleteSession(SignalAddress address) {
        sessions.deleteSession(address);
    }

    @Override
    public List<Integer> deviceIdsWithSessions(String user) {
        return sessions.deviceIdsWithSessions(user);
    }
}
