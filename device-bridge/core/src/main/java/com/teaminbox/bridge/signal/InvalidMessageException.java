package com.teaminbox.bridge.signal;

/** A message that cannot be decoded or decrypted: malformed, forged, too old or from a lost session. */
public class InvalidMessageException extends SignalProtocolException {
    public InvalidMessageException(String message) {
        super(message);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
