package com.teaminbox.bridge.noise;

/**
 * The server's certificate chain does not prove that the Noise peer is our server. The caller
 * aborts the handshake; {@link #reason()} says what to report and whether retrying can help
 * ({@link Reason#EXPIRED} may mean a wrong local clock).
 */
public final class ServerCertificateException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The chain does not lead to the pinned root (issuer serials do not link up). */
        UNTRUSTED_ROOT("untrusted-root"),
        /** A signature in the chain does not verify. */
        BAD_SIGNATURE("bad-signature"),
        /** A certificate is outside its validity window at the time of checking. */
        EXPIRED("expired"),
        /** The leaf certifies a different key than the one the server used in the handshake. */
        KEY_MISMATCH("key-mismatch"),
        /** The chain's bytes do not decode under the strict encoding. */
        MALFORMED("malformed");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** Stable code for logs and problem responses. */
        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public ServerCertificateException(Reason reason, String message) {
        super(reason.code() + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
