package com.teaminbox.sandbox.server;

/**
 * Faults to inject into what the network delivers to one device, for testing the client's
 * handling of a misbehaving network: drop, duplicate, delay or reorder the next deliveries.
 * Counts go down as deliveries pass; a plan with nothing left is inert.
 */
public final class FaultPlan {

    public enum Fault { DROP, DUPLICATE, DELAY, REORDER }

    /**
     * How long a reordered delivery waits at most for the next one to overtake it, unless the
     * injection says otherwise: long enough for a message typed right after, short enough that a
     * lone held message still arrives on the same connection.
     */
    static final long DEFAULT_REORDER_HOLD_MILLIS = 500;

    private int drop;
    private int duplicate;
    private int reorder;
    private long reorderHoldMillis = DEFAULT_REORDER_HOLD_MILLIS;
    private long delayMillis;
    private int delayed;

    public synchronized void add(Fault fault, int count, long delay) {
        switch (fault) {
            case DROP -> drop += count;
            case DUPLICATE -> duplicate += count;
            case REORDER -> {
                reorder += count;
                reorderHoldMillis = delay > 0 ? delay : DEFAULT_REORDER_HOLD_MILLIS;
            }
            case DELAY -> {
                delayed += count;
                delayMillis = delay;
            }
        }
    }

    /** What to do with the next delivery; each call consumes one. */
    synchronized Fault next() {
        if (drop > 0) {
            drop--;
            return Fault.DROP;
        }
        if (duplicate > 0) {
            duplicate--;
            return Fault.DUPLICATE;
        }
        if (reorder > 0) {
            reorder--;
            return Fault.REORDER;
        }
        if (delayed > 0) {
            delayed--;
            return Fault.DELAY;
        }
        return null;
    }

    synchronized long delayMillis() {
        return delayMillis;
    }

    /** The longest a reordered delivery is held; the next delivery to the device releases it earlier. */
    synchronized long reorderHoldMillis() {
        return reorderHoldMillis;
    }

    @Override
    public synchronized String toString() {
        return "FaultPlan[drop=" + drop + ", duplicate=" + duplicate + ", reorder=" + reorder + ", delay=" + delayed + "]";
    }
}
