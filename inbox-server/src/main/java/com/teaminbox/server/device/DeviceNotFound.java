package com.teaminbox.server.device;

import com.teaminbox.server.Refusal;

public class DeviceNotFound extends Refusal {

    public DeviceNotFound(long id) {
        super("There is no device " + id + ".");
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }
}
