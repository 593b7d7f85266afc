package com.teaminbox.bridge.signal;

/** There is no session with that device yet: fetch its prekey bundle first. */
public class NoSessionException extends SignalProtocolException {
    public NoSessionException(String message) {
        super(message);
    }
}
