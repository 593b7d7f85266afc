package com.teaminbox.bridge.signal;

/** Common parent of the typed failures of the Signal layer, so a caller can catch them all at once. */
public abstract class SignalProtocolException extends Exception {
    protected SignalProtocolException(String message) {
        super(message);
    }

    protected SignalProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
