package com.teaminbox.bridge.client;

/** A request to the network failed: not connected, refused by the server, or no answer in time. */
public class ClientException extends RuntimeException {

    public enum Kind {
        NOT_CONNECTED, TIMED_OUT, REFUSED, ENCRYPTION_FAILED, HANDSHAKE_FAILED
    }

    private final Kind kind;
    /** The network's status code when it refused (e.g. 401 at login), else 0. */
    private final int status;

    public ClientException(Kind kind, String message) {
        this(kind, message, 0);
    }

    public ClientException(Kind kind, String message, int status) {
        super(message);
        this.kind = kind;
        this.status = status;
    }

    public ClientException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = 0;
    }

    public Kind kind() {
        return kind;
    }

    /** The status code the network refused with (401 logged out, 440 replaced, ...), or 0 when it gave none. */
    public int status() {
        return status;
    }
}
