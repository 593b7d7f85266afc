package com.teaminbox.sandbox.phone;

/** The simulated phone could not do what the owner asked; {@code reason} is a stable code for the admin API. */
public class PhoneException extends Exception {

    private final String reason;

    public PhoneException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public PhoneException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
