package com.teaminbox.bridge.signal;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The receiving chain for one of the peer's ratchet keys, with the keys of messages skipped on it.
 * {@code expiredThrough} remembers the highest counter whose skipped key was forgotten to honour
 * the storage bound, so such a late message is reported as too old rather than as a duplicate.
 */
final class ReceiverChain {
    private final byte[] senderRatchetKey;
    private ChainKey chainKey;
    private final LinkedHashMap<Integer, MessageKeys> skippedKeys;
    private int expiredThrough;

    ReceiverChain(byte[] senderRatchetKey, ChainKey chainKey) {
        this(senderRatchetKey, chainKey, new LinkedHashMap<>(), -1);
    }

    ReceiverChain(byte[] senderRatchetKey, ChainKey chainKey, LinkedHashMap<Integer, MessageKeys> skippedKeys,
                  int expiredThrough) {
        DjbPublicKey.requireKeyLength(senderRatchetKey);
        this.senderRatchetKey = senderRatchetKey.clone();
        this.chainKey = chainKey;
        this.skippedKeys = skippedKeys;
        this.expiredThrough = expiredThrough;
    }

    ReceiverChain copy() {
        return new ReceiverChain(senderRatchetKey, chainKey, new LinkedHashMap<>(skippedKeys), expiredThrough);
    }

    boolean isFor(byte[] ratchetKey) {
        return Arrays.equals(senderRatchetKey, ratchetKey);
    }

    byte[] senderRatchetKey() {
        return senderRatchetKey.clone();
    }

    ChainKey chainKey() {
        return chainKey;
    }

    void advanceTo(ChainKey next) {
        this.chainKey = next;
    }

    Map<Integer, MessageKeys> skippedKeys() {
        return skippedKeys;
    }

    int expiredThrough() {
        return expiredThrough;
    }

    void storeSkipped(MessageKeys keys) {
        skippedKeys.put(keys.counter(), keys);
    }

    MessageKeys takeSkipped(int counter) {
        return skippedKeys.remove(counter);
    }

    /** Forgets the oldest skipped key; returns false when there was none. */
    boolean forgetOldestSkipped() {
        Iterator<Integer> counters = skippedKeys.keySet().iterator();
        if (!counters.hasNext()) {
            return false;
        }
        int counter = counters.next();
        counters.remove();
        expiredThrough = Math.max(expiredThrough, counter);
        return true;
    }
}
