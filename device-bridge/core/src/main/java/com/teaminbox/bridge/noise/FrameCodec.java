package com.teaminbox.bridge.noise;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Length framing on the WebSocket: each frame is a 3-byte big-endian length and that many bytes
 * of payload (at most 2^24 - 1). The decoder accepts bytes in whatever pieces the socket delivers
 * and returns the frames completed so far. It allocates a frame's buffer only once the header is
 * complete and the declared length is within the limit, so a hostile length cannot make it
 * reserve more than the limit. One decoder per connection; not thread-safe.
 */
public final class FrameCodec {

    public static final int HEADER_LENGTH = 3;
    /** The largest length three bytes can declare: 16 MiB - 1. */
    public static final int MAX_PAYLOAD_LENGTH = (1 << 24) - 1;

    private final int maxPayloadLength;
    private final byte[] header = new byte[HEADER_LENGTH];
    private int headerFilled;
    private byte[] body;
    private int bodyFilled;
    private boolean broken;

    public FrameCodec() {
        this(MAX_PAYLOAD_LENGTH);
    }

    /** @param maxPayloadLength a lower limit than the protocol's, e.g. before login */
    public FrameCodec(int maxPayloadLength) {
        if (maxPayloadLength < 0 || maxPayloadLength > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("frame limit must be 0.." + MAX_PAYLOAD_LENGTH);
        }
        this.maxPayloadLength = maxPayloadLength;
    }

    public byte[] encode(byte[] payload) throws FrameTooLargeException {
        if (payload.length > maxPayloadLength) {
            throw new FrameTooLargeException(payload.length, maxPayloadLength);
        }
        byte[] frame = new byte[HEADER_LENGTH + payload.length];
        frame[0] = (byte) (payload.length >>> 16);
        frame[1] = (byte) (payload.length >>> 8);
        frame[2] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, HEADER_LENGTH, payload.length);
        return frame;
    }

    public List<byte[]> decode(byte[] chunk) throws FrameTooLargeException {
        return decode(ByteBuffer.wrap(chunk));
    }

    /** Consumes every remaining byte of {@code chunk}; a partial frame is kept for the next call. */
    public List<byte[]> decode(ByteBuffer chunk) throws FrameTooLargeException {
        if (broken) {
            throw new IllegalStateException("frame stream already failed; close the connection");
        }
        List<byte[]> frames = new ArrayList<>();
        while (chunk.hasRemaining()) {
            if (body == null) {
                int take = Math.min(HEADER_LENGTH - headerFilled, chunk.remaining());
                chunk.get(header, headerFilled, take);
                headerFilled += take;
                if (headerFilled < HEADER_LENGTH) {
                    break;
                }
                int length = ((header[0] & 0xFF) << 16) | ((header[1] & 0xFF) << 8) | (header[2] & 0xFF);
                if (length > maxPayloadLength) {
                    broken = true;
                    throw new FrameTooLargeException(length, maxPayloadLength);
                }
                body = new byte[length];
                bodyFilled = 0;
            }
            // A zero-length frame completes here too, as soon as its header does.
            int take = Math.min(body.length - bodyFilled, chunk.remaining());
            chunk.get(body, bodyFilled, take);
            bodyFilled += take;
            if (bodyFilled == body.length) {
                frames.add(body);
                body = null;
                headerFilled = 0;
            }
        }
        return frames;
    }

    /** True when bytes of an unfinished frame are buffered (useful to spot a truncated stream at close). */
    public boolean hasPartialFrame() {
        return headerFilled > 0 || body != null;
    }
}
