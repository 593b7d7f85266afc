package com.teaminbox.sandbox.linking;

/** The network refused a link step; {@code reason} is the stable code the companion and the phone see. */
public class LinkRefusedException extends Exception {

    private final String reason;

    public LinkRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
