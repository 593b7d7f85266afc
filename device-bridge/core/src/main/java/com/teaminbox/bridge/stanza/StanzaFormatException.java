package com.teaminbox.bridge.stanza;

/**
 * A byte string is not a well-formed stanza (or a stanza cannot be put on the wire).
 * The only exception the codec throws; a connection that receives one should be closed,
 * since the peer and this device no longer agree on the format.
 */
public final class StanzaFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public StanzaFormatException(String message) {
        super(message);
    }
}
