package com.teaminbox.bridge.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * XEdDSA signatures with X25519 keys, exactly as in Signal's published specification
 * ("The XEdDSA and VXEdDSA Signature Schemes", rev. 1, 2016-10-20, §2.3 and §3.3), so that a
 * device's identity key both agrees keys and signs prekeys and device identities.
 *
 * <p>The signature is {@code R ‖ s} (64 bytes). The signer's Edwards key always has sign bit 0
 * (calculate_key_pair negates the private scalar when needed), so every signature we make is also
 * a valid Ed25519 signature under {@link #edwardsPublicKey(byte[])}. Verification runs Bouncy
 * Castle's Ed25519 verifier on the converted key after the specification's own range checks.
 *
 * <p>libsignal signs differently: it never negates the scalar and instead stores the Edwards
 * key's sign bit in the top bit of {@code s}, which is always 0 for a reduced {@code s}. The
 * verifier accepts that bit too, as libsignal's does, so signatures from libsignal clients verify;
 * ours carry 0 there and verify in libsignal. The specification's range check then applies to
 * the remaining bits.
 *
 * <p>Scalar arithmetic modulo q uses {@link BigInteger}, which is not constant-time; the curve
 * multiplications that involve secrets are.
 */
public final class XEdDSA {

    public static final int SIGNATURE_LENGTH = 64;

    /** hash_1 prefix: the 32-byte little-endian encoding of 2^256 - 1 - 1. */
    private static final byte[] HASH1_PREFIX = hash1Prefix();

    private XEdDSA() {
    }

    public static byte[] sign(byte[] x25519PrivateKey, byte[] message, SecureRandom random) {
        X25519.requireKeyLength(x25519PrivateKey, "private key");
        byte[] nonceSeed = new byte[64];
        random.nextBytes(nonceSeed);

        // calculate_key_pair(k): E = kB; A = E with sign 0; a = -k if E had sign 1.
        byte[] k = clamp(x25519PrivateKey);
        byte[] edwardsPublic = EdwardsPoint.multiplyBase(k);
        int signBit = (edwardsPublic[31] >>> 7) & 1;
        edwardsPublic[31] &= 0x7F;
        BigInteger kScalar = EdwardsPoint.fromLittleEndian(k).mod(EdwardsPoint.Q);
        BigInteger a = signBit == 1 ? EdwardsPoint.Q.subtract(kScalar).mod(EdwardsPoint.Q) : kScalar;
        byte[] aBytes = EdwardsPoint.littleEndian(a);

        // r = hash1(a ‖ M ‖ Z) mod q, R = rB
        BigInteger r = sha512ModQ(HASH1_PREFIX, aBytes, message, nonceSeed);
        byte[] rEncoded = EdwardsPoint.multiplyBase(EdwardsPoint.littleEndian(r));

        // h = hash(R ‖ A ‖ M) mod q, s = r + h·a mod q
        BigInteger h = sha512ModQ(rEncoded, edwardsPublic, message);
        BigInteger s = r.add(h.multiply(a)).mod(EdwardsPoint.Q);

        Arrays.fill(k, (byte) 0);
        Arrays.fill(aBytes, (byte) 0);
        Arrays.fill(nonceSeed, (byte) 0);

        byte[] signature = new byte[SIGNATURE_LENGTH];
        System.arraycopy(rEncoded, 0, signature, 0, 32);
        System.arraycopy(EdwardsPoint.littleEndian(s), 0, signature, 32, 32);
        return signature;
    }

    /** @return false for a wrong signature and for any malformed key or signature */
    public static boolean verify(byte[] x25519PublicKey, byte[] message, byte[] signature) {
        if (x25519PublicKey == null || x25519PublicKey.length != X25519.KEY_LENGTH
                || signature == null || signature.length != SIGNATURE_LENGTH || message == null) {
            return false;
        }
        // Spec: reject u >= p and s >= 2^|q| (|q| = 253 bits) before any curve work; the top
        // bit is libsignal's sign bit, not part of s.
        if (EdwardsPoint.fromLittleEndian(x25519PublicKey).compareTo(EdwardsPoint.P) >= 0
                || (signature[63] & 0x60) != 0) {
            return false;
        }
        byte[] edwardsPublic = edwardsPublicKey(x25519PublicKey);
        byte[] rs = signature.clone();
        edwardsPublic[31] |= (byte) (rs[63] & 0x80);
        rs[63] &= 0x7F;
        return Ed25519.verify(edwardsPublic, message, rs);
    }

    /**
     * convert_mont(u): the Edwards point with y = (u - 1) / (u + 1) and sign bit 0.
     * The top bit of u is ignored, as X25519 ignores it.
     */
    public static byte[] edwardsPublicKey(byte[] x25519PublicKey) {
        X25519.requireKeyLength(x25519PublicKey, "public key");
        byte[] masked = x25519PublicKey.clone();
        masked[31] &= 0x7F;
        BigInteger u = EdwardsPoint.fromLittleEndian(masked).mod(EdwardsPoint.P);
        BigInteger p = EdwardsPoint.P;
        // The spec's inv(x) = x^(p-2) gives 0 for x = 0, so u = -1 maps to y = 0 rather than failing.
        BigInteger uPlusOne = u.add(BigInteger.ONE).mod(p);
        BigInteger inverse = uPlusOne.signum() == 0 ? BigInteger.ZERO : uPlusOne.modInverse(p);
        BigInteger y = u.subtract(BigInteger.ONE).multiply(inverse).mod(p);
        return EdwardsPoint.littleEndian(y);
    }

    private static byte[] clamp(byte[] privateKey) {
        byte[] k = privateKey.clone();
        k[0] &= (byte) 248;
        k[31] &= 127;
        k[31] |= 64;
        return k;
    }

    private static BigInteger sha512ModQ(byte[]... parts) {
        SHA512Digest digest = new SHA512Digest();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[64];
        digest.doFinal(out, 0);
        return EdwardsPoint.fromLittleEndian(out).mod(EdwardsPoint.Q);
    }

    private static byte[] hash1Prefix() {
        byte[] prefix = new byte[32];
        Arrays.fill(prefix, (byte) 0xFF);
        prefix[0] = (byte) 0xFE;
        return prefix;
    }
}
