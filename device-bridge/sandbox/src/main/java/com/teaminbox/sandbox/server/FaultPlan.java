package com.teaminbox.sandbox.server;

/**
 * Faults to inject into what the network delivers to one device, for testing the client's
 * handling of a misbehaving network: drop, duplicate, delay or reorder the next deliveries.
 * Counts go down as deliveries pass; a plan with nothing left is inert.
 */
public final class FaultPlan {

    public enum Fault { DROP, DUPLICATE, DELAY, REORDER }

    private int drop;
    private int duplicate;
    private int reorder;
    private long delayMillis;
    private int delayed;

    public synchronized void add(Fault fault, int count, long delay) {
        switch (fault) {
            case DROP -> drop += count;
            case DUPLICATE -> duplicate += count;
            case REORDER -> reorder += count;
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

    @Override
    public synchronized String toString() {
        return "FaultPlan[drop=" + drop + ", duplicate=" + duplicate + ", reorder=" + reorder + ", delay=" + delayed + "]";
    }
}
