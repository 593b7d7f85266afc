package com.teaminbox.sandbox.server;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** The WebSocket endpoint devices connect to; each connection becomes a {@link DeviceSession}. */
public final class NetworkServer extends WebSocketServer {

    private final Switchboard switchboard;
    private final ServerIdentity identity;
    private final SecureRandom random;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;
    private volatile LostWriteWatch lostWrites;
    private final java.util.concurrent.ExecutorService closer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "network-disconnects");
        thread.setDaemon(true);
        return thread;
    });

    public NetworkServer(InetSocketAddress address, Switchboard switchboard, ServerIdentity identity, SecureRandom random) {
        super(address, 1);
        this.switchboard = switchboard;
        this.identity = identity;
        this.random = random;
        setReuseAddr(true);
        setConnectionLostTimeout(0); // devices ping on their own; the switchboard watches them
    }

    /** Starts and waits until the port is bound. */
    public void startAndWait() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS) || startFailure != null) {
            throw new IllegalStateException("the network server did not start", startFailure);
        }
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        socket.setAttachment(new DeviceSession(socket, switchboard, identity, random));
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer bytes) {
        DeviceSession session = socket.getAttachment();
        if (session != null) {
            session.received(bytes);
        }
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
        socket.close(1003, "binary frames only");
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        DeviceSession session = socket.getAttachment();
        if (session != null) {
            // Java-WebSocket holds the connection's lock here, and the switchboard closes
            // connections while holding its own: handing over to another thread avoids a deadlock.
            closer.execute(() -> switchboard.disconnected(session));
        }
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
        if (socket == null) {
            startFailure = error;
            started.countDown();
        }
    }

    @Override
    public void onStart() {
        lostWrites = new LostWriteWatch(this, LostWriteWatch.PERIOD);
        started.countDown();
    }

    @Override
    public void stop(int timeout, String closeMessage) throws InterruptedException {
        LostWriteWatch watch = lostWrites;
        if (watch != null) {
            watch.close();
        }
        super.stop(timeout, closeMessage);
    }
}
