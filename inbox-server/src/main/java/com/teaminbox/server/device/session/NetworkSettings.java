package com.teaminbox.server.device.session;

import com.teaminbox.bridge.client.ClientSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the messaging network is and which root key its certificates must chain to. The
 * root key is pinned by configuration; only when none is configured is it read from the
 * network's directory URL (the sandbox's admin API), which is trust on first use and meant
 * for the demo and the tests.
 */
@ApplicationScoped
public class NetworkSettings {

    private static final Logger LOG = Logger.getLogger(NetworkSettings.class.getName());

    @Inject
    @ConfigProperty(name = "inbox.network.url", defaultValue = "ws://127.0.0.1:7780/")
    String url;

    @Inject
    @ConfigProperty(name = "inbox.network.root-key")
    Optional<String> rootKey;

    @Inject
    @ConfigProperty(name = "inbox.network.root-serial", defaultValue = "0")
    long rootSerial;

    @Inject
    @ConfigProperty(name = "inbox.network.directory-url")
    Optional<String> directoryUrl;

    @Inject
    @ConfigProperty(name = "inbox.network.media-url")
    Optional<String> mediaUrl;

    private volatile ClientSettings resolved;
    private volatile String directoryMediaUrl;

    /** The settings every device client of this inbox uses. */
    public ClientSettings clientSettings() {
        ClientSettings current = resolved;
        if (current == null) {
            current = resolve();
            resolved = current;
        }
        return current;
    }

    private ClientSettings resolve() {
        if (rootKey.isPresent() && !rootKey.get().isBlank()) {
            return ClientSettings.of(URI.create(url), rootSerial, Base64.getDecoder().decode(rootKey.get().trim()));
        }
        String directory = directoryUrl.orElseThrow(() -> new IllegalStateException(
                "Neither inbox.network.root-key nor inbox.network.directory-url is set: the inbox cannot check the network's certificates."));
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(directory)).timeout(Duration.ofSeconds(10)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("The network directory " + directory + " answered " + answer.statusCode());
            }
            JsonObject network = Json.createReader(new StringReader(answer.body())).readObject();
            LOG.warning(() -> "Trusting the network root key read from " + directory
                    + " (no inbox.network.root-key configured; fine for the sandbox, pin it for a real network)");
            String media = network.getString("mediaUrl", "");
            directoryMediaUrl = media.isBlank() ? null : media;
            return ClientSettings.of(URI.create(network.getString("uri", url)), network.getJsonNumber("rootSerial").longValue(),
                    Base64.getDecoder().decode(network.getString("rootPublicKey")));
        } catch (IOException e) {
            throw new IllegalStateException("The network directory " + directory + " could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the network directory", e);
        }
    }

    /**
     * The network's media host, where attachments' encrypted blobs lie: configured, or named
     * by the network directory.
     */
    public URI mediaHost() {
        if (mediaUrl.isPresent() && !mediaUrl.get().isBlank()) {
            return URI.create(mediaUrl.get().trim());
        }
        if (directoryUrl.isPresent()) {
            clientSettings();
            String fromDirectory = directoryMediaUrl;
            if (fromDirectory != null) {
                return URI.create(fromDirectory);
            }
        }
        throw new IllegalStateException("No media host is known: set inbox.network.media-url.");
    }

    /** Forget the resolved settings (the network may have been restarted with new keys). */
    public void forget() {
        resolved = null;
    }
}
