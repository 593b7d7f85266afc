package com.teaminbox.bridge.signal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Appends big-endian fixed-width fields; the counterpart of {@link WireReader}. */
public final class WireWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public WireWriter u8(int value) {
        out.write(value);
        return this;
    }

    public WireWriter u16(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("does not fit in 16 bits: " + value);
        }
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    public WireWriter u32(long value) {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("does not fit in 32 bits: " + value);
        }
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    public WireWriter i64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    public WireWriter bytes(byte[] value) {
        out.writeBytes(value);
        return this;
    }

    /** A 32-bit length followed by the bytes. */
    public WireWriter blob(byte[] value) {
        return u32(value.length).bytes(value);
    }

    /** A 16-bit length followed by UTF-8. */
    public WireWriter shortText(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return u16(utf8.length).bytes(utf8);
    }

    /** A 32-bit length followed by UTF-8. */
    public WireWriter text(String value) {
        return blob(value.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
