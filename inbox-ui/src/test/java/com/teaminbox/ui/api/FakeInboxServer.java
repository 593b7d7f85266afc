package com.teaminbox.ui.api;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.teaminbox.ui.security.SignedInUser;
import com.vaadin.flow.component.UI;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a browserless view test stands on: inbox-server faked by a small HTTP server in the test
 * JVM that gives canned JSON answers and remembers every request, an {@link InboxApi} pointed at
 * it (the real client, so the JSON is read exactly as in production), a signed-in user whose
 * token it forwards, and a mocked Vaadin UI and session (Karibu-Testing) for the view.
 *
 * <p>Register it with {@code @RegisterExtension}; a path nobody answered gets 404, like an
 * unknown id on the real server.
 */
public final class FakeInboxServer implements BeforeEachCallback, AfterEachCallback {

    /** The token the fake user signs in with; every request is expected to carry it. */
    public static final String TOKEN = "token-of-ann";

    /** One call the UI made: method, path (with its query), the Authorization header and the body. */
    public record Request(String method, String path, String authorization, String body) {

        /** The body as JSON, to compare field by field. */
        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private HttpServer http;

    /** {@code method path} (path without its query) answers 200 with this JSON from now on. */
    public void answer(String method, String path, String json) {
        answers.put(method + " " + path, new Answer(200, "application/json", json));
    }

    /** The same with another status, e.g. 201 for a created link. */
    public void answer(String method, String path, int status, String json) {
        answers.put(method + " " + path, new Answer(status, "application/json", json));
    }

    /** {@code method path} is refused as inbox-server refuses: problem+json whose detail is the sentence. */
    public void refuse(String method, String path, int status, String detail) {
        String problem = Json.createObjectBuilder().add("status", status).add("detail", detail).build().toString();
        answers.put(method + " " + path, new Answer(status, "application/problem+json", problem));
    }

    /** Every request so far, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests with this method and path (query left out), oldest first. */
    public List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().split("\\?")[0].equals(path)).toList();
    }

    /** The REST client as the views get it, pointed at this fake. */
    public InboxApi api() {
        InboxApi api = new InboxApi();
        api.apiUrl = "http://127.0.0.1:" + http.getAddress().getPort();
        return api;
    }

    /** The reports client as the manager console gets it: the same client and fake underneath. */
    public ReportsApi reports() {
        ReportsApi reports = new ReportsApi();
        reports.api = api();
        return reports;
    }

    /** Ann, signed in: her access token is {@link #TOKEN}. No OpenID Connect behind it. */
    public SignedInUser user() {
        return new SignedInUser() {
            @Override
            public String accessToken() {
                return TOKEN;
            }

            @Override
            public String username() {
                return "ann";
            }
        };
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", this::handle);
        http.start();
        MockVaadin.setup();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        UI.getCurrent().removeAll(); // detaches the view: it closes what it opened (polls, live events)
        MockVaadin.tearDown();
        http.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), query == null ? path : path + "?" + query,
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path, new Answer(404, "text/plain", ""));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
