package com.teaminbox.sandbox.phone;

import java.time.Instant;

/** A row of the phone's "Linked devices" screen. */
public record LinkedDeviceView(int deviceId, String platform, Instant lastActive, boolean online) {
}
