package com.teaminbox.ui.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;

/**
 * inbox-server's reports ({@code /v1/reports}) for the manager console, called with the
 * signed-in user's own access token like every other API call of the UI.
 */
@ApplicationScoped
public class ReportsApi {

    public record QueueNow(long id, long accountId, String accountName, String name, Integer slaSeconds, long open, long waiting,
                           Long longestWaitSeconds, String waitingReason) {
    }

    public record DeviceNow(long accountId, String businessNumber, String state) {
    }

    public record AgentNow(long id, String username, String displayName, String status, int capacity, boolean disabled,
                           long openAssigned,
                           List<DeviceNow> devices) {
    }

    public record LiveReport(List<QueueNow> queues, List<AgentNow> agents) {
    }

    public record Day(LocalDate day, long opened, long resolved, Double firstResponseMedianSeconds, Double firstResponseP90Seconds,
                      Double resolutionMedianSeconds, long slaBreaches) {
    }

    public record AgentVolume(long agentId, String username, String displayName, long handled, long replies,
                              Double firstResponseMedianSeconds) {
    }

    public record DailyReport(LocalDate from, LocalDate to, Long queueId, List<Day> days, List<AgentVolume> agents) {
    }

    /** The same client, token handling and error sentences as every other call of the UI. */
    @Inject
    InboxApi api;

    public LiveReport live(String accessToken) {
        return get("/v1/reports/live", accessToken, new GenericType<>() { }, MediaType.APPLICATION_JSON);
    }

    public DailyReport daily(String accessToken, LocalDate from, LocalDate to) {
        return get("/v1/reports/daily?from=" + from + "&to=" + to, accessToken, new GenericType<>() { }, MediaType.APPLICATION_JSON);
    }

    /** The daily report as the server writes it in CSV. */
    public byte[] dailyCsv(String accessToken, LocalDate from, LocalDate to) {
        return get("/v1/reports/daily.csv?from=" + from + "&to=" + to, accessToken, new GenericType<byte[]>() { }, "text/csv");
    }

    private <T> T get(String path, String accessToken, GenericType<T> type, String accept) {
        return api.get(path, accessToken, type, accept);
    }
}
