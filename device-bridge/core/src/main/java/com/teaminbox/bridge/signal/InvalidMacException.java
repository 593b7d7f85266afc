package com.teaminbox.bridge.signal;

/** The message authentication code does not match: the message was altered or not meant for this session. */
public class InvalidMacException extends InvalidMessageException {
    public InvalidMacException(String message) {
        super(message);
    }
}
