package com.teaminbox.server.device.keys;

/** The device has no key material: never created, or erased when it was revoked or logged out. */
public class DeviceKeysMissing extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeviceKeysMissing(long deviceId) {
        super("Device " + deviceId + " has no stored key material: it was never linked here, or its keys were erased"
                + " when it was revoked or logged out.");
    }
}
