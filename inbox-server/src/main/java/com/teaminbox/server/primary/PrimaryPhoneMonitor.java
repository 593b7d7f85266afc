package com.teaminbox.server.primary;

import com.teaminbox.server.device.session.DeviceSessions;
import com.teaminbox.server.platform.DatabaseMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the primary-phone watch: every {@code inbox.primary.check-interval} it re-reads the
 * network's clock, raises the warnings that are due and sends the queued e-mails and
 * webhooks; every {@code inbox.primary.probe-interval} one connected companion per account
 * probes the phone, for the accounts whose phone has not been seen for
 * {@code inbox.primary.probe-when-idle}.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class PrimaryPhoneMonitor {

    private static final Logger LOG = Logger.getLogger(PrimaryPhoneMonitor.class.getName());

    @Inject
    private DatabaseMigration migration; // the tables must exist before the first check

    @Inject
    private PrimaryPhoneSettings settings;

    @Inject
    private NetworkClock clock;

    @Inject
    private PrimaryPhoneWatch watch;

    @Inject
    private AlertOutbox alerts;

    @Inject
    private DeviceSessions sessions;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> checks;
    private ScheduledFuture<?> probes;

    @PostConstruct
    void start() {
        Duration check = settings.checkInterval();
        Duration probe = settings.probeInterval();
        LOG.info(() -> "Primary-phone monitor: check every " + check + ", probe every " + probe + " when idle for " + settings.probeWhenIdle() + ", warnings at "
                + settings.thresholds() + " before the " + settings.idleLimit() + " logout");
        checks = scheduler.scheduleWithFixedDelay(this::checkNow, check.toMillis(), check.toMillis(), TimeUnit.MILLISECONDS);
        probes = scheduler.scheduleWithFixedDelay(this::probeNow, probe.toMillis(), probe.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (checks != null) {
            checks.cancel(false);
        }
        if (probes != null) {
            probes.cancel(false);
        }
    }

    private void checkNow() {
        try {
            clock.refresh();
            watch.check();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Primary-phone check failed; the next run retries", e);
        }
        try {
            for (long id : alerts.due()) {
                alerts.deliver(id);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Primary-phone alerts not sent this round; the next run retries", e);
        }
    }

    private void probeNow() {
        try {
            int probed = sessions.probePrimaryPhones(watch.quietAccounts(settings.probeWhenIdle()));
            LOG.fine(() -> "Probed the primary phone of " + probed + " account(s)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Probing the primary phones failed; the next run retries", e);
        }
    }
}
