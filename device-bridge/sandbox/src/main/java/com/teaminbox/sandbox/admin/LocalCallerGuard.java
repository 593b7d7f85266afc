package com.teaminbox.sandbox.admin;

import com.sun.net.httpserver.Headers;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps web pages other than the phone simulator from driving the admin port. A browser lets
 * any page POST to 127.0.0.1 (a "simple" request: text/plain, no preflight), and a DNS
 * rebinding page can even read the answers. So every state-changing call must name this
 * port as its Host (127.0.0.1 or localhost), may carry an Origin only when it is this port's
 * own, and, on the JSON API, must say {@code Content-Type: application/json}, which a page on
 * another origin cannot send without a preflight the admin port never answers. Callers
 * without an Origin (curl, tests, the inbox server) are not browsers and pass.
 */
final class LocalCallerGuard {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final Set<String> LOCAL_NAMES = Set.of("127.0.0.1", "localhost");

    private final int port;

    LocalCallerGuard(int port) {
        this.port = port;
    }

    static boolean changesState(String method) {
        return STATE_CHANGING.contains(method.toUpperCase(Locale.ROOT));
    }

    /** Host and Origin; for blobs and JSON alike. */
    void checkCaller(Headers headers) {
        String host = headers.getFirst("Host");
        if (host == null || !isThisPort(host.toLowerCase(Locale.ROOT))) {
            throw new RequestRefused(403, "wrong-host", "The admin API answers state-changing calls only when addressed as "
                    + "127.0.0.1:" + port + " or localhost:" + port + ", not " + (host == null ? "without a Host" : host) + ".");
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !(origin.toLowerCase(Locale.ROOT).startsWith("http://")
                && isThisPort(origin.substring("http://".length()).toLowerCase(Locale.ROOT)))) {
            throw new RequestRefused(403, "cross-origin", "The admin API refuses state-changing calls from the page at "
                    + origin + "; only the phone simulator on this port may make them.");
        }
    }

    /** The JSON API's calls also declare their body as JSON, so no form or text/plain post gets in. */
    void checkJson(Headers headers) {
        String type = headers.getFirst("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new RequestRefused(415, "unsupported-media-type", "The admin API takes state-changing calls only with "
                    + "Content-Type: application/json" + (type == null ? "" : ", not " + type) + ".");
        }
    }

    private boolean isThisPort(String authority) {
        int colon = authority.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        return LOCAL_NAMES.contains(authority.substring(0, colon)) && authority.substring(colon + 1).equals(Integer.toString(port));
    }
}
