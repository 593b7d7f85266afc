package com.teaminbox.bridge.signal;

/** A prekey message names a prekey this device does not have (never had, or already consumed). */
public class InvalidKeyIdException extends InvalidKeyException {
    public InvalidKeyIdException(String message) {
        super(message);
    }
}
