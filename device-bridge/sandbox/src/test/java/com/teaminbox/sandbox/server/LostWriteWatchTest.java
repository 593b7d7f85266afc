package com.teaminbox.sandbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.WrappedByteChannel;
import org.java_websocket.drafts.Draft;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.DefaultWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The race {@link LostWriteWatch} covers, made to happen every time: the server answers each
 * request from its worker thread, while its selector thread, which still believes the connection
 * writable from the previous answer, finds the queue empty and is slow (as a preempted thread on
 * a busy machine is) to clear the write interest. Without the watch the first such answer stays
 * in the queue for good, as the QR references of a link attempt once did.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LostWriteWatchTest {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

    private AnsweringServer server;
    private LostWriteWatch watch;
    private WebSocket client;

    @AfterEach
    void stop() throws InterruptedException {
        if (client != null) {
            client.abort();
        }
        if (watch != null) {
            watch.close();
        }
        server.stop(500);
    }

    @Test
    void everyAnswerQueuedWhileTheSelectorClearsTheWriteInterestGoesOut() throws Exception {
        server = new AnsweringServer();
        server.startAndWait();
        watch = new LostWriteWatch(server, LostWriteWatch.PERIOD);
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        client = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.getPort() + "/"), new WebSocket.Listener() {
                    private final StringBuilder message = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        message.append(data);
                        if (last) {
                            answers.add(message.toString());
                            message.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);

        for (int round = 0; round < 50; round++) {
            client.sendText("request " + round, true).get(10, TimeUnit.SECONDS);
            assertEquals("answer to request " + round, answers.poll(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS),
                    "round " + round + ": the answer left the server");
        }
    }

    /** Answers each text from the worker thread; its selector pauses where the race is. */
    private static final class AnsweringServer extends WebSocketServer {
        private final CountDownLatch started = new CountDownLatch(1);

        AnsweringServer() {
            super(new InetSocketAddress("127.0.0.1", 0), 1);
            setReuseAddr(true);
            setTcpNoDelay(true);
            setConnectionLostTimeout(0);
            setWebSocketFactory(new SlowSelectorFactory());
        }

        void startAndWait() throws InterruptedException {
            start();
            started.await(10, TimeUnit.SECONDS);
        }

        @Override
        public void onMessage(org.java_websocket.WebSocket socket, String request) {
            socket.send("answer to " + request);
        }

        @Override
        public void onOpen(org.java_websocket.WebSocket socket, ClientHandshake handshake) {
        }

        @Override
        public void onClose(org.java_websocket.WebSocket socket, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(org.java_websocket.WebSocket socket, ByteBuffer message) {
        }

        @Override
        public void onError(org.java_websocket.WebSocket socket, Exception error) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    /**
     * Wraps each connection's channel so that the selector, having found nothing to write, asks
     * whether the channel needs writing and takes 5 ms to hear "no": long enough for the worker
     * to queue its answer and set the write interest before the selector clears it.
     */
    private static final class SlowSelectorFactory implements WebSocketServerFactory {
        private final DefaultWebSocketServerFactory plain = new DefaultWebSocketServerFactory();

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
            return plain.createWebSocket(adapter, draft);
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
            return plain.createWebSocket(adapter, drafts);
        }

        @Override
        public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
            return new WrappedByteChannel() {
                @Override
                public boolean isNeedWrite() {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return false;
                }

                @Override
                public void writeMore() {
                }

                @Override
                public boolean isNeedRead() {
                    return false;
                }

                @Override
                public int readMore(ByteBuffer dst) {
                    return 0;
                }

                @Override
                public boolean isBlocking() {
                    return false;
                }

                @Override
                public int read(ByteBuffer dst) throws IOException {
                    return channel.read(dst);
                }

                @Override
                public int write(ByteBuffer src) throws IOException {
                    return channel.write(src);
                }

                @Override
                public boolean isOpen() {
                    return channel.isOpen();
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
