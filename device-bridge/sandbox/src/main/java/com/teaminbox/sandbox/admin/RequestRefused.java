package com.teaminbox.sandbox.admin;

/** A state-changing call the admin port refuses before reading it, with status and stable reason. */
final class RequestRefused extends RuntimeException {

    private final int status;
    private final String reason;

    RequestRefused(int status, String reason, String sentence) {
        super(sentence);
        this.status = status;
        this.reason = reason;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }
}
