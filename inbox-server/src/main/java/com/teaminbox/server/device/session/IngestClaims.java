package com.teaminbox.server.device.session;

import com.teaminbox.server.conversation.IngestOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One ingest per message per inbox instance. Every companion of an account receives every
 * message; the device sessions of this instance share a claim keyed by (account, network
 * message id): the first copy runs the ingest, the others wait for its outcome instead of
 * running a transaction that can only lose at the unique constraint.
 *
 * <p>A waiting copy returns only once the first copy's transaction has committed, so a device
 * still acknowledges a message only after it is stored. If the first copy's ingest failed, its
 * claim is dropped and a waiting copy claims and runs the ingest itself: nothing is lost. Two
 * inbox instances do not share claims; their copies still meet at the database's unique
 * constraint, as before.
 *
 * <p>A completed claim is kept for a minute (so that a copy arriving a little later, or a
 * redelivery after a reconnect, does not run the ingest again), and at most {@link #MAX_KEPT}
 * completed claims are kept; after that a late copy simply loses at the unique constraint.
 */
@ApplicationScoped
public class IngestClaims {

    /** How long a completed claim answers late copies. */
    static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Completed claims kept at most; beyond this the oldest are dropped first. */
    static final int MAX_KEPT = 50_000;
    /** A copy waits at most this long for another copy's ingest, then runs its own. */
    static final long WAIT_SECONDS = 30;
    /** How often a copy re-claims after the copy it waited for failed, before it just runs the ingest. */
    private static final int CLAIM_ROUNDS = 3;

    record Key(long accountId, String networkMessageId) {
    }

    private static final class Claim {
        final CompletableFuture<IngestOutcome> outcome = new CompletableFuture<>();
        volatile long completedAt;
    }

    /** What became of one copy: the outcome, and whether this copy ran the ingest that produced it. */
    public record Result(IngestOutcome outcome, boolean ranIngest) {
    }

    private final Map<Key, Claim> claims = new ConcurrentHashMap<>();

    /**
     * Runs {@code ingest} for this copy unless another copy of this instance has claimed the
     * message; then waits for that copy's outcome. Throws what this copy's own ingest threw.
     */
    public Result ingestOnce(long accountId, String networkMessageId, Supplier<IngestOutcome> ingest) {
        Key key = new Key(accountId, networkMessageId);
        for (int round = 0; round < CLAIM_ROUNDS; round++) {
            Claim mine = new Claim();
            Claim existing = claims.putIfAbsent(key, mine);
            if (existing == null) {
                return new Result(run(key, mine, ingest), true);
            }
            try {
                return new Result(existing.outcome.get(WAIT_SECONDS, TimeUnit.SECONDS), false);
            } catch (ExecutionException failedElsewhere) {
                // The claiming copy's ingest failed and its claim is gone: claim it again.
            } catch (TimeoutException slow) {
                break; // run it here; the database's unique constraint decides, as between instances
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while another device stored message " + networkMessageId, e);
            }
        }
        return new Result(ingest.get(), true);
    }

    private IngestOutcome run(Key key, Claim claim, Supplier<IngestOutcome> ingest) {
        try {
            IngestOutcome outcome = ingest.get();
            claim.completedAt = System.nanoTime();
            claim.outcome.complete(outcome);
            forgetOld();
            return outcome;
        } catch (RuntimeException | Error failure) {
            claims.remove(key, claim); // before waking the waiters, so that one of them can claim anew
            claim.outcome.completeExceptionally(failure);
            throw failure;
        }
    }

    /** Drops completed claims older than a minute, and the oldest ones beyond the size bound. */
    private void forgetOld() {
        long now = System.nanoTime();
        if (claims.size() <= MAX_KEPT && (now - lastSweep) < TimeUnit.SECONDS.toNanos(5)) {
            return;
        }
        synchronized (this) {
            if (claims.size() <= MAX_KEPT && (now - lastSweep) < TimeUnit.SECONDS.toNanos(5)) {
                return;
            }
            lastSweep = now;
            claims.entrySet().removeIf(e -> e.getValue().outcome.isDone() && now - e.getValue().completedAt > KEEP_NANOS);
            if (claims.size() > MAX_KEPT) {
                claims.entrySet().stream()
                        .filter(e -> e.getValue().outcome.isDone())
                        .sorted(java.util.Comparator.comparingLong(e -> e.getValue().completedAt))
                        .limit(claims.size() - MAX_KEPT / 2)
                        .map(Map.Entry::getKey)
                        .toList()
                        .forEach(claims::remove);
            }
        }
    }

    private volatile long lastSweep = System.nanoTime();

    /** Claims held now, completed or not (for tests). */
    int size() {
        return claims.size();
    }
}
