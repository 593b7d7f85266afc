package com.teaminbox.server.outbox;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds. Woken at once after a reply commits, and every half second
 * anyway, for retries and for rows another instance left behind when it stopped.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    private static final int BATCH = 50;

    @Inject
    private OutboxBatch batch;

    /** A thread of its own: the default managed executor may run a single thread, which a loop would hold forever. */
    @Resource
    private ManagedThreadFactory threads;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;

    public synchronized void start() {
        if (!running) {
            running = true;
            Thread loop = threads.newThread(this::run);
            loop.setName("outbox-dispatcher");
            loop.start();
        }
    }

    /** A reply was committed: send it now rather than at the next tick. */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        while (running) {
            try {
                wakeUp.tryAcquire(500, TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && batch.sendDue(BATCH) == BATCH) {
                    // a full batch: more may be due
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Outbox round failed; retrying", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        wakeUp.release();
    }
}
