package com.teaminbox.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser tests' side doors: the sandbox network's admin API (the business phone and the
 * customers) and the inbox API with an admin's token (linking devices is an admin's job, and
 * its screen belongs to a later issue).
 */
final class SandboxNetwork {

    static final String ADMIN = System.getProperty("inbox.sandboxUrl", "http://127.0.0.1:7783");
    static final String KEYCLOAK = System.getProperty("inbox.keycloakUrl", "http://localhost:8180");
    /** The sandbox's demo business (docs/sandbox.md). */
    static final String BUSINESS = "4930123456";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SandboxNetwork() {
    }

    static String post(String url, String json, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String get(String url) throws Exception {
        return get(url, null);
    }

    static String get(String url, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A token for the API from the demo realm's command-line client (password = user name). */
    static String tokenFor(String user) throws Exception {
        String form = "grant_type=password&client_id=inbox-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK + "/realms/inbox/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return field(response.body(), "access_token");
    }

    static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return value.group(1).replace("\\/", "/");
    }

    static long number(String json, String name) {
        Matcher value = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return Long.parseLong(value.group(1));
    }
}
