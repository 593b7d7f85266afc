package com.teaminbox.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.sandbox.Sandbox;
import com.teaminbox.sandbox.account.Account;
import com.teaminbox.sandbox.customer.LoadGenerator;
import com.teaminbox.sandbox.customer.SimulatedCustomer;
import com.teaminbox.sandbox.phone.PhoneException;
import com.teaminbox.sandbox.phone.SimulatedPhone;
import com.teaminbox.sandbox.server.FaultPlan;
import com.teaminbox.sandbox.server.ServerIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The admin HTTP API (JSON) that tests, the lead's scripts and the phone-simulator page drive the
 * sandbox with. Errors are RFC 9457 problem+json with a stable {@code reason}. See
 * docs/sandbox.md for the list of endpoints.
 */
public final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the phone answers during a load run started with autoReply. */
    private static final String LOAD_AUTO_REPLY = "Thanks for your message, we will get back to you shortly.";
    private final HttpServer server;
    private final Sandbox sandbox;

    private AdminApi(HttpServer server, Sandbox sandbox) {
        this.server = server;
        this.sandbox = sandbox;
    }

    public static AdminApi start(InetSocketAddress address, Sandbox sandbox) {
        try {
            HttpServer server = HttpServer.create(address, 0);
            AdminApi api = new AdminApi(server, sandbox);
            server.createContext("/api/", api::handle);
            server.createContext(com.teaminbox.sandbox.media.BlobStore.PATH_PREFIX, api::media);
            server.createContext("/", api::page);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread thread = new Thread(r, "sandbox-admin");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the admin API on " + address, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        // Not try-with-resources: its catch clauses would run after the exchange was closed.
        try {
            String method = exchange.getRequestMethod();
            String[] path = exchange.getRequestURI().getPath().replaceAll("/+$", "").split("/");
            if (LocalCallerGuard.changesState(method)) {
                LocalCallerGuard guard = new LocalCallerGuard(port());
                guard.checkCaller(exchange.getRequestHeaders());
                guard.checkJson(exchange.getRequestHeaders());
            }
            JsonNode body = readBody(exchange);
            Object result = route(method, path, body);
            respond(exchange, 200, "application/json", result);
        } catch (RequestRefused refused) {
            respondProblem(exchange, refused.status(), refused.reason(), refused.getMessage());
        } catch (AdminProblem problem) {
            respondProblem(exchange, problem.status, problem.reason, problem.getMessage());
        } catch (PhoneException e) {
            respondProblem(exchange, 409, e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            respondProblem(exchange, 500, "internal-error", String.valueOf(e.getMessage()));
        } finally {
            exchange.close();
        }
    }

    /**
     * The media host: encrypted blobs only, so anyone may fetch them; the keys travel in messages.
     * {@code POST /media/} stores a blob under its SHA-256 and answers its direct path.
     */
    private void media(HttpExchange exchange) throws IOException {
        try {
            if (LocalCallerGuard.changesState(exchange.getRequestMethod())) {
                // an upload is a blob, not JSON; only the caller is checked
                new LocalCallerGuard(port()).checkCaller(exchange.getRequestHeaders());
            }
            if (exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getPath().equals(
                    com.teaminbox.sandbox.media.BlobStore.PATH_PREFIX)) {
                byte[] blob;
                try (java.io.InputStream in = exchange.getRequestBody()) {
                    blob = in.readNBytes(com.teaminbox.sandbox.media.BlobStore.MAX_BLOB_BYTES + 1);
                }
                if (blob.length > com.teaminbox.sandbox.media.BlobStore.MAX_BLOB_BYTES) {
                    respondProblem(exchange, 413, "too-large", "a media blob may be at most "
                            + com.teaminbox.sandbox.media.BlobStore.MAX_BLOB_BYTES + " bytes");
                    return;
                }
                if (blob.length < com.teaminbox.bridge.media.MediaCipher.MAC_LENGTH + 16) {
                    respondProblem(exchange, 400, "not-a-blob", "a media blob is ciphertext and a MAC; this is too short");
                    return;
                }
                String path = sandbox.blobs().put(blob);
                byte[] answer = JSON.writeValueAsBytes(Map.of("directPath", path));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
                return;
            }
            java.util.Optional<byte[]> blob = exchange.getRequestMethod().equals("GET")
                    ? sandbox.blobs().get(exchange.getRequestURI().getPath()) : java.util.Optional.empty();
            if (blob.isEmpty()) {
                respondProblem(exchange, 404, "no-such-media", "no media blob at this path");
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, blob.get().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(blob.get());
            }
        } catch (RequestRefused refused) {
            respondProblem(exchange, refused.status(), refused.reason(), refused.getMessage());
        } finally {
            exchange.close();
        }
    }

    /** The phone-simulator page: a static file that drives this API from the browser. */
    private void page(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/") && !path.equals("/phone")) {
                respondProblem(exchange, 404, "not-found", "the phone simulator is at /");
                return;
            }
            byte[] html;
            try (InputStream in = AdminApi.class.getResourceAsStream("phone-simulator.html")) {
                html = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(html);
            }
        } finally {
            exchange.close();
        }
    }

    /** path is ["", "api", ...]. */
    /**
     * The phone's linked devices as JSON-ready maps: the plain ObjectMapper cannot write
     * {@code Instant}, and failing there left the page and API with an empty answer.
     */
    private static java.util.List<Map<String, Object>> deviceViews(SimulatedPhone phone) {
        return phone.linkedDevices().stream().map(d -> {
            Map<String, Object> view = new java.util.LinkedHashMap<>();
            view.put("deviceId", d.deviceId());
            view.put("platform", d.platform());
            view.put("lastActive", d.lastActive() == null ? null : d.lastActive().toString());
            view.put("online", d.online());
            return view;
        }).toList();
    }

    private Object route(String method, String[] path, JsonNode body) throws PhoneException {
        String area = path.length > 2 ? path[2] : "";
        String key = method + " " + String.join("/", java.util.Arrays.copyOfRange(path, 2, path.length));
        switch (area) {
            case "network" -> {
                return Map.of("uri", sandbox.uri().toString(), "rootSerial", ServerIdentity.ROOT_SERIAL,
                        "rootPublicKey", Base64.getEncoder().encodeToString(sandbox.rootPublicKey()),
                        "companionLimit", sandbox.switchboard().companionLimit(), "clock", sandbox.clock().instant().toString(),
                        "mediaUrl", sandbox.mediaHost().map(URI::toString).orElse(""));
            }
            case "accounts" -> {
                return sandbox.switchboard().directory().all().stream().map(this::accountView).toList();
            }
            case "clock" -> {
                if (method.equals("POST") && path.length > 3 && path[3].equals("advance")) {
                    Duration by = Duration.ofDays(body.path("days").asLong(0)).plusHours(body.path("hours").asLong(0))
                            .plusSeconds(body.path("seconds").asLong(0));
                    sandbox.advanceClock(by);
                }
                return clockView();
            }
            case "phone" -> {
                return phone(method, path, body);
            }
            case "customers" -> {
                return customers(method, path, body);
            }
            case "faults" -> {
                return faults(method, path, body);
            }
            case "load" -> {
                if (method.equals("POST")) {
                    boolean autoReply = body.path("autoReply").asBoolean(false);
                    sandbox.phone().ifPresent(p -> p.autoReply(autoReply ? LOAD_AUTO_REPLY : null));
                    return sandbox.startLoad(body.path("customers").asInt(5), body.path("ratePerSecond").asDouble(2),
                            body.path("seconds").asInt(10), body.path("size").asInt(40)).report();
                }
                return sandbox.load().map(LoadGenerator::report)
                        .orElseThrow(() -> new AdminProblem(404, "no-load-run", "no load run was started"));
            }
            default -> throw new AdminProblem(404, "not-found", "no such endpoint: " + key);
        }
    }

    private Object phone(String method, String[] path, JsonNode body) throws PhoneException {
        SimulatedPhone phone = sandbox.phone().orElseThrow(() -> new AdminProblem(404, "no-phone", "no business phone"));
        String action = path.length > 3 ? path[3] : "";
        switch (method + " " + action) {
            case "GET " -> {
                return Map.of("phoneNumber", phone.phoneNumber(), "online", phone.isOnline(), "devices", deviceViews(phone),
                        "clock", clockView());
            }
            case "POST scan" -> {
                return Map.of("deviceId", phone.scanQr(required(body, "qr")));
            }
            case "POST code" -> {
                return Map.of("deviceId", phone.enterPairingCode(required(body, "code")));
            }
            case "GET devices" -> {
                return deviceViews(phone);
            }
            case "DELETE devices" -> {
                if (path.length < 5) {
                    throw new AdminProblem(400, "bad-request", "DELETE /api/phone/devices/{id}");
                }
                phone.unlink(Integer.parseInt(path[4]));
                return Map.of("unlinked", Integer.parseInt(path[4]));
            }
            case "POST send" -> {
                return Map.of("messageId", phone.send(required(body, "to"), required(body, "text")));
            }
            case "POST read" -> {
                phone.readChat(required(body, "chat"));
                return Map.of("read", true);
            }
            case "GET messages" -> {
                return phone.messages().stream().map(m -> Map.of("chat", m.chat(), "from", m.sender().toString(),
                        "id", m.content().messageId(), "text", m.content().text(), "sentByMe", m.sentByMe())).toList();
            }
            case "POST online" -> {
                phone.goOnline();
                return Map.of("online", true);
            }
            case "POST offline" -> {
                phone.goOffline();
                return Map.of("online", false);
            }
            case "POST use" -> {
                phone.use();
                return Map.of("used", sandbox.clock().instant().toString());
            }
            default -> throw new AdminProblem(404, "not-found", "no such phone action: " + method + " " + action);
        }
    }

    private Object customers(String method, String[] path, JsonNode body) {
        if (path.length == 3 && method.equals("GET")) {
            return sandbox.customers().values().stream().map(c -> Map.of("phoneNumber", c.phoneNumber(), "name", c.name(),
                    "devices", c.devices().size(), "received", c.received().size())).toList();
        }
        if (path.length == 3 && method.equals("POST")) {
            SimulatedCustomer created = sandbox.createCustomer(required(body, "phoneNumber"), required(body, "name"),
                    body.path("devices").asInt(1));
            return Map.of("phoneNumber", created.phoneNumber());
        }
        SimulatedCustomer customer = sandbox.customer(path[3])
                .orElseThrow(() -> new AdminProblem(404, "no-such-customer", "no customer " + path[3]));
        if (path.length == 5 && path[4].equals("send") && method.equals("POST")) {
            String business = sandbox.phone().map(SimulatedPhone::phoneNumber).orElse(body.path("to").asText());
            return Map.of("messageId", customer.send(body.hasNonNull("to") ? body.get("to").asText() : business,
                    required(body, "text")));
        }
        if (path.length == 5 && path[4].equals("send-media") && method.equals("POST")) {
            String business = sandbox.phone().map(SimulatedPhone::phoneNumber).orElse(body.path("to").asText());
            byte[] file;
            try {
                file = Base64.getDecoder().decode(required(body, "data"));
            } catch (IllegalArgumentException e) {
                throw new AdminProblem(400, "bad-request", "data must be the file in base64");
            }
            return Map.of("messageId", customer.sendMedia(body.hasNonNull("to") ? body.get("to").asText() : business,
                    required(body, "mimeType"), file, body.path("caption").asText(""), sandbox.blobs()));
        }
        if (path.length == 5 && path[4].equals("read") && method.equals("POST")) {
            return Map.of("read", customer.markRead());
        }
        if (path.length == 5 && path[4].equals("auto-read") && method.equals("POST")) {
            long afterMillis = body.path("afterMillis").asLong(0);
            customer.readAfter(afterMillis > 0 ? Duration.ofMillis(afterMillis) : null);
            return Map.of("afterMillis", afterMillis > 0 ? afterMillis : 0);
        }
        if (path.length == 5 && path[4].equals("messages")) {
            return customer.received().stream().map(this::receivedView).toList();
        }
        throw new AdminProblem(404, "not-found", "no such customer action");
    }

    /** A message a customer got; an attachment is opened as the customer's phone would, and its hash shown. */
    private Map<String, Object> receivedView(com.teaminbox.bridge.client.ReceivedMessage message) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("from", message.sender().toString());
        view.put("text", message.content().text());
        view.put("id", message.content().messageId());
        message.content().media().ifPresent(media -> {
            Map<String, Object> opened = openedMedia.get(message.content().messageId());
            if (opened == null) {
                opened = open(media);
                if (Boolean.TRUE.equals(opened.get("opened"))) {
                    openedMedia.put(message.content().messageId(), opened);
                }
            }
            view.put("media", opened);
        });
        return view;
    }

    /** Opened once per message: the page polls every two seconds, and a file may be 64 MiB. */
    private final Map<String, Map<String, Object>> openedMedia = new java.util.concurrent.ConcurrentHashMap<>();

    private Map<String, Object> open(com.teaminbox.bridge.fanout.MediaReference media) {
        Map<String, Object> opened = new java.util.LinkedHashMap<>();
        opened.put("mimeType", media.mimeType());
        opened.put("size", media.fileLength());
        try {
            byte[] file = SimulatedCustomer.openMedia(media, sandbox.blobs());
            opened.put("sha256", java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(file)));
            opened.put("opened", true);
        } catch (com.teaminbox.bridge.media.MediaTamperedException | java.security.NoSuchAlgorithmException
                 | IllegalStateException e) {
            opened.put("opened", false);
            opened.put("error", e.getMessage());
        }
        return opened;
    }

    private Object faults(String method, String[] path, JsonNode body) {
        if (path.length > 3 && path[3].equals("restart") && method.equals("POST")) {
            sandbox.restartNetwork();
            return Map.of("restarted", true, "uri", sandbox.uri().toString());
        }
        DeviceAddress device = new DeviceAddress(required(body, "account"), body.path("device").asInt(0));
        if (path.length > 3 && path[3].equals("cut")) {
            return Map.of("cut", sandbox.switchboard().cut(device));
        }
        FaultPlan.Fault fault;
        try {
            fault = FaultPlan.Fault.valueOf(required(body, "fault").toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new AdminProblem(400, "bad-request", "fault is one of drop, duplicate, delay, reorder");
        }
        // delayMillis: how late a delayed delivery comes (1 s unless given); for reorder the longest hold.
        long delayMillis = body.path("delayMillis").asLong(fault == FaultPlan.Fault.DELAY ? 1000 : 0);
        sandbox.switchboard().inject(device, fault, body.path("count").asInt(1), delayMillis);
        return Map.of("injected", fault.name().toLowerCase(), "device", device.toString());
    }

    private Map<String, Object> accountView(Account account) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("phoneNumber", account.phoneNumber());
        view.put("name", account.displayName());
        view.put("business", account.isBusiness());
        view.put("primaryActive", Instant.ofEpochMilli(account.primaryActiveMillis()).toString());
        view.put("devices", account.devices().stream().map(d -> {
            DeviceAddress address = new DeviceAddress(account.phoneNumber(), d.id());
            return Map.of("id", d.id(), "platform", d.platform(),
                    "lastSeen", Instant.ofEpochMilli(d.lastSeenMillis()).toString(),
                    "online", sandbox.switchboard().isOnline(address), "queued", sandbox.switchboard().queued(address));
        }).toList());
        return view;
    }

    private Map<String, Object> clockView() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("now", sandbox.clock().instant().toString());
        view.put("offsetSeconds", sandbox.clock().offset().toSeconds());
        sandbox.phone().flatMap(p -> sandbox.switchboard().directory().find(p.phoneNumber())).ifPresent(account -> {
            Instant logout = Instant.ofEpochMilli(account.primaryActiveMillis()).plus(Duration.ofDays(14));
            view.put("businessLogoutAt", logout.toString());
            view.put("daysLeftBeforeLogout", Math.max(0, Duration.between(sandbox.clock().instant(), logout).toDays()));
        });
        return view;
    }

    private static String required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new AdminProblem(400, "bad-request", "missing field '" + field + "'");
        }
        return value.asText();
    }

    private static JsonNode readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(1 << 20);
            if (bytes.length == 0) {
                return JSON.createObjectNode();
            }
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AdminProblem(400, "bad-request", "the body is not JSON");
            }
        }
    }

    private static void respondProblem(HttpExchange exchange, int status, String reason, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", reason);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("reason", reason);
        respond(exchange, status, "application/problem+json", problem);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A request the API refuses, with its HTTP status and stable reason. */
    private static final class AdminProblem extends RuntimeException {
        private final int status;
        private final String reason;

        AdminProblem(int status, String reason, String message) {
            super(message);
            this.status = status;
            this.reason = reason;
        }
    }

}
