package com.teaminbox.bridge.client;

import java.util.concurrent.CompletionStage;

/**
 * A connection that carries whole frames (3-byte length + payload on the wire). The Noise
 * handshake and encryption sit on top of it, stanzas on top of that; tests replace it with an
 * in-memory pair.
 */
public interface FrameTransport {

    /** Receives whole frames in order; called on one thread at a time. */
    interface Listener {
        void onFrame(byte[] payload);

        void onClosed(int code, String reason);

        void onError(Throwable error);
    }

    CompletionStage<Void> send(byte[] payload);

    void close();
}
