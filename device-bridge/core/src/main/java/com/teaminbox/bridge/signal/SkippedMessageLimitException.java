package com.teaminbox.bridge.signal;

/**
 * A message lies further ahead in its chain than the session is willing to skip. The bound keeps
 * a forged counter from making the receiver derive and store an unbounded number of keys.
 */
public class SkippedMessageLimitException extends InvalidMessageException {
    public SkippedMessageLimitException(String message) {
        super(message);
    }
}
