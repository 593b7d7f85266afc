package com.teaminbox.server.device.session;

import com.teaminbox.bridge.client.DeviceEvents;
import com.teaminbox.server.conversation.IngestService;
import com.teaminbox.server.device.keys.DeviceKeyVault;
import com.teaminbox.server.outbox.ReplyService;
import com.teaminbox.server.primary.PrimaryPhoneWatch;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a device session needs from the inbox, in one place. The client calls its listener
 * from threads of its own, so the listener is wrapped in the application's context (naming,
 * class loader, transactions) before the client gets it.
 */
@ApplicationScoped
class SessionServices {

    @Inject
    NetworkSettings network;

    @Inject
    IngestService ingest;

    @Inject
    DeviceKeyVault vault;

    @Inject
    DeviceLifecycle devices;

    @Inject
    DeliveryStates deliveries;

    @Inject
    ReplyService replies;

    @Inject
    DeviceSessions sessions;

    @Inject
    PrimaryPhoneWatch primary;

    @Inject
    IngestClaims claims;

    @Resource
    ContextService context;

    NetworkSettings network() {
        return network;
    }

    IngestService ingest() {
        return ingest;
    }

    DeviceKeyVault vault() {
        return vault;
    }

    DeviceLifecycle devices() {
        return devices;
    }

    DeliveryStates deliveries() {
        return deliveries;
    }

    ReplyService replies() {
        return replies;
    }

    DeviceSessions sessions() {
        return sessions;
    }

    PrimaryPhoneWatch primary() {
        return primary;
    }

    IngestClaims claims() {
        return claims;
    }

    DeviceEvents contextual(DeviceEvents events) {
        return context.createContextualProxy(events, DeviceEvents.class);
    }
}
