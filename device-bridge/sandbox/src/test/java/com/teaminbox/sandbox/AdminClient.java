package com.teaminbox.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The admin API over real HTTP, as the lead's scripts and the phone-simulator page call it. */
final class AdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;

    AdminClient(int port) {
        this.port = port;
    }

    record Reply(int status, String contentType, JsonNode body) {
    }

    Reply call(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        request.header("Content-Type", "application/json"); // the admin port refuses state changes without it
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                JSON.readTree(response.body()));
    }

    /** POSTs and insists on 200: a refusal here is a broken test setup, not an outcome. */
    JsonNode post(String path, Object body) throws Exception {
        Reply reply = call("POST", path, body);
        if (reply.status() != 200) {
            throw new AssertionError("POST " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }
}
