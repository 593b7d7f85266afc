package com.teaminbox.bridge.signal;

/**
 * The remote device presents an identity key different from the one we trusted before
 * (reinstall, new phone, or an attack). Nothing was changed; the caller decides, and accepts the
 * new identity explicitly with {@link IdentityKeyStore#saveIdentity} before retrying.
 */
public class UntrustedIdentityException extends SignalProtocolException {
    private final SignalAddress address;
    private final IdentityKey untrustedIdentity;

    public UntrustedIdentityException(SignalAddress address, IdentityKey untrustedIdentity) {
        super("identity key of " + address + " changed");
        this.address = address;
        this.untrustedIdentity = untrustedIdentity;
    }

    public SignalAddress address() {
        return address;
    }

    public IdentityKey untrustedIdentity() {
        return untrustedIdentity;
    }
}
