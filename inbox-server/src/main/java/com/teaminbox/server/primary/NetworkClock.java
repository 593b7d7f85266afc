package com.teaminbox.server.primary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The messaging network's time, which the 14-day rule runs on. Against a real network it is
 * the system clock. When {@code inbox.network.directory-url} is set (the sandbox: demo and
 * tests) the network's clock is read from its {@code GET /api/network} ("clock") and kept as
 * an offset from the system clock; {@link #refresh()} re-reads it (the monitor does so at
 * each check), so a sandbox clock moved forward is seen within one check interval.
 */
@ApplicationScoped
public class NetworkClock {

    private static final Logger LOG = Logger.getLogger(NetworkClock.class.getName());

    @Inject
    @ConfigProperty(name = "inbox.network.directory-url")
    Optional<String> directoryUrl;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private volatile long offsetMillis;
    private volatile boolean read;
    private volatile boolean failing;

    /** The network's time now. */
    public Instant now() {
        if (!read && directoryUrl.isPresent()) {
            refresh();
        }
        return Instant.now().plusMillis(offsetMillis);
    }

    /** How far the network's clock is ahead of this machine's. */
    public Duration offset() {
        return Duration.ofMillis(offsetMillis);
    }

    /** This clock as a {@link Clock}, for code that takes one (the device clients). */
    public Clock asClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    /** Re-reads the network's clock; on failure the last known offset stays (logged once per outage). */
    public void refresh() {
        if (directoryUrl.isEmpty() || directoryUrl.get().isBlank()) {
            read = true;
            return;
        }
        String directory = directoryUrl.get();
        try {
            long sent = System.currentTimeMillis();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(directory))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            long received = System.currentTimeMillis();
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("answered " + answer.statusCode());
            }
            JsonObject network = Json.createReader(new StringReader(answer.body())).readObject();
            if (!network.containsKey("clock")) {
                read = true;
                return; // a directory without a clock: the network runs on real time
            }
            Instant clock = Instant.parse(network.getString("clock"));
            long midpoint = sent + (received - sent) / 2;
            offsetMillis = clock.toEpochMilli() - midpoint;
            read = true;
            if (failing) {
                failing = false;
                LOG.info(() -> "Network clock readable again at " + directory);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (!failing) {
                failing = true;
                LOG.warning(() -> "Network clock not readable at " + directory + " (" + e.getMessage()
                        + "); keeping the last known offset of " + Duration.ofMillis(offsetMillis));
            }
        }
    }
}
