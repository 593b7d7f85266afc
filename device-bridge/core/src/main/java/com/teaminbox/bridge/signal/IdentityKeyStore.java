package com.teaminbox.bridge.signal;

import java.util.Optional;

/**
 * This device's identity and the identities it has trusted for remote devices. Trust on first
 * use: an address never seen is trusted; a known address presenting another key is not, until the
 * caller accepts the new key by calling {@link #saveIdentity}.
 */
public interface IdentityKeyStore {

    IdentityKeyPair identityKeyPair();

    int localRegistrationId();

    /** Records the identity for the address; returns true when it replaced a different one. */
    boolean saveIdentity(SignalAddress address, IdentityKey identityKey);

    /** True when nothing is known for the address yet, or the known identity equals this one. */
    boolean isTrustedIdentity(SignalAddress address, IdentityKey identityKey);

    Optional<IdentityKey> identity(SignalAddress address);
}
