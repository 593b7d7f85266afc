package com.teaminbox.bridge.signal;

import com.teaminbox.bridge.crypto.Hkdf;
import com.teaminbox.bridge.crypto.InvalidPublicKeyException;
import com.teaminbox.bridge.crypto.X25519;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The X3DH shared secret. KM = DH1 ‖ DH2 ‖ DH3 [‖ DH4] with
 * DH1 = DH(IK_A, SPK_B), DH2 = DH(EK_A, IK_B), DH3 = DH(EK_A, SPK_B), DH4 = DH(EK_A, OPK_B);
 * HKDF input is 32 × 0xFF ‖ KM (domain separation from XEdDSA), zero salt, info "WhisperText",
 * 64 bytes split into root key and chain key.
 */
final class X3dhAgreement {
    private static final byte[] INFO = "WhisperText".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZERO_SALT = new byte[32];

    private X3dhAgreement() {
    }

    static DerivedKeys asInitiator(byte[] ourIdentityPrivate, byte[] ourBasePrivate, IdentityKey theirIdentity,
                                   byte[] theirSignedPreKey, byte[] theirOneTimePreKey)
            throws InvalidKeyException {
        try {
            return derive(
                X25519.agree(ourIdentityPrivate, theirSignedPreKey),
                X25519.agree(ourBasePrivate, theirIdentity.publicKey()),
                X25519.agree(ourBasePrivate, theirSignedPreKey),
                theirOneTimePreKey == null ? null : X25519.agree(ourBasePrivate, theirOneTimePreKey));
        } catch (InvalidPublicKeyException e) {
            throw new InvalidKeyException("the peer's prekey bundle holds an unusable key", e);
        }
    }

    static DerivedKeys asResponder(byte[] ourIdentityPrivate, byte[] ourSignedPreKeyPrivate,
                                   byte[] ourOneTimePreKeyPrivate, IdentityKey theirIdentity, byte[] theirBaseKey)
            throws InvalidKeyException {
        try {
            return derive(
                X25519.agree(ourSignedPreKeyPrivate, theirIdentity.publicKey()),
                X25519.agree(ourIdentityPrivate, theirBaseKey),
                X25519.agree(ourSignedPreKeyPrivate, theirBaseKey),
                ourOneTimePreKeyPrivate == null ? null : X25519.agree(ourOneTimePreKeyPrivate, theirBaseKey));
        } catch (InvalidPublicKeyException e) {
            throw new InvalidKeyException("the prekey message holds an unusable key", e);
        }
    }

    private static DerivedKeys derive(byte[] dh1, byte[] dh2, byte[] dh3, byte[] dh4) {
        ByteArrayOutputStream secrets = new ByteArrayOutputStream(32 * 5);
        byte[] discontinuity = new byte[32];
        Arrays.fill(discontinuity, (byte) 0xFF);
        secrets.writeBytes(discontinuity);
        secrets.writeBytes(dh1);
        secrets.writeBytes(dh2);
        secrets.writeBytes(dh3);
        if (dh4 != null) {
            secrets.writeBytes(dh4);
        }
        return DerivedKeys.split(Hkdf.derive(secrets.toByteArray(), ZERO_SALT, INFO, 64));
    }
}
