package com.teaminbox.bridge.client;

/** What the inbox shows next to an agent's device. */
public enum ConnectionState {
    CONNECTING,
    /** Connected unregistered, linking in progress. */
    LINKING,
    CONNECTED,
    /** Lost the connection; the next attempt is scheduled by the {@link ReconnectPolicy}. */
    WAITING_TO_RECONNECT,
    /** The account removed this device; it has to be linked again. No reconnects. */
    LOGGED_OUT,
    CLOSED
}
