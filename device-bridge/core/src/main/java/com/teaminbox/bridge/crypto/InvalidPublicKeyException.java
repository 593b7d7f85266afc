package com.teaminbox.bridge.crypto;

import java.security.GeneralSecurityException;

/**
 * A peer's public key cannot be used: X25519 with it gave the all-zero shared secret (a
 * low-order point, RFC 7748 §6.1). The caller should reject the peer's message or handshake;
 * continuing would derive keys an attacker knows.
 */
public final class InvalidPublicKeyException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    public InvalidPublicKeyException(String message) {
        super(message);
    }
}
