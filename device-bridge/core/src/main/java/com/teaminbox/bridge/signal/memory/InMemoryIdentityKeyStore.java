package com.teaminbox.bridge.signal.memory;

import com.teaminbox.bridge.signal.IdentityKey;
import com.teaminbox.bridge.signal.IdentityKeyPair;
import com.teaminbox.bridge.signal.IdentityKeyStore;
import com.teaminbox.bridge.signal.SignalAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryIdentityKeyStore implements IdentityKeyStore {
    private final IdentityKeyPair identityKeyPair;
    private final int registrationId;
    private final Map<SignalAddress, IdentityKey> trusted = new ConcurrentHashMap<>();

    public InMemoryIdentityKeyStore(IdentityKeyPair identityKeyPair, int registrationId) {
        this.identityKeyPair = identityKeyPair;
        this.registrationId = registrationId;
    }

    @Override
    public IdentityKeyPair identityKeyPair() {
        return identityKeyPair;
    }

    @Override
    public int localRegistrationId() {
        return registrationId;
    }

    @Override
    public boolean saveIdentity(SignalAddress address, IdentityKey identityKey) {
        IdentityKey previous = trusted.put(address, identityKey);
        return previous != null && !previous.equals(identityKey);
    }

    @Override
    public boolean isTrustedIdentity(SignalAddress address, IdentityKey identityKey) {
        IdentityKey known = trusted.get(address);
        return known == null || known.equals(identityKey);
    }

    @Override
    public Optional<IdentityKey> identity(SignalAddress address) {
        return Optional.ofNullable(trusted.get(address));
    }
}
