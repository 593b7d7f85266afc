package com.teaminbox.sandbox.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.server.WebSocketServer;

/**
 * Re-arms the write interest of connections that still hold frames to send.
 *
 * <p>Java-WebSocket (1.5.7, unchanged in 1.6.0) drains a connection's queue on its selector
 * thread and then clears the write interest, with no lock against the threads that send: a frame
 * queued in between, whose sender set the interest a moment before the selector cleared it, stays
 * in the queue until the next frame is sent on that connection. A device that then waits for that
 * very frame (the handshake's answer, the QR reference) waits forever. A sweep every few
 * milliseconds bounds that wait; re-arming a connection whose queue is being written anyway is
 * harmless.
 */
final class LostWriteWatch implements AutoCloseable {

    static final Duration PERIOD = Duration.ofMillis(20);

    private final WebSocketServer server;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "network-lost-writes");
        thread.setDaemon(true);
        return thread;
    });

    LostWriteWatch(WebSocketServer server, Duration period) {
        this.server = server;
        timer.scheduleWithFixedDelay(this::sweep, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        for (WebSocket connection : server.getConnections()) {
            if (connection.hasBufferedData()) {
                try {
                    server.onWriteDemand(connection);
                } catch (RuntimeException closedMeanwhile) {
                    // a connection closing under us has nothing left to write
                }
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
