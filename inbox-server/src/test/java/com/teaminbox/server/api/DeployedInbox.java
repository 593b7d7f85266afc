package com.teaminbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
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

    public static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0],
                "RFC 9457 media type: " + response.body());
        assertTrue(response.body().contains("\"status\":" + status), response.body());
        assertTrue(response.body().contains("\"title\":"), response.body());
        assertNotEquals(-1, response.body().indexOf("\"detail\":\""), response.body());
    }
}
