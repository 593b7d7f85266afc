package com.teaminbox.bridge.signal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the fields written by {@link WireWriter} and refuses anything sloppy: every read is
 * bounds-checked, lengths have caller-given maxima, text must be valid UTF-8, and
 * {@link #expectEnd()} rejects trailing bytes. Our formats are parsed from untrusted input.
 */
public final class WireReader {
    private final byte[] data;
    private int position;

    public WireReader(byte[] data) {
        this.data = data;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return data.length - position;
    }

    public int u8() throws InvalidEncodingException {
        require(1);
        return data[position++] & 0xFF;
    }

    public int u16() throws InvalidEncodingException {
        require(2);
        int value = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    public long u32() throws InvalidEncodingException {
        require(4);
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (data[position++] & 0xFF);
        }
        return value;
    }

    /** A 32-bit field that must fit a non-negative Java int (counters, ids). */
    public int u31() throws InvalidEncodingException {
        long value = u32();
        if (value > Integer.MAX_VALUE) {
            throw new InvalidEncodingException("value out of range: " + value);
        }
        return (int) value;
    }

    public long i64() throws InvalidEncodingException {
        require(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (data[position++] & 0xFF);
        }
        return value;
    }

    public byte[] bytes(int length) throws InvalidEncodingException {
        require(length);
        byte[] value = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return value;
    }

    public byte[] blob(int maxLength) throws InvalidEncodingException {
        long length = u32();
        if (length > maxLength) {
            throw new InvalidEncodingException("field of " + length + " bytes exceeds " + maxLength);
        }
        return bytes((int) length);
    }

    public String shortText(int maxBytes) throws InvalidEncodingException {
        int length = u16();
        if (length > maxBytes) {
            throw new InvalidEncodingException("text of " + length + " bytes exceeds " + maxBytes);
        }
        return utf8(bytes(length));
    }

    public String text(int maxBytes) throws InvalidEncodingException {
        return utf8(blob(maxBytes));
    }

    /** A flag byte that must be exactly 0 or 1. */
    public boolean flag() throws InvalidEncodingException {
        int value = u8();
        if (value > 1) {
            throw new InvalidEncodingException("flag must be 0 or 1, was " + value);
        }
        return value == 1;
    }

    public void expectEnd() throws InvalidEncodingException {
        if (position != data.length) {
            throw new InvalidEncodingException((data.length - position) + " trailing bytes");
        }
    }

    private void require(int length) throws InvalidEncodingException {
        if (length < 0 || length > data.length - position) {
            throw new InvalidEncodingException("truncated: need " + length + " bytes at " + position
                    + ", have " + (data.length - position));
        }
    }

    private static String utf8(byte[] bytes) throws InvalidEncodingException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidEncodingException("text is not valid UTF-8");
        }
    }
}
