package com.teaminbox.server.device.keys;

/**
 * A sealed value did not open: tampered with, sealed under another master key, or copied from
 * another device or name. Never carries the value or the key.
 */
public class KeyMaterialUnreadable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyMaterialUnreadable(String message) {
        super(message);
    }

    public KeyMaterialUnreadable(String message, Throwable cause) {
        super(message, cause);
    }
}
