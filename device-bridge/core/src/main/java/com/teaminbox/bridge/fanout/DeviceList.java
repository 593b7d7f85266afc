package com.teaminbox.bridge.fanout;

import com.teaminbox.bridge.signal.SignalAddress;
import java.util.List;
import java.util.Objects;

/** The devices of one user, as the server last reported them: sorted, without repeats. */
public record DeviceList(String user, List<Integer> deviceIds) {
    public DeviceList {
        Objects.requireNonNull(user, "user");
        deviceIds = deviceIds.stream().peek(id -> {
            if (id < 0) {
                throw new IllegalArgumentException("device id must not be negative: " + id);
            }
        }).distinct().sorted().toList();
    }

    public static DeviceList of(String user, Integer... deviceIds) {
        return new DeviceList(user, List.of(deviceIds));
    }

    public List<SignalAddress> addresses() {
        return deviceIds.stream().map(id -> new SignalAddress(user, id)).toList();
    }

    public boolean contains(int deviceId) {
        return deviceIds.contains(deviceId);
    }
}
