package com.teaminbox.server.events;

import java.util.HashMap;
import java.util.Map;

/**
 * The places for live event streams on this node: a few per person and a fixed number in all,
 * so that one person's forgotten tabs, or a client that reconnects in a loop, cannot hold the
 * node's sockets and its broadcast time. A stream holds one place from its subscription until
 * it ends; a refused subscription holds none.
 */
final class StreamSlots {

    private final int perPerson;
    private final int perNode;
    private final Map<Long, Integer> openByAgent = new HashMap<>();
    private int open;

    StreamSlots(int perPerson, int perNode) {
        this.perPerson = perPerson;
        this.perNode = perNode;
    }

    /** A place for one more stream of this agent, or {@link TooManyStreams}. */
    synchronized Slot take(long agentId) {
        if (openByAgent.getOrDefault(agentId, 0) >= perPerson) {
            throw TooManyStreams.ofPerson(perPerson);
        }
        if (open >= perNode) {
            throw TooManyStreams.ofNode(perNode);
        }
        openByAgent.merge(agentId, 1, Integer::sum);
        open++;
        return new Slot(agentId);
    }

    synchronized int open() {
        return open;
    }

    synchronized int openOf(long agentId) {
        return openByAgent.getOrDefault(agentId, 0);
    }

    private synchronized void free(long agentId) {
        openByAgent.computeIfPresent(agentId, (id, count) -> count == 1 ? null : count - 1);
        open--;
    }

    /** One stream's place. A stream can end on several threads at once, so freeing it twice frees it once. */
    final class Slot {
        private final long agentId;
        private boolean freed;

        private Slot(long agentId) {
            this.agentId = agentId;
        }

        void free() {
            synchronized (StreamSlots.this) {
                if (freed) {
                    return;
                }
                freed = true;
                StreamSlots.this.free(agentId);
            }
        }
    }
}
