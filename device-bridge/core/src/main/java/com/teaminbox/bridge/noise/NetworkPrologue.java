package com.teaminbox.bridge.noise;

import java.nio.charset.StandardCharsets;

/**
 * The Noise prologue both ends mix in before the handshake. Binding the handshake to a name and
 * a version means a client of another network (or another version of this one) fails the
 * handshake instead of misreading the stanzas that follow.
 */
public final class NetworkPrologue {

    private static final byte[] VALUE = "TeamInbox-Sandbox/1".getBytes(StandardCharsets.US_ASCII);

    private NetworkPrologue() {
    }

    public static byte[] bytes() {
        return VALUE.clone();
    }
}
