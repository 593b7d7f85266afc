package com.teaminbox.bridge.signal;

/** Bytes that do not follow one of our strict binary formats (truncated, trailing data, bad field). */
public class InvalidEncodingException extends Exception {
    public InvalidEncodingException(String message) {
        super(message);
    }
}
