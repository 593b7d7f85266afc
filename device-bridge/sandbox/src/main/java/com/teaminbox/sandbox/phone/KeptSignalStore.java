package com.teaminbox.sandbox.phone;

import com.teaminbox.bridge.signal.IdentityKey;
import com.teaminbox.bridge.signal.IdentityKeyPair;
import com.teaminbox.bridge.signal.InvalidEncodingException;
import com.teaminbox.bridge.signal.PreKeyRecord;
import com.teaminbox.bridge.signal.SessionRecord;
import com.teaminbox.bridge.signal.SignalAddress;
import com.teaminbox.bridge.signal.SignalProtocolStore;
import com.teaminbox.bridge.signal.SignedPreKeyRecord;
import com.teaminbox.bridge.signal.memory.InMemorySignalProtocolStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulated device's Signal stores in memory, written down as a {@link SimulatedDeviceRecord}
 * when the sandbox stops, so that a restarted sandbox keeps its phone's and customers' sessions
 * (otherwise every companion would see their identities as new devices).
 */
final class KeptSignalStore implements SignalProtocolStore {

    private final InMemorySignalProtocolStore memory;
    private final Map<SignalAddress, Boolean> known = new ConcurrentHashMap<>();
    private final Map<Integer, PreKeyRecord> preKeys = new ConcurrentHashMap<>();

    KeptSignalStore(IdentityKeyPair identity, int registrationId) {
        this.memory = new InMemorySignalProtocolStore(identity, registrationId);
    }

    /** The stores as kept on disk: identities and sessions by address, prekeys and signed prekeys serialized. */
    void writeTo(SimulatedDeviceRecord.Builder record) {
        for (SignalAddress address : known.keySet()) {
            String key = address.user() + ":" + address.deviceId();
            memory.identity(address).ifPresent(identity -> record.identity(key, identity.publicKey()));
            memory.loadSession(address).ifPresent(session -> record.session(key, session.serialize()));
        }
        preKeys.values().forEach(p -> record.preKey(p.serialize()));
        memory.loadSignedPreKeys().forEach(s -> record.signedPreKey(s.serialize()));
    }

    void readFrom(SimulatedDeviceRecord record) throws InvalidEncodingException {
        for (Map.Entry<String, byte[]> entry : record.identities().entrySet()) {
            saveIdentity(address(entry.getKey()), new IdentityKey(entry.getValue()));
        }
        for (Map.Entry<String, byte[]> entry : record.sessions().entrySet()) {
            storeSession(address(entry.getKey()), SessionRecord.deserialize(entry.getValue()));
        }
        for (byte[] preKey : record.preKeys()) {
            storePreKey(PreKeyRecord.deserialize(preKey));
        }
        for (byte[] signed : record.signedPreKeys()) {
            storeSignedPreKey(SignedPreKeyRecord.deserialize(signed));
        }
    }

    private static SignalAddress address(String key) {
        int colon = key.lastIndexOf(':');
        return new SignalAddress(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1)));
    }

    @Override
    public IdentityKeyPair identityKeyPair() {
        return memory.identityKeyPair();
    }

    @Override
    public int localRegistrationId() {
        return memory.localRegistrationId();
    }

    @Override
    public boolean saveIdentity(SignalAddress address, IdentityKey identityKey) {
        known.put(address, Boolean.TRUE);
        return memory.saveIdentity(address, identityKey);
    }

    @Override
    public boolean isTrustedIdentity(SignalAddress address, IdentityKey identityKey) {
        return memory.isTrustedIdentity(address, identityKey);
    }

    @Override
    public Optional<IdentityKey> identity(SignalAddress address) {
        return memory.identity(address);
    }

    @Override
    public Optional<PreKeyRecord> loadPreKey(int preKeyId) {
        return memory.loadPreKey(preKeyId);
    }

    @Override
    public void storePreKey(PreKeyRecord record) {
        preKeys.put(record.id(), record);
        memory.storePreKey(record);
    }

    @Override
    public boolean containsPreKey(int preKeyId) {
        return memory.containsPreKey(preKeyId);
    }

    @Override
    public void removePreKey(int preKeyId) {
        preKeys.remove(preKeyId);
        memory.removePreKey(preKeyId);
    }

    @Override
    public Optional<SignedPreKeyRecord> loadSignedPreKey(int signedPreKeyId) {
        return memory.loadSignedPreKey(signedPreKeyId);
    }

    @Override
    public List<SignedPreKeyRecord> loadSignedPreKeys() {
        return memory.loadSignedPreKeys();
    }

    @Override
    public void storeSignedPreKey(SignedPreKeyRecord record) {
        memory.storeSignedPreKey(record);
    }

    @Override
    public boolean containsSignedPreKey(int signedPreKeyId) {
        return memory.containsSignedPreKey(signedPreKeyId);
    }

    @Override
    public void removeSignedPreKey(int signedPreKeyId) {
        memory.removeSignedPreKey(signedPreKeyId);
    }

    @Override
    public Optional<SessionRecord> loadSession(SignalAddress address) {
        return memory.loadSession(address);
    }

    @Override
    public void storeSession(SignalAddress address, SessionRecord record) {
        known.put(address, Boolean.TRUE);
        memory.storeSession(address, record);
    }

    @Override
    public boolean containsSession(SignalAddress address) {
        return memory.containsSession(address);
    }

    @Override
    public void deleteSession(SignalAddress address) {
        memory.deleteSession(address);
    }

    @Override
    public List<Integer> deviceIdsWithSessions(String user) {
        return memory.deviceIdsWithSessions(user);
    }
}
