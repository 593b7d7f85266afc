package com.teaminbox.bridge.linking;

/** A typed pairing code cannot be a code at all (wrong length or a character outside the alphabet). */
public final class InvalidPairingCodeException extends LinkingException {

    private static final long serialVersionUID = 1L;

    private final int position;

    /** @param position index of the offending character in the typed text, or -1 for a length problem */
    public InvalidPairingCodeException(int position, String message) {
        super(Kind.INVALID_PAIRING_CODE, message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
