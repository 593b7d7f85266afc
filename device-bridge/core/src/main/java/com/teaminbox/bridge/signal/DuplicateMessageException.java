package com.teaminbox.bridge.signal;

/** The message key of this message was already used: the message was delivered before. */
public class DuplicateMessageException extends SignalProtocolException {
    public DuplicateMessageException(String message) {
        super(message);
    }
}
