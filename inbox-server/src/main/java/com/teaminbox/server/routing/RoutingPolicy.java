package com.teaminbox.server.routing;

import java.util.Locale;

/** How a queue picks among its eligible agents. */
public enum RoutingPolicy {
    /** Whoever in the queue was given a conversation longest ago (never comes first). */
    ROUND_ROBIN,
    /** Whoever has the fewest open conversations; round robin breaks ties. */
    LEAST_BUSY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RoutingPolicy of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
