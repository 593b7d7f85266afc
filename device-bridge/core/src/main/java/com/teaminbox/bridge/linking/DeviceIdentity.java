package com.teaminbox.bridge.linking;

import com.teaminbox.bridge.crypto.HmacSha256;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.crypto.XEdDSA;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The signing rules of a linked device's identity. The one-byte prefixes keep the three kinds
 * of signature apart, so that none can be replayed as another:
 * account signature {@code 0x06 0x00}, device signature {@code 0x06 0x01}, key-index list {@code 0x06 0x02}.
 */
public final class DeviceIdentity {

    static final byte[] ACCOUNT_SIGNATURE_PREFIX = {0x06, 0x00};
    static final byte[] DEVICE_SIGNATURE_PREFIX = {0x06, 0x01};
    static final byte[] KEY_INDEX_LIST_PREFIX = {0x06, 0x02};

    private DeviceIdentity() {
    }

    /** Primary side: MAC the details with the adv secret and sign them together with the companion's identity key. */
    public static SignedDeviceIdentity signAsPrimary(DeviceIdentityDetails details, X25519KeyPair primaryIdentity,
                                                     byte[] companionIdentityPublicKey, AdvSecret advSecret,
                                                     SecureRandom random) {
        byte[] encoded = details.encode();
        byte[] hmac = HmacSha256.mac(advSecret.bytes(), encoded);
        byte[] signature = XEdDSA.sign(primaryIdentity.privateKey(),
                concat(ACCOUNT_SIGNATURE_PREFIX, encoded, companionIdentityPublicKey), random);
        return new SignedDeviceIdentity(encoded, hmac, primaryIdentity.publicKey(), signature, null);
    }

    /**
     * Companion side: check that the primary used our adv secret (HMAC) and signed our own
     * identity key, then add our device signature.
     *
     * @throws LinkingException HMAC_MISMATCH, SIGNATURE_MISMATCH or MALFORMED_IDENTITY
     */
    public static SignedDeviceIdentity verifyAndCountersign(SignedDeviceIdentity signed, AdvSecret advSecret,
                                                            X25519KeyPair companionIdentity, SecureRandom random)
            throws LinkingException {
        byte[] details = signed.detailsBytes();
        if (!MessageDigest.isEqual(HmacSha256.mac(advSecret.bytes(), details), signed.hmac())) {
            throw new LinkingException(LinkingException.Kind.HMAC_MISMATCH,
                    "the device identity was not made with this device's adv secret");
        }
        DeviceIdentityDetails.decode(details); // well-formed before anything is signed over it
        byte[] primaryKey = signed.accountSignatureKey();
        if (!XEdDSA.verify(primaryKey, concat(ACCOUNT_SIGNATURE_PREFIX, details, companionIdentity.publicKey()),
                signed.accountSignature())) {
            throw new LinkingException(LinkingException.Kind.SIGNATURE_MISMATCH,
                    "the account signature does not cover this device's identity key");
        }
        byte[] deviceSignature = XEdDSA.sign(companionIdentity.privateKey(),
                concat(DEVICE_SIGNATURE_PREFIX, details, companionIdentity.publicKey(), primaryKey), random);
        return signed.withDeviceSignature(deviceSignature);
    }

    /**
     * Anyone (primary, server, a peer) checking a countersigned identity for a companion key.
     * Does not need the adv secret.
     */
    public static DeviceIdentityDetails verifySignatures(SignedDeviceIdentity signed, byte[] companionIdentityPublicKey)
            throws LinkingException {
        byte[] details = signed.detailsBytes();
        byte[] primaryKey = signed.accountSignatureKey();
        if (!XEdDSA.verify(primaryKey, concat(ACCOUNT_SIGNATURE_PREFIX, details, companionIdentityPublicKey),
                signed.accountSignature())) {
            throw new LinkingException(LinkingException.Kind.SIGNATURE_MISMATCH, "account signature does not verify");
        }
        byte[] deviceSignature = signed.deviceSignature().orElseThrow(() -> new LinkingException(
                LinkingException.Kind.SIGNATURE_MISMATCH, "the companion has not countersigned"));
        if (!XEdDSA.verify(companionIdentityPublicKey,
                concat(DEVICE_SIGNATURE_PREFIX, details, companionIdentityPublicKey, primaryKey), deviceSignature)) {
            throw new LinkingException(LinkingException.Kind.SIGNATURE_MISMATCH, "device signature does not verify");
        }
        return DeviceIdentityDetails.decode(details);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
