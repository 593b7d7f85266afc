package com.teaminbox.server.primary;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/**
 * The webhook in force (configured or saved on the Settings screen) and how one alert is POSTed
 * to it: secret long enough, URL and destination allowed, the connection to the very addresses
 * checked, the body signed with the moment of sending.
 *
 * @param allowsPrivateAddresses whether loopback, link-local and private destinations are allowed
 */
public record Webhook(String url, String secret, boolean allowsPrivateAddresses) {

    public static final String DELIVERY_HEADER = "X-TeamInbox-Delivery";
    static final String SECRET_TOO_SHORT = "The webhook secret is shorter than " + WebhookSignature.MIN_SECRET_BYTES
            + " bytes, so the inbox does not sign with it; save one of at least " + WebhookSignature.MIN_SECRET_BYTES
            + " bytes on the Settings screen or in inbox.webhook.secret (" + WebhookSignature.MAKE_ONE + ").";

    /**
     * POSTs the alert; returns when the receiver answered 2xx.
     *
     * @param delivery the {@code alert_delivery} id, the same on every retry, so receivers can drop duplicates
     * @param now      the moment of sending: the timestamp that is signed and sent
     */
    void post(long delivery, String body, Instant now, WebhookDestination.Resolver resolver)
            throws WebhookRefused, IOException {
        URI target = WebhookDestination.parse(url);
        List<InetAddress> addresses = destination(target, resolver);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(DELIVERY_HEADER, Long.toString(delivery));
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, bytes));
        int status = PinnedPost.send(target, addresses, headers, bytes, (SSLSocketFactory) SSLSocketFactory.getDefault());
        if (status / 100 != 2) {
            throw new IOException("webhook answered " + status);
        }
    }

    /** Why no alert can be POSTed to this webhook, for the log at start; empty if it can (or its host is not found yet). */
    Optional<String> problem(WebhookDestination.Resolver resolver) {
        try {
            destination(WebhookDestination.parse(url), resolver);
            return Optional.empty();
        } catch (WebhookRefused refused) {
            return Optional.of(refused.getMessage());
        } catch (UnknownHostException notYet) {
            return Optional.empty(); // each POST resolves again and says so if it still fails
        }
    }

    private List<InetAddress> destination(URI target, WebhookDestination.Resolver resolver)
            throws WebhookRefused, UnknownHostException {
        if (!WebhookSignature.longEnough(secret)) {
            throw new WebhookRefused(SECRET_TOO_SHORT);
        }
        return WebhookDestination.resolve(target, allowsPrivateAddresses, resolver);
    }

    /** Never the secret: a record would print it. */
    @Override
    public String toString() {
        return "Webhook[" + url + ", secret not shown, private addresses " + (allowsPrivateAddresses ? "allowed" : "refused") + "]";
    }
}
