package com.teaminbox.server.events;

import com.teaminbox.server.agent.AgentAccess;
import com.teaminbox.server.agent.AgentDirectory;
import com.teaminbox.server.platform.DatabaseMigration;
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
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@value #EVERY_SECONDS} seconds, ends the open event streams whose token expired or whose
 * owner was disabled or lost a role: one query over the owners' agent rows, so it sees changes
 * made on any node (the admin API, a new token's roles) or by hand in the database. Every
 * {@value #HEARTBEAT_SECONDS} seconds it also sends each stream a heartbeat, which is how a
 * stream whose client went away is found and its place freed. It runs on a managed thread of
 * its own, one per node (like {@link ChangeFeed}): a write to a slow client may block, and must
 * not hold up the container's shared scheduler.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class StreamSweep {

    private static final Logger LOG = Logger.getLogger(StreamSweep.class.getName());

    /** "Within seconds" of a disable, at the cost of one small query per node every two seconds. */
    static final int EVERY_SECONDS = 2;

    /** Under the idle timeouts of common proxies (30–60 s), and soon enough to free a vanished client's place. */
    static final int HEARTBEAT_SECONDS = 10;

    @Inject
    private DatabaseMigration migration; // the agent table must exist before the first sweep

    @Inject
    private EventBroadcaster broadcaster;

    @Inject
    private AgentDirectory agents;

    @Resource
    private ManagedExecutorService executor;

    private volatile boolean running = true;

    @PostConstruct
    void start() {
        executor.submit(this::sweepUntilStopped);
    }

    @PreDestroy
    void stop() {
        running = false;
    }

    private void sweepUntilStopped() {
        for (long run = 1; running; run++) {
            try {
                TimeUnit.SECONDS.sleep(EVERY_SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                sweep(run % (HEARTBEAT_SECONDS / EVERY_SECONDS) == 0);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not re-check the open event streams; the next run retries", e);
            }
        }
    }

    private void sweep(boolean heartbeat) {
        Set<Long> owners = broadcaster.owners();
        Map<Long, AgentAccess> access = agents.access(owners);
        broadcaster.endLapsed(Instant.now(), access);
        if (heartbeat) {
            broadcaster.heartbeat();
        }
    }
}
