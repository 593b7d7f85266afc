package com.teaminbox.bridge.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    @Test
    void headerIsThreeByteBigEndianLength() throws Exception {
        byte[] frame = new FrameCodec().encode(new byte[0x010203]);
        assertEquals(0x010203 + 3, frame.length);
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOf(frame, 3));
        assertArrayEquals(new byte[] {0, 0, 0}, new FrameCodec().encode(new byte[0]));
    }

    @Test
    void decodesFramesSplitAtEveryPossibleBoundary() throws Exception {
        FrameCodec encoder = new FrameCodec();
        byte[][] payloads = {new byte[0], "hello".getBytes(), new byte[300], {42}};
        new Random(7).nextBytes(payloads[2]);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (byte[] payload : payloads) {
            stream.writeBytes(encoder.encode(payload));
        }
        byte[] wire = stream.toByteArray();

        for (int chunkSize = 1; chunkSize <= wire.length; chunkSize++) {
            FrameCodec decoder = new FrameCodec();
            List<byte[]> frames = new ArrayList<>();
            for (int offset = 0; offset < wire.length; offset += chunkSize) {
                frames.addAll(decoder.decode(Arrays.copyOfRange(wire, offset, Math.min(wire.length, offset + chunkSize))));
            }
            assertEquals(payloads.length, frames.size(), "chunk size " + chunkSize);
            for (int i = 0; i < payloads.length; i++) {
                assertArrayEquals(payloads[i], frames.get(i), "chunk size " + chunkSize + ", frame " + i);
            }
            assertFalse(decoder.hasPartialFrame());
        }
    }

    @Test
    void keepsAPartialFrameUntilTheRestArrives() throws Exception {
        FrameCodec decoder = new FrameCodec();
        assertTrue(decoder.decode(new byte[] {0, 0}).isEmpty());
        assertTrue(decoder.hasPartialFrame());
        assertTrue(decoder.decode(new byte[] {2, 9}).isEmpty());
        List<byte[]> frames = decoder.decode(new byte[] {8});
        assertArrayEquals(new byte[] {9, 8}, frames.get(0));
    }

    @Test
    void maximumProtocolFrameIsSixteenMebibytesMinusOne() throws Exception {
        assertEquals(16 * 1024 * 1024 - 1, FrameCodec.MAX_PAYLOAD_LENGTH);
        byte[] header = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        FrameCodec decoder = new FrameCodec();
        assertTrue(decoder.decode(header).isEmpty(), "declared maximum is accepted and awaited");
        assertThrows(FrameTooLargeException.class, () -> new FrameCodec().encode(new byte[FrameCodec.MAX_PAYLOAD_LENGTH + 1]));
    }

    @Test
    void oversizedDeclaredLengthIsRejectedBeforeAllocation() throws Exception {
        FrameCodec decoder = new FrameCodec(1024);
        FrameTooLargeException tooLarge = assertThrows(FrameTooLargeException.class,
                () -> decoder.decode(new byte[] {0x00, 0x04, 0x01}));
        assertEquals(1025, tooLarge.declaredLength());
        assertEquals(1024, tooLarge.limit());
        // The stream is out of step now; the decoder refuses to go on.
        assertThrows(IllegalStateException.class, () -> decoder.decode(new byte[] {0}));
        assertThrows(FrameTooLargeException.class, () -> new FrameCodec(1024).encode(new byte[1025]));
        assertThrows(IllegalArgumentException.class, () -> new FrameCodec(FrameCodec.MAX_PAYLOAD_LENGTH + 1));
    }
}
