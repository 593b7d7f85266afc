package com.teaminbox.bridge.linking;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The device identity as it travels: encoded details, the HMAC with the adv secret, the
 * primary's identity key with its account signature and, once the companion has
 * countersigned, the device signature. Wire form (strict, exact length):
 * {@code version(1)=1 | detailsLength(2) | details | hmac(32) | accountKey(32) | accountSignature(64) | hasDeviceSignature(1) | deviceSignature(64)?}
 */
public final class SignedDeviceIdentity {

    private static final int VERSION = 1;
    private static final int HMAC_LENGTH = 32;
    private static final int KEY_LENGTH = 32;
    private static final int SIGNATURE_LENGTH = 64;
    private static final int MAX_DETAILS_LENGTH = 64;

    private final byte[] details;
    private final byte[] hmac;
    private final byte[] accountSignatureKey;
    private final byte[] accountSignature;
    private final byte[] deviceSignature;

    SignedDeviceIdentity(byte[] details, byte[] hmac, byte[] accountSignatureKey, byte[] accountSignature,
                         byte[] deviceSignature) {
        if (details.length == 0 || details.length > MAX_DETAILS_LENGTH || hmac.length != HMAC_LENGTH
                || accountSignatureKey.length != KEY_LENGTH || accountSignature.length != SIGNATURE_LENGTH
                || (deviceSignature != null && deviceSignature.length != SIGNATURE_LENGTH)) {
            throw new IllegalArgumentException("signed device identity parts have the wrong lengths");
        }
        this.details = details.clone();
        this.hmac = hmac.clone();
        this.accountSignatureKey = accountSignatureKey.clone();
        this.accountSignature = accountSignature.clone();
        this.deviceSignature = deviceSignature == null ? null : deviceSignature.clone();
    }

    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(1 + 2 + details.length + HMAC_LENGTH + KEY_LENGTH + SIGNATURE_LENGTH + 1
                + (deviceSignature == null ? 0 : SIGNATURE_LENGTH));
        out.put((byte) VERSION).putShort((short) details.length).put(details).put(hmac)
                .put(accountSignatureKey).put(accountSignature);
        if (deviceSignature == null) {
            out.put((byte) 0);
        } else {
            out.put((byte) 1).put(deviceSignature);
        }
        return out.array();
    }

    public static SignedDeviceIdentity decode(byte[] encoded) throws LinkingException {
        if (encoded == null || encoded.length < 3 || encoded[0] != VERSION) {
            throw malformed("unknown signed identity version");
        }
        ByteBuffer in = ByteBuffer.wrap(encoded, 1, encoded.length - 1);
        int detailsLength = in.getShort() & 0xffff;
        if (detailsLength == 0 || detailsLength > MAX_DETAILS_LENGTH) {
            throw malformed("details length " + detailsLength + " out of range");
        }
        int fixed = 3 + detailsLength + HMAC_LENGTH + KEY_LENGTH + SIGNATURE_LENGTH + 1;
        if (encoded.length != fixed && encoded.length != fixed + SIGNATURE_LENGTH) {
            throw malformed("signed identity has the wrong length");
        }
        byte[] details = take(in, detailsLength);
        byte[] hmac = take(in, HMAC_LENGTH);
        byte[] key = take(in, KEY_LENGTH);
        byte[] signature = take(in, SIGNATURE_LENGTH);
        int hasDeviceSignature = in.get();
        if (hasDeviceSignature != (encoded.length == fixed ? 0 : 1)) {
            throw malformed("device signature marker does not match the length");
        }
        byte[] deviceSignature = hasDeviceSignature == 1 ? take(in, SIGNATURE_LENGTH) : null;
        return new SignedDeviceIdentity(details, hmac, key, signature, deviceSignature);
    }

    private static byte[] take(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static LinkingException malformed(String message) {
        return new LinkingException(LinkingException.Kind.MALFORMED_IDENTITY, message);
    }

    /** The details as signed; decode them only after the HMAC checked out. */
    public byte[] detailsBytes() {
        return details.clone();
    }

    public byte[] hmac() {
        return hmac.clone();
    }

    /** The primary's identity public key that made the account signature. */
    public byte[] accountSignatureKey() {
        return accountSignatureKey.clone();
    }

    public byte[] accountSignature() {
        return accountSignature.clone();
    }

    public Optional<byte[]> deviceSignature() {
        return Optional.ofNullable(deviceSignature).map(byte[]::clone);
    }

    SignedDeviceIdentity withDeviceSignature(byte[] signature) {
        return new SignedDeviceIdentity(details, hmac, accountSignatureKey, accountSignature, signature);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedDeviceIdentity that && Arrays.equals(encode(), that.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "SignedDeviceIdentity[" + details.length + " bytes of details, "
                + (deviceSignature == null ? "not yet countersigned" : "countersigned") + "]";
    }
}
