package com.teaminbox.bridge.noise;

/**
 * A cipher state has used every nonce it may (2^64 - 1 is reserved by Noise). Reusing a nonce
 * would break AES-GCM, so the session must end: the caller reconnects and handshakes again.
 * Unchecked because no real connection gets near it; a caller that does must not continue.
 */
public final class NonceExhaustedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public NonceExhaustedException() {
        super("Noise cipher state ran out of nonces; reconnect to get fresh keys");
    }
}
