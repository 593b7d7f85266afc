package com.teaminbox.server.primary;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a webhook may be sent. The URL: http or https, a host, no user name or password. The
 * host: every address it resolves to must be public unless private destinations are allowed.
 * Checked when the URL is saved and again before each POST, since a name may resolve elsewhere
 * by then; the POST then goes to exactly the addresses checked here (see {@link PinnedPost}).
 */
public final class WebhookDestination {

    /** How host names become addresses: the system's resolver, or a fixed table in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final Resolver SYSTEM = InetAddress::getAllByName;

    static final String NOT_HTTP = "The webhook URL must be http or https with a host, such as https://example.com/hooks/inbox.";
    static final String USER_INFO = "The webhook URL must not contain a user name or password (the part before @):"
            + " the receiver knows the inbox by the signature.";

    private WebhookDestination() {
    }

    /** The URL if its shape is allowed. */
    public static URI parse(String url) throws WebhookRefused {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new WebhookRefused(NOT_HTTP);
        }
        if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null) {
            throw new WebhookRefused(NOT_HTTP);
        }
        if (uri.getRawUserInfo() != null) {
            throw new WebhookRefused(USER_INFO);
        }
        return uri;
    }

    /**
     * Every address of the URL's host, each one checked: one private address refuses the lot, so
     * that a name cannot mix a public address with an internal one.
     *
     * @throws UnknownHostException when the name does not resolve (the POST waits for a retry)
     */
    public static List<InetAddress> resolve(URI url, boolean allowPrivate, Resolver resolver)
            throws WebhookRefused, UnknownHostException {
        String host = bare(url.getHost());
        List<InetAddress> addresses = List.of(resolver.resolve(host));
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                Optional<String> kind = PrivateAddress.kindOf(address);
                if (kind.isPresent()) {
                    throw new WebhookRefused(privateSentence(url.getHost(), address, kind.get()));
                }
            }
        }
        return addresses;
    }

    private static String privateSentence(String host, InetAddress address, String kind) {
        String what = isLiteral(host) ? "The webhook address " + host + " is " + kind
                : "The webhook host " + host + " resolves to " + address.getHostAddress() + ", " + kind;
        return what + ": webhooks go only to public addresses unless an admin allows private and local ones"
                + " (Settings, Webhook).";
    }

    /** The host as the resolver and TLS take it: IPv6 literals without their brackets. */
    static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean isLiteral(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+");
    }
}
