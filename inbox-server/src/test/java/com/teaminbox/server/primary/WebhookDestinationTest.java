package com.teaminbox.server.primary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which webhook URLs and destinations are refused, and the sentence an admin reads. No DNS: names come from a table. */
class WebhookDestinationTest {

    static final WebhookDestination.Resolver TABLE = table(Map.of(
            "dual.example.com", List.of("93.184.215.14", "2a00:1450:4001::1"),
            "internal.example.com", List.of("10.1.2.3"),
            "split.example.com", List.of("93.184.215.14", "192.168.0.10"),
            "metadata.example.com", List.of("169.254.169.254"),
            "v6.example.com", List.of("2a00:1450:4001::1", "fd00::5")));

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example.com/", "file:///etc/passwd", "hooks.example.com/inbox", "http:///nohost",
            "https://exa mple.com/", "gopher://hooks.example.com/",
            "http://127.1/"}) // java.net.URI does not take this short form as a host
    void onlyHttpAndHttpsWithAHost(String url) {
        WebhookRefused refused = assertThrows(WebhookRefused.class, () -> WebhookDestination.parse(url));
        assertEquals("The webhook URL must be http or https with a host, such as https://example.com/hooks/inbox.", refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:pw@hooks.example.com/", "https://user@hooks.example.com/", "http://:x@hooks.example.com/"})
    void noUserNameOrPasswordInTheUrl(String url) {
        WebhookRefused refused = assertThrows(WebhookRefused.class, () -> WebhookDestination.parse(url));
        assertEquals("The webhook URL must not contain a user name or password (the part before @):"
                + " the receiver knows the inbox by the signature.", refused.getMessage());
    }

    @Test
    void aLiteralPrivateAddressIsRefusedByName() {
        assertEquals("The webhook address 127.0.0.1 is a loopback address: webhooks go only to public addresses unless an"
                + " admin allows private and local ones (Settings, Webhook).", refusal("http://127.0.0.1:17790/hooks"));
        assertEquals("The webhook address [::1] is a loopback address: webhooks go only to public addresses unless an"
                + " admin allows private and local ones (Settings, Webhook).", refusal("http://[::1]/hooks"));
        assertEquals("The webhook address [::ffff:10.0.0.1] is a private address: webhooks go only to public addresses"
                + " unless an admin allows private and local ones (Settings, Webhook).", refusal("https://[::ffff:10.0.0.1]/"));
        assertEquals("The webhook address 2130706433 is a loopback address: webhooks go only to public addresses unless an"
                + " admin allows private and local ones (Settings, Webhook).", refusal("http://2130706433/"), "127.0.0.1 as one number");
        assertEquals("The webhook address 0.0.0.0 is the unspecified address (this machine): webhooks go only to public"
                + " addresses unless an admin allows private and local ones (Settings, Webhook).", refusal("http://0.0.0.0:8080/"));
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsPrivate() {
        assertEquals("The webhook host internal.example.com resolves to 10.1.2.3, a private address: webhooks go only to"
                + " public addresses unless an admin allows private and local ones (Settings, Webhook).",
                refusal("https://internal.example.com/hooks"));
        assertEquals("The webhook host split.example.com resolves to 192.168.0.10, a private address: webhooks go only to"
                + " public addresses unless an admin allows private and local ones (Settings, Webhook).",
                refusal("https://split.example.com/hooks"), "one public address does not make up for a private one");
        assertEquals("The webhook host metadata.example.com resolves to 169.254.169.254, a link-local address: webhooks go"
                + " only to public addresses unless an admin allows private and local ones (Settings, Webhook).",
                refusal("http://metadata.example.com/latest/meta-data/"));
        assertEquals("The webhook host v6.example.com resolves to fd00:0:0:0:0:0:0:5, a unique-local address (fc00::/7):"
                + " webhooks go only to public addresses unless an admin allows private and local ones (Settings, Webhook).",
                refusal("https://v6.example.com/"));
    }

    @Test
    void localhostIsRefusedThroughTheSystemResolver() throws Exception {
        WebhookRefused refused = assertThrows(WebhookRefused.class, () -> WebhookDestination.resolve(
                WebhookDestination.parse("http://localhost:8080/hooks"), false, WebhookDestination.SYSTEM));
        assertTrue(refused.getMessage().startsWith("The webhook host localhost resolves to "), refused.getMessage());
        assertTrue(refused.getMessage().contains("a loopback address"), refused.getMessage());
    }

    @Test
    void publicDestinationsPassWithEveryAddress() throws Exception {
        assertEquals(List.of("93.184.215.14", "2a00:1450:4001:0:0:0:0:1"), addresses("https://dual.example.com/inbox", false));
        assertEquals(List.of("8.8.8.8"), addresses("http://8.8.8.8/", false));
    }

    @Test
    void allowedPrivateDestinationsPass() throws Exception {
        assertEquals(List.of("10.1.2.3"), addresses("https://internal.example.com/", true));
        assertEquals(List.of("127.0.0.1"), addresses("http://127.0.0.1:17790/hooks", true));
    }

    @Test
    void anUnknownHostIsNotARefusal() {
        assertThrows(UnknownHostException.class,
                () -> WebhookDestination.resolve(WebhookDestination.parse("https://nowhere.example.com/"), false, TABLE));
    }

    private static List<String> addresses(String url, boolean allowPrivate) throws Exception {
        return WebhookDestination.resolve(WebhookDestination.parse(url), allowPrivate, TABLE).stream()
                .map(InetAddress::getHostAddress).toList();
    }

    private static String refusal(String url) {
        return assertThrows(WebhookRefused.class, () -> WebhookDestination.resolve(WebhookDestination.parse(url), false, TABLE))
                .getMessage();
    }

    /** Names from the map; literal addresses as Java reads them, without DNS. */
    static WebhookDestination.Resolver table(Map<String, List<String>> names) {
        return host -> {
            List<String> addresses = names.get(host);
            if (addresses == null) {
                if (host.matches("[0-9.]+") || host.contains(":")) {
                    return new InetAddress[] {InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
            InetAddress[] resolved = new InetAddress[addresses.size()];
            for (int i = 0; i < resolved.length; i++) {
                resolved[i] = InetAddress.getByName(addresses.get(i));
            }
            return resolved;
        };
    }
}
