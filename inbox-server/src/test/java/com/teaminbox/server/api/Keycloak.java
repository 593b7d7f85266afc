package com.teaminbox.server.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gets real access tokens from the running Keycloak (demo realm, direct-access grants),
 * the same way a command-line user of the API would.
 */
public final class Keycloak {

    static final String URL = System.getenv().getOrDefault("INBOX_KEYCLOAK_URL", "http://localhost:8180");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Keycloak() {
    }

    /** A token for a demo user (password = user name) through the inbox-cli client. */
    public static String tokenFor(String user) {
        return tokenFor(user, "inbox-cli");
    }

    public static String tokenFor(String user, String client) {
        String form = "grant_type=password&client_id=" + client + "&username=" + enc(user) + "&password=" + enc(user)
                + "&scope=openid";
        HttpRequest request = HttpRequest.newBuilder(URI.create(URL + "/realms/inbox/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("Keycloak refused a token for " + user + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak does not answer at " + URL
                    + "; these tests need it running (./inbox test starts it).", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates a realm user with the agent role through the inbox's service account (the
     * same client the admin screens use) and returns its Keycloak id. Password = user name.
     */
    public static String createAgentUser(String username) {
        String admin = serviceAccountToken();
        String body = "{\"username\":\"" + username + "\",\"enabled\":true,\"email\":\"" + username
                + "@teaminbox.example\",\"emailVerified\":true,\"firstName\":\"Test\",\"lastName\":\"Agent\","
                + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + username + "\",\"temporary\":false}]}";
        HttpResponse<String> created = adminCall("POST", "/users", admin, body);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak did not create " + username + ": " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        String role = adminCall("GET", "/roles/agent", admin, null).body();
        HttpResponse<String> granted = adminCall("POST", "/users/" + id + "/role-mappings/realm", admin, "[" + role + "]");
        if (granted.statusCode() != 204) {
            throw new IllegalStateException("Keycloak did not grant the agent role: " + granted.statusCode());
        }
        return id;
    }

    /** A call to the realm's admin REST API as the inbox's service account, e.g. GET /users/{id}. */
    public static HttpResponse<String> admin(String method, String path) {
        return adminCall(method, path, serviceAccountToken(), null);
    }

    /** A password grant for a user with this password; the raw answer (200 or Keycloak's refusal). */
    public static HttpResponse<String> passwordGrant(String user, String password) {
        String form = "grant_type=password&client_id=inbox-cli&username=" + enc(user) + "&password=" + enc(password)
                + "&scope=openid";
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(URL + "/realms/inbox/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void deleteUser(String id) {
        adminCall("DELETE", "/users/" + id, serviceAccountToken(), null);
    }

    private static String serviceAccountToken() {
        String form = "grant_type=client_credentials&client_id=inbox-admin-service&client_secret="
                + enc(System.getenv().getOrDefault("INBOX_ADMIN_SERVICE_SECRET", "inbox-admin-service-demo-secret"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(URL + "/realms/inbox/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (!token.find()) {
                throw new IllegalStateException("no service-account token: " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> adminCall(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL + "/admin/realms/inbox" + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
