package com.teaminbox.bridge.client;

import com.teaminbox.bridge.stanza.DeviceAddress;
import java.util.List;

/** An account added or removed a device: new sessions are needed before the next send. */
public record DeviceListChange(String account, List<DeviceAddress> devices) {

    public DeviceListChange {
        devices = List.copyOf(devices);
    }
}
