package com.teaminbox.bridge.signal;

/** A key is malformed or its signature does not verify. */
public class InvalidKeyException extends SignalProtocolException {
    public InvalidKeyException(String message) {
        super(message);
    }

    public InvalidKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
