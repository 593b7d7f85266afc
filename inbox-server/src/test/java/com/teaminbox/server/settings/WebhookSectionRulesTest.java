package com.teaminbox.server.settings;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.teaminbox.server.primary.WebhookDestination;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the Settings screen's webhook section refuses (422 with this sentence, nothing saved), without a server or DNS. */
class WebhookSectionRulesTest {

    private static final String GOOD = "0123456789abcdef0123456789abcdef"; // 32 bytes
    private static final WebhookDestination.Resolver DNS = host -> switch (host) {
        case "hooks.bakery.example" -> new InetAddress[] {InetAddress.getByName("93.184.215.14")};
        case "nas.bakery.example" -> new InetAddress[] {InetAddress.getByName("192.168.178.20")};
        default -> {
            if (host.matches("[0-9.]+") || host.contains(":")) {
                yield new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
    };

    @Test
    void aPublicHttpsUrlWithALongSecretIsSaved() {
        assertDoesNotThrow(() -> check("https://hooks.bakery.example/inbox", GOOD, Optional.empty(), false));
        assertDoesNotThrow(() -> check("https://hooks.bakery.example/inbox", null, Optional.of(GOOD)), "the secret in force stays");
        assertDoesNotThrow(() -> check(null, "", Optional.empty(), false), "no webhook at all");
    }

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        assertEquals("The webhook secret must be at least 32 bytes long (openssl rand -hex 32 makes one).",
                refusal("https://hooks.bakery.example/inbox", GOOD.substring(1), Optional.empty(), false));
        assertEquals("The webhook secret must be at least 32 bytes long (openssl rand -hex 32 makes one).",
                refusal(null, "it-webhook-secret", Optional.empty(), false), "even while no URL is set");
    }

    @Test
    void aUrlKeepingAShortSecretInForceIsRefused() {
        assertEquals("The webhook secret in force is shorter than 32 bytes; give a new one of at least 32 bytes"
                + " (openssl rand -hex 32 makes one).", refusal("https://hooks.bakery.example/inbox", null, Optional.of("short"), false));
    }

    @Test
    void aUrlNeedsASecret() {
        assertEquals("The webhook needs a secret: every POST is signed with it.",
                refusal("https://hooks.bakery.example/inbox", "", Optional.of(GOOD), false));
        assertEquals("The webhook needs a secret: every POST is signed with it.",
                refusal("https://hooks.bakery.example/inbox", null, Optional.empty(), false));
    }

    @Test
    void theUrlsShapeIsCheckedFirst() {
        assertEquals("The webhook URL must be http or https with a host, such as https://example.com/hooks/inbox.",
                refusal("ftp://hooks.bakery.example/", "s", Optional.empty(), false));
        assertEquals("The webhook URL must not contain a user name or password (the part before @): the receiver knows the"
                + " inbox by the signature.", refusal("https://owner:pw@hooks.bakery.example/", GOOD, Optional.empty(), true));
    }

    @Test
    void privateDestinationsAreRefusedUnlessAllowed() {
        assertEquals("The webhook host nas.bakery.example resolves to 192.168.178.20, a private address: webhooks go only to"
                + " public addresses unless an admin allows private and local ones (Settings, Webhook).",
                refusal("http://nas.bakery.example:8080/hooks", GOOD, Optional.empty(), false));
        assertEquals("The webhook address 127.0.0.1 is a loopback address: webhooks go only to public addresses unless an"
                + " admin allows private and local ones (Settings, Webhook).",
                refusal("http://127.0.0.1:17790/hooks/primary-phone", GOOD, Optional.empty(), false));
        assertDoesNotThrow(() -> check("http://nas.bakery.example:8080/hooks", GOOD, Optional.empty(), true));
        assertDoesNotThrow(() -> check("http://127.0.0.1:17790/hooks/primary-phone", GOOD, Optional.empty(), true));
    }

    @Test
    void aHostNotFoundYetIsSavedAndCheckedAgainAtEachPost() {
        assertDoesNotThrow(() -> check("https://hooks.not-yet.example/inbox", GOOD, Optional.empty(), false));
    }

    private static void check(String url, String secret, Optional<String> inForce) {
        check(url, secret, inForce, false);
    }

    private static void check(String url, String secret, Optional<String> inForce, boolean allowPrivate) {
        WebhookSectionRules.check(url, secret, inForce, allowPrivate, DNS);
    }

    private static String refusal(String url, String secret, Optional<String> inForce, boolean allowPrivate) {
        return assertThrows(SettingRejected.class, () -> check(url, secret, inForce, allowPrivate)).getMessage();
    }
}
