package com.teaminbox.bridge.linking;

/** Linking failed in a way the caller can name to the user or act on (retry, show a new QR, ...). */
public class LinkingException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, with the protocol's error code. */
    public enum Kind {
        /** The pair-success was not made with this companion's adv secret: not our primary, or tampered. */
        HMAC_MISMATCH("hmac-mismatch"),
        /** A signature over the device identity or key-index list does not verify. */
        SIGNATURE_MISMATCH("signature-mismatch"),
        /** The primary could not open the key bundle: the code typed on the phone was not the one shown. */
        WRONG_PAIRING_CODE("wrong-pairing-code"),
        INVALID_PAIRING_CODE("invalid-pairing-code"),
        INVALID_QR_CODE("invalid-qr-code"),
        MALFORMED_IDENTITY("malformed-identity"),
        /** The device's key index is not in the account's signed list: it was unlinked or never linked. */
        KEY_INDEX_NOT_LISTED("key-index-not-listed"),
        /** Every QR ref ran out before the phone scanned one. */
        EXPIRED("expired"),
        /** The server ended the attempt (stream error, too many code attempts, ...). */
        SERVER_ERROR("server-error"),
        /** The server sent something that does not fit this point of the protocol. */
        PROTOCOL_VIOLATION("protocol-violation");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Kind kind;

    public LinkingException(Kind kind, String message) {
        super(kind.code() + ": " + message);
        this.kind = kind;
    }

    public LinkingException(Kind kind, String message, Throwable cause) {
        super(kind.code() + ": " + message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
