package com.teaminbox.server.device.keys;

import java.util.Comparator;
import java.util.List;

/** A snapshot of a store's pending writes, oldest first. */
public final class PendingKeyWrites {

    static final PendingKeyWrites NONE = new PendingKeyWrites(List.of());

    private final List<PendingKeyWrite> writes;

    PendingKeyWrites(List<PendingKeyWrite> writes) {
        this.writes = writes.stream().sorted(Comparator.comparingLong(PendingKeyWrite::version)).toList();
    }

    public List<PendingKeyWrite> writes() {
        return writes;
    }

    public boolean isEmpty() {
        return writes.isEmpty();
    }

    public int size() {
        return writes.size();
    }

    @Override
    public String toString() {
        return "PendingKeyWrites" + writes;
    }
}
