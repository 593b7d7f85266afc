package com.teaminbox.server.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Per UTC day and per agent over a range. Times are seconds; a median or percentile is null
 * when there was nothing to measure.
 *
 * <ul>
 *   <li>opened, first response, SLA breaches: counted on the day the conversation opened;
 *       first response = {@code first_response_at - opened_at}</li>
 *   <li>resolved, resolution time: on the day it was resolved; resolution = {@code resolved_at - opened_at}</li>
 *   <li>SLA breach: the queue has an SLA and the first response came later than it, or there is
 *       none and the SLA has passed (by now, or by the time it was resolved)</li>
 *   <li>per agent: conversations opened in the range and assigned to the agent, replies the agent
 *       sent in the range, median first response of those conversations</li>
 * </ul>
 */
public record DailyReport(LocalDate from, LocalDate to, Long queueId, List<Day> days, List<AgentVolume> agents) {

    public record Day(LocalDate day, long opened, long resolved, Double firstResponseMedianSeconds,
                      Double firstResponseP90Seconds, Double resolutionMedianSeconds, long slaBreaches) {
    }

    public record AgentVolume(long agentId, String username, String displayName, long handled, long replies,
                              Double firstResponseMedianSeconds) {
    }
}
