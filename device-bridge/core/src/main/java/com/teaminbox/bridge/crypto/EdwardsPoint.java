package com.teaminbox.bridge.crypto;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A point of the twisted Edwards curve edwards25519 in extended coordinates (X:Y:Z:T), on
 * Bouncy Castle's constant-time field arithmetic. Bouncy Castle keeps its own base-point
 * multiplication private and only exposes it behind Ed25519's hashed keys; XEdDSA needs it for
 * raw scalars, so this class supplies the two operations it needs: multiply the base point by
 * a secret scalar in constant time, and encode the result (RFC 8032 §5.1.2).
 */
final class EdwardsPoint {

    static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    /** Order of the prime-order subgroup. */
    static final BigInteger Q = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final int[] TWO_D = field(D.shiftLeft(1).mod(P));
    private static final BigInteger BASE_Y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
    private static final BigInteger BASE_X =
            new BigInteger("15112221349535400772501151409588531511454012693041857206046113283949847762202");

    private final int[] x = X25519Field.create();
    private final int[] y = X25519Field.create();
    private final int[] z = X25519Field.create();
    private final int[] t = X25519Field.create();

    private EdwardsPoint() {
    }

    private static EdwardsPoint identity() {
        EdwardsPoint point = new EdwardsPoint();
        X25519Field.one(point.y);
        X25519Field.one(point.z);
        return point;
    }

    private static EdwardsPoint base() {
        EdwardsPoint point = new EdwardsPoint();
        X25519Field.copy(field(BASE_X), 0, point.x, 0);
        X25519Field.copy(field(BASE_Y), 0, point.y, 0);
        X25519Field.one(point.z);
        X25519Field.copy(field(BASE_X.multiply(BASE_Y).mod(P)), 0, point.t, 0);
        return point;
    }

    /**
     * scalar·B with a Montgomery ladder over the complete addition law: the same operations run
     * for every bit, so timing does not depend on the secret scalar.
     *
     * @param scalar 32 bytes, little-endian
     * @return the 32-byte encoding (y with the sign of x in the top bit)
     */
    static byte[] multiplyBase(byte[] scalar) {
        EdwardsPoint r0 = identity();
        EdwardsPoint r1 = base();
        for (int bitIndex = 255; bitIndex >= 0; bitIndex--) {
            int bit = (scalar[bitIndex >>> 3] >>> (bitIndex & 7)) & 1;
            swap(bit, r0, r1);
            EdwardsPoint sum = add(r0, r1);
            EdwardsPoint doubled = add(r0, r0);
            r0 = doubled;
            r1 = sum;
            swap(bit, r0, r1);
        }
        return r0.encode();
    }

    private static void swap(int bit, EdwardsPoint a, EdwardsPoint b) {
        X25519Field.cswap(bit, a.x, b.x);
        X25519Field.cswap(bit, a.y, b.y);
        X25519Field.cswap(bit, a.z, b.z);
        X25519Field.cswap(bit, a.t, b.t);
    }

    /** RFC 8032 §5.1.4 addition for a = -1; complete, so it also doubles. */
    private static EdwardsPoint add(EdwardsPoint p, EdwardsPoint q) {
        int[] a = X25519Field.create();
        int[] b = X25519Field.create();
        int[] c = X25519Field.create();
        int[] d = X25519Field.create();
        int[] u = X25519Field.create();
        int[] v = X25519Field.create();

        X25519Field.sub(p.y, p.x, u);
        X25519Field.sub(q.y, q.x, v);
        X25519Field.mul(u, v, a);
        X25519Field.add(p.y, p.x, u);
        X25519Field.add(q.y, q.x, v);
        X25519Field.mul(u, v, b);
        X25519Field.mul(p.t, q.t, c);
        X25519Field.mul(c, TWO_D, c);
        X25519Field.mul(p.z, q.z, d);
        X25519Field.add(d, d, d);

        int[] e = X25519Field.create();
        int[] f = X25519Field.create();
        int[] g = X25519Field.create();
        int[] h = X25519Field.create();
        X25519Field.sub(b, a, e);
        X25519Field.sub(d, c, f);
        X25519Field.add(d, c, g);
        X25519Field.add(b, a, h);
        X25519Field.carry(e);
        X25519Field.carry(f);
        X25519Field.carry(g);
        X25519Field.carry(h);

        EdwardsPoint sum = new EdwardsPoint();
        X25519Field.mul(e, f, sum.x);
        X25519Field.mul(g, h, sum.y);
        X25519Field.mul(e, h, sum.t);
        X25519Field.mul(f, g, sum.z);
        return sum;
    }

    private byte[] encode() {
        int[] zInverse = X25519Field.create();
        int[] affineX = X25519Field.create();
        int[] affineY = X25519Field.create();
        X25519Field.inv(z, zInverse);
        X25519Field.mul(x, zInverse, affineX);
        X25519Field.mul(y, zInverse, affineY);
        X25519Field.normalize(affineX);
        X25519Field.normalize(affineY);
        byte[] xBytes = new byte[32];
        byte[] encoded = new byte[32];
        X25519Field.encode(affineX, xBytes, 0);
        X25519Field.encode(affineY, encoded, 0);
        encoded[31] |= (byte) ((xBytes[0] & 1) << 7);
        return encoded;
    }

    private static int[] field(BigInteger value) {
        int[] element = X25519Field.create();
        X25519Field.decode(littleEndian(value), 0, element);
        return element;
    }

    static byte[] littleEndian(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    static BigInteger fromLittleEndian(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }
}
