package com.teaminbox.server.report;

import java.util.List;

/** The queues and agents as they are now. */
public record LiveReport(List<QueueNow> queues, List<AgentNow> agents) {

    /**
     * @param open        conversations not resolved
     * @param waiting     of those, the unassigned ones
     * @param longestWaitSeconds seconds since the last customer message of the oldest unassigned one; null when none waits
     * @param waitingReason why the waiting ones cannot be routed now ("no online agent with a connected device serves
     *                      Front desk"); null when none waits or someone could take one
     */
    public record QueueNow(long id, long accountId, String accountName, String name, Integer slaSeconds, long open, long waiting,
                           Long longestWaitSeconds, String waitingReason) {

        QueueNow withWaitingReason(String reason) {
            return new QueueNow(id, accountId, accountName, name, slaSeconds, open, waiting, longestWaitSeconds, reason);
        }
    }

    /**
     * @param disabled an administrator disabled the agent (listed only while they still hold open conversations)
     * @param devices  the agent's companion device on each account (the live one, else the last one)
     */
    public record AgentNow(long id, String username, String displayName, String status, int capacity, boolean disabled,
                           long openAssigned,
                           List<DeviceNow> devices) {
    }

    public record DeviceNow(long accountId, String businessNumber, String state) {
    }
}
