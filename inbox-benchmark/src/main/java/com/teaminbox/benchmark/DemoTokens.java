package com.teaminbox.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens for the demo realm's users (password = user name) from Keycloak's public
 * {@code inbox-cli} client, kept per user and renewed a minute before they expire, so that a
 * benchmark longer than a token's life keeps calling the API.
 */
final class DemoTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String keycloak;
    /** user → {token, expiry in epoch millis} */
    private final Map<String, String[]> tokens = new ConcurrentHashMap<>();

    DemoTokens(HttpClient http, String keycloak) {
        this.http = http;
        this.keycloak = keycloak;
    }

    String token(String user) {
        String[] cached = tokens.get(user);
        if (cached != null && Long.parseLong(cached[1]) > System.currentTimeMillis() + 60_000) {
            return cached[0];
        }
        try {
            String form = "grant_type=password&client_id=inbox-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create(keycloak + "/realms/inbox/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user + ": " + answer.body());
            }
            JsonNode json = JSON.readTree(answer.body());
            String token = json.path("access_token").asText();
            long expires = System.currentTimeMillis() + json.path("expires_in").asLong(300) * 1000;
            tokens.put(user, new String[] {token, Long.toString(expires)});
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + keycloak + " could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
