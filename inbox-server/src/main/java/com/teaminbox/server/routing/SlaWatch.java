package com.teaminbox.server.routing;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks the SLAs every 15 seconds (so a conversation is reassigned at most ~15 s after its
 * SLA ran out). Non-persistent: a missed run is simply the next run's work.
 */
@Singleton
public class SlaWatch {

    private static final Logger LOG = Logger.getLogger(SlaWatch.class.getName());

    @Inject
    private RoutingService routing;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    void check() {
        try {
            int reassigned = routing.reassignOverdue();
            if (reassigned > 0) {
                LOG.info(() -> reassigned + " conversation(s) reassigned after their SLA ran out");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SLA check failed; the next run retries", e);
        }
    }
}
