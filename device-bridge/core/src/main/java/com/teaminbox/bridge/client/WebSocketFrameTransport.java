package com.teaminbox.bridge.client;

import com.teaminbox.bridge.noise.FrameCodec;
import com.teaminbox.bridge.noise.FrameTooLargeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link FrameTransport} over {@code java.net.http.WebSocket}. WebSocket messages need not
 * line up with frames, so incoming bytes go through a {@link FrameCodec} that reassembles them.
 */
public final class WebSocketFrameTransport implements FrameTransport {

    private final WebSocket socket;
    private final FrameCodec outgoing = new FrameCodec();

    private WebSocketFrameTransport(WebSocket socket) {
        this.socket = socket;
    }

    public static CompletionStage<WebSocketFrameTransport> open(HttpClient http, URI uri, Listener listener) {
        return http.newWebSocketBuilder()
                .buildAsync(uri, new Receiver(listener))
                .thenApply(WebSocketFrameTransport::new);
    }

    @Override
    public CompletionStage<Void> send(byte[] payload) {
        byte[] frame;
        try {
            frame = outgoing.encode(payload);
        } catch (FrameTooLargeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return socket.sendBinary(ByteBuffer.wrap(frame), true).thenApply(ignored -> null);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "closing").whenComplete((ignored, error) -> socket.abort());
    }

    /** Feeds WebSocket binary messages through the frame codec, one request at a time (back-pressure). */
    private static final class Receiver implements WebSocket.Listener {
        private final Listener listener;
        private final FrameCodec incoming = new FrameCodec();

        Receiver(Listener listener) {
            this.listener = listener;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            try {
                for (byte[] frame : incoming.decode(data)) {
                    listener.onFrame(frame);
                }
            } catch (FrameTooLargeException e) {
                listener.onError(e);
                webSocket.abort();
                return null;
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            listener.onClosed(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            listener.onError(error);
        }
    }
}
