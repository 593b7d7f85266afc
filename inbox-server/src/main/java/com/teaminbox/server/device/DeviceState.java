package com.teaminbox.server.device;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The life of a companion device: linking → linked → connected ⇄ disconnected, ending in
 * logged_out (the phone unlinked it) or revoked (an admin did). Only a connected device can
 * send, so only an agent whose device is connected is routed to.
 */
public enum DeviceState {
    LINKING, LINKED, CONNECTED, DISCONNECTED, LOGGED_OUT, REVOKED;

    public Set<DeviceState> next() {
        return switch (this) {
            case LINKING -> EnumSet.of(LINKED, REVOKED);
            case LINKED -> EnumSet.of(CONNECTED, DISCONNECTED, LOGGED_OUT, REVOKED);
            case CONNECTED -> EnumSet.of(DISCONNECTED, LOGGED_OUT, REVOKED);
            case DISCONNECTED -> EnumSet.of(CONNECTED, LOGGED_OUT, REVOKED);
            case LOGGED_OUT, REVOKED -> EnumSet.noneOf(DeviceState.class);
        };
    }

    public boolean canBecome(DeviceState target) {
        return next().contains(target);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeviceState of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
