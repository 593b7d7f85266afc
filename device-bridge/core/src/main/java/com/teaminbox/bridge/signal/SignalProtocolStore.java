package com.teaminbox.bridge.signal;

/** All four stores of one device together, as the protocol classes need them. */
public interface SignalProtocolStore extends IdentityKeyStore, PreKeyStore, SignedPreKeyStore, SessionStore {
}
