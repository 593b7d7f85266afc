package com.teaminbox.bridge.crypto;

import java.security.GeneralSecurityException;

/**
 * Ciphertext did not authenticate (GCM tag mismatch) or did not unpad (CBC). The caller should
 * treat the message as forged or corrupted: drop it, ask for a retry, or report a wrong code.
 * The message never says why in detail, so that it cannot serve as a padding oracle.
 */
public final class AuthenticationFailedException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException(String message) {
        super(message);
    }

    public AuthenticationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
