package com.teaminbox.bridge.client;

/** A request to the network failed: not connected, refused by the server, or no answer in time. */
public class ClientException extends RuntimeException {

    public enum Kind {
        NOT_CONNECTED, TIMED_OUT, REFUSED, ENCRYPTION_FAILED, HANDSHAKE_FAILED
    }

    private final Kind kind;

    public ClientException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ClientException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
