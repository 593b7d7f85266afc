package com.teaminbox.bridge.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Where the network is and how the client paces itself. The root key is pinned here: a server
 * whose certificate chain does not lead to it is refused during the handshake. Tests shorten the
 * durations and hand in the sandbox's clock so that ref rotation follows simulated time.
 */
public record ClientSettings(URI server, long rootSerial, byte[] rootPublicKey, Clock clock,
                             Duration pingInterval, Duration pingDeadline, Duration requestTimeout,
                             Duration qrTick, ReconnectPolicy reconnect) {

    public ClientSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(reconnect, "reconnect");
        if (rootPublicKey == null || rootPublicKey.length != 32) {
            throw new IllegalArgumentException("the pinned root key must be 32 bytes");
        }
        rootPublicKey = rootPublicKey.clone();
    }

    /** Ping every 25 s with a 10 s deadline (the protocol's 20–30 s), standard back-off. */
    public static ClientSettings of(URI server, long rootSerial, byte[] rootPublicKey) {
        return new ClientSettings(server, rootSerial, rootPublicKey, Clock.systemUTC(), Duration.ofSeconds(25),
                Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(1),
                ReconnectPolicy.standard(new Random()));
    }

    public ClientSettings withClock(Clock newClock) {
        return new ClientSettings(server, rootSerial, rootPublicKey, newClock, pingInterval, pingDeadline,
                requestTimeout, qrTick, reconnect);
    }

    public ClientSettings withTiming(Duration newPingInterval, Duration newPingDeadline, Duration newRequestTimeout,
                                     Duration newQrTick, ReconnectPolicy newReconnect) {
        return new ClientSettings(server, rootSerial, rootPublicKey, clock, newPingInterval, newPingDeadline,
                newRequestTimeout, newQrTick, newReconnect);
    }

    @Override
    public byte[] rootPublicKey() {
        return rootPublicKey.clone();
    }

    @Override
    public String toString() {
        return "ClientSettings[" + server + ", root serial " + rootSerial + "]";
    }
}
