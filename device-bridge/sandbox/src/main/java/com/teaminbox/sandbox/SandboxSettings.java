package com.teaminbox.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How a sandbox runs. Port 0 picks a free port (tests). {@code baseClock} is the real time the
 * sandbox clock adds its offset to.
 */
public record SandboxSettings(String host, int port, int adminPort, Path dataDir, int companionLimit,
                              Duration pairingCodeLifetime, int maxWrongPairingCodes, Clock baseClock) {

    public static SandboxSettings defaults(Path dataDir) {
        return new SandboxSettings("127.0.0.1", 7780, 7781, dataDir, 4, Duration.ofMinutes(3), 3, Clock.systemUTC());
    }

    public SandboxSettings withPorts(int newPort, int newAdminPort) {
        return new SandboxSettings(host, newPort, newAdminPort, dataDir, companionLimit, pairingCodeLifetime,
                maxWrongPairingCodes, baseClock);
    }

    public SandboxSettings withPairingCodeLifetime(Duration lifetime) {
        return new SandboxSettings(host, port, adminPort, dataDir, companionLimit, lifetime, maxWrongPairingCodes,
                baseClock);
    }

    public SandboxSettings withCompanionLimit(int limit) {
        return new SandboxSettings(host, port, adminPort, dataDir, limit, pairingCodeLifetime, maxWrongPairingCodes,
                baseClock);
    }
}
