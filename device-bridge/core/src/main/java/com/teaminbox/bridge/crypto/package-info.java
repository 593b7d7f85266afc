/**
 * Cryptographic primitives of the multi-device protocol, on Bouncy Castle's lightweight API:
 * X25519, Ed25519, XEdDSA, HKDF, PBKDF2, HMAC-SHA256 and the AES modes the protocol uses.
 *
 * <p>Every operation takes and returns plain byte arrays so that the protocol code above
 * (Noise, Signal, linking, media) stays free of provider types. Inputs are never retained;
 * outputs are fresh arrays the caller owns. Failures a caller can act on are checked
 * exceptions ({@link com.teaminbox.bridge.crypto.AuthenticationFailedException},
 * {@link com.teaminbox.bridge.crypto.InvalidPublicKeyException}); wrong argument sizes are
 * programming errors and raise {@link java.lang.IllegalArgumentException}.
 */
package com.teaminbox.bridge.crypto;
