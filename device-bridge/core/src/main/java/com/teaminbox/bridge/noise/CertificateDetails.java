package com.teaminbox.bridge.noise;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The signed part of a server certificate: who it is (serial), who issued it (issuer serial),
 * the certified X25519 key and the validity window (whole seconds, both ends inclusive).
 *
 * <p>Encoding, fixed 58 bytes, big-endian: version (1) = 1 ‖ serial (4) ‖ issuer serial (4) ‖
 * key length (1) = 32 ‖ key (32) ‖ not-before epoch seconds (8) ‖ not-after epoch seconds (8).
 * Decoding accepts exactly this and nothing else, so one chain has exactly one encoding.
 */
public final class CertificateDetails {

    static final byte VERSION = 1;
    static final int KEY_LENGTH = 32;
    static final int ENCODED_LENGTH = 1 + 4 + 4 + 1 + KEY_LENGTH + 8 + 8;

    private final long serial;
    private final long issuerSerial;
    private final byte[] key;
    private final Instant notBefore;
    private final Instant notAfter;

    /** Serials are unsigned 32-bit values. */
    public CertificateDetails(long serial, long issuerSerial, byte[] key, Instant notBefore, Instant notAfter) {
        if (serial < 0 || serial > 0xFFFF_FFFFL || issuerSerial < 0 || issuerSerial > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("serials must be unsigned 32-bit values");
        }
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("certified key must be 32 bytes");
        }
        if (notBefore == null || notAfter == null || notAfter.isBefore(notBefore)) {
            throw new IllegalArgumentException("validity window must be non-empty");
        }
        this.serial = serial;
        this.issuerSerial = issuerSerial;
        this.key = key.clone();
        this.notBefore = Instant.ofEpochSecond(notBefore.getEpochSecond());
        this.notAfter = Instant.ofEpochSecond(notAfter.getEpochSecond());
    }

    public long serial() {
        return serial;
    }

    public long issuerSerial() {
        return issuerSerial;
    }

    public byte[] key() {
        return key.clone();
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    public boolean isValidAt(Instant instant) {
        return !instant.isBefore(notBefore) && !instant.isAfter(notAfter);
    }

    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(ENCODED_LENGTH);
        out.put(VERSION);
        out.putInt((int) serial);
        out.putInt((int) issuerSerial);
        out.put((byte) KEY_LENGTH);
        out.put(key);
        out.putLong(notBefore.getEpochSecond());
        out.putLong(notAfter.getEpochSecond());
        return out.array();
    }

    static CertificateDetails decode(byte[] encoded) throws ServerCertificateException {
        if (encoded.length != ENCODED_LENGTH) {
            throw malformed("details must be " + ENCODED_LENGTH + " bytes, got " + encoded.length);
        }
        ByteBuffer in = ByteBuffer.wrap(encoded);
        if (in.get() != VERSION) {
            throw malformed("unknown certificate details version");
        }
        long serial = Integer.toUnsignedLong(in.getInt());
        long issuerSerial = Integer.toUnsignedLong(in.getInt());
        if (in.get() != KEY_LENGTH) {
            throw malformed("certified key must be 32 bytes");
        }
        byte[] key = new byte[KEY_LENGTH];
        in.get(key);
        long notBefore = in.getLong();
        long notAfter = in.getLong();
        if (notAfter < notBefore) {
            throw malformed("validity window ends before it starts");
        }
        try {
            return new CertificateDetails(serial, issuerSerial, key, Instant.ofEpochSecond(notBefore), Instant.ofEpochSecond(notAfter));
        } catch (java.time.DateTimeException e) {
            throw malformed("validity out of range");
        }
    }

    static ServerCertificateException malformed(String message) {
        return new ServerCertificateException(ServerCertificateException.Reason.MALFORMED, message);
    }

    @Override
    public String toString() {
        return "CertificateDetails[serial=" + serial + ", issuer=" + issuerSerial + ", key="
                + HexFormat.of().formatHex(key) + ", valid " + notBefore + ".." + notAfter + "]";
    }
}
