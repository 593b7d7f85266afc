package com.teaminbox.ui.api;

/** A call to inbox-server failed; the message is a sentence fit to show the user. */
public class InboxApiException extends RuntimeException {

    private final int status;

    public InboxApiException(int status, String sentence) {
        super(sentence);
        this.status = status;
    }

    public InboxApiException(String sentence, Throwable cause) {
        super(sentence, cause);
        this.status = 0;
    }

    /** The HTTP status, or 0 when the server could not be reached. */
    public int status() {
        return status;
    }
}
