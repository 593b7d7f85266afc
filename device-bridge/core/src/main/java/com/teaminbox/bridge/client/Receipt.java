package com.teaminbox.bridge.client;

import com.teaminbox.bridge.stanza.DeviceAddress;
import java.time.Instant;
import java.util.List;

/** A device delivered or read messages. */
public record Receipt(DeviceAddress from, Kind kind, List<String> messageIds, Instant at) {

    public enum Kind { DELIVERED, READ }

    public Receipt {
        messageIds = List.copyOf(messageIds);
    }
}
