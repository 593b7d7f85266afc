package com.teaminbox.server.events;

import com.teaminbox.server.platform.DatabaseMigration;
import com.teaminbox.server.platform.InboxDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on PostgreSQL's "inbox_events" channel and hands each change to the broadcaster.
 * Changes committed by any inbox-server instance arrive here, so the live stream stays right
 * when several instances share the database. The connection is re-opened after a failure.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class.getName());

    @Resource(lookup = InboxDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private EventBroadcaster broadcaster;

    @Inject
    private DatabaseMigration migration; // the trigger must exist before anyone listens

    private volatile boolean running = true;

    @PostConstruct
    void start() {
        executor.submit(this::listen);
    }

    @PreDestroy
    void stop() {
        running = false;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN inbox_events");
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(1_000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        try {
                            broadcaster.publish(InboxEvent.parse(notification.getParameter()));
                        } catch (RuntimeException bad) {
                            LOG.log(Level.WARNING, "Ignored a change notification that could not be read", bad);
                        }
                    }
                }
            } catch (SQLException | RuntimeException failure) {
                if (running) {
                    LOG.log(Level.WARNING, "Live event feed lost its database connection; retrying in 2 s", failure);
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            TimeUnit.SECONDS.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
