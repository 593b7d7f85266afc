package com.teaminbox.bridge.noise;

/**
 * The Noise handshake cannot go on: a message was malformed or did not authenticate, a peer key
 * was unusable, or a message came out of turn. The caller closes the connection and may retry
 * with a fresh handshake; nothing from the failed attempt is usable.
 */
public final class NoiseHandshakeException extends Exception {

    private static final long serialVersionUID = 1L;

    public NoiseHandshakeException(String message) {
        super(message);
    }

    public NoiseHandshakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
