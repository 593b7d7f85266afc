package com.teaminbox.server.conversation;

import com.teaminbox.server.platform.TransientConflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Where device sessions hand in what the network delivered. Routing locks agents as it
 * tries them, so two messages routed at the same moment can deadlock; PostgreSQL then aborts
 * one transaction, which left nothing behind, and it is simply run again. Only after this
 * returns may the copy be acknowledged to the network.
 */
@ApplicationScoped
public class IngestService {

    private static final int ATTEMPTS = 5;

    @Inject
    private IngestTransaction transaction;

    public IngestOutcome ingest(InboundMessage message) {
        return ingest(message, NOTHING_MORE);
    }

    /**
     * @param alsoInTransaction runs inside the storing transaction (each attempt): the device
     *        session writes its ratchet change here, so message and key state commit together
     */
    public IngestOutcome ingest(InboundMessage message, Runnable alsoInTransaction) {
        return withRetry(() -> transaction.ingest(message, alsoInTransaction));
    }

    public IngestOutcome ingestOwn(OwnMessage message) {
        return ingestOwn(message, NOTHING_MORE);
    }

    public IngestOutcome ingestOwn(OwnMessage message, Runnable alsoInTransaction) {
        return withRetry(() -> transaction.ingestOwn(message, alsoInTransaction));
    }

    private static final Runnable NOTHING_MORE = () -> { };

    private static IngestOutcome withRetry(Supplier<IngestOutcome> attempt) {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.get();
            } catch (RuntimeException failure) {
                if (tried >= ATTEMPTS || !TransientConflict.causes(failure)) {
                    throw failure;
                }
                pause(tried);
            }
        }
    }

    /** A short, growing, jittered pause so that the two deadlocked routings do not meet again. */
    private static void pause(int tried) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25) * tried);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
