package com.teaminbox.ui.api;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * inbox-server's reports ({@code /v1/reports}) for the manager console, called with the
 * signed-in user's own access token like every other API call of the UI.
 */
@ApplicationScoped
public class ReportsApi {

    public record QueueNow(long id, long accountId, String accountName, String name, Integer slaSeconds, long open, long waiting,
                           Long longestWaitSeconds) {
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

    @Inject
    @ConfigProperty(name = "inbox.api.url")
    String apiUrl;

    private final Client client = ClientBuilder.newBuilder()
            .connectTimeout(3, TimeUnit.SECONDS)
            .readTimeout(20, TimeUnit.SECONDS)
            .build();

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
        try (Response response = client.target(apiUrl + path).request(accept)
                .header("Authorization", "Bearer " + accessToken).get()) {
            if (response.getStatus() == 200) {
                return response.readEntity(type);
            }
            throw new InboxApiException(response.getStatus(), sentenceFor(response));
        } catch (ProcessingException unreachable) {
            throw new InboxApiException("The inbox server cannot be reached right now. Try again in a moment.", unreachable);
        }
    }

    /** The server's own problem detail when it sent one, otherwise a sentence for the status. */
    private static String sentenceFor(Response response) {
        try {
            JsonObject problem = response.readEntity(JsonObject.class);
            if (problem.containsKey("detail") && !problem.isNull("detail")) {
                return problem.getString("detail");
            }
        } catch (RuntimeException notAProblem) {
            // fall through to the generic sentence
        }
        return switch (response.getStatus()) {
            case 401 -> "Your sign-in has expired. Reload the page to sign in again.";
            case 403 -> "Your role does not allow this.";
            default -> "The inbox server answered with an error (" + response.getStatus() + ").";
        };
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
