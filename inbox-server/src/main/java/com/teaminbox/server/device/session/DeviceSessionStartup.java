package com.teaminbox.server.device.session;

import com.teaminbox.server.platform.DatabaseMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import com.teaminbox.server.outbox.OutboxDispatcher;

/** Reconnects the linked devices and starts the outbox once the schema is up to date, without holding up the deployment. */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DeviceSessionStartup {

    @Inject
    private DatabaseMigration migration;

    @Inject
    private DeviceSessions sessions;

    @Inject
    private OutboxDispatcher outbox;

    @Resource
    private ManagedThreadFactory threads;

    @PostConstruct
    void start() {
        threads.newThread(sessions::startAll).start();
        outbox.start();
    }
}
