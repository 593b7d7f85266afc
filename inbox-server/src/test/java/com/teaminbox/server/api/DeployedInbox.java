package com.teaminbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * What every API test needs of the inbox-server that Arquillian deployed: its API address,
 * the database it runs against, and what an RFC 9457 refusal must look like.
 */
public final class DeployedInbox {

    private DeployedInbox() {
    }

    /** The deployment's URL as Arquillian reports it, turned into the API root (the WAR's payara-web.xml puts it at /api). */
    public static String apiBase(URL deployment) {
        String url = deployment.toString();
        if (!url.endsWith("/")) {
            url += "/";
        }
        return url.endsWith("/api/") ? url : url.replaceAll("/[^/]*/$", "/") + "api/";
    }

    /** The database the deployed server uses: the same INBOX_DB_* variables, the same defaults. */
    public static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getenv().getOrDefault("INBOX_DB_URL", "jdbc:postgresql://127.0.0.1:5432/inbox"),
                System.getenv().getOrDefault("INBOX_DB_USER", "postgres"), System.getenv().getOrDefault("INBOX_DB_PASSWORD", ""));
    }

    /**
     * One API request: {@code path} below the API root, a JSON body when {@code json} is not null,
     * and the bearer token when {@code bearer} is not null (the tests that check refusals leave it
     * out). Each test class keeps its own token cache: tokens expire within a long run.
     */
    public static HttpResponse<String> call(HttpClient http, URL base, String method, String path, String bearer, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBase(base) + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until {@code condition} holds, checking every 100 ms; fails naming {@code what} after {@code wait}. */
    public static void await(Duration wait, Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }

    public static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0],
                "RFC 9457 media type: " + response.body());
        assertTrue(response.body().contains("\"status\":" + status), response.body());
        assertTrue(response.body().contains("\"title\":"), response.body());
        assertNotEquals(-1, response.body().indexOf("\"detail\":\""), response.body());
    }
}
