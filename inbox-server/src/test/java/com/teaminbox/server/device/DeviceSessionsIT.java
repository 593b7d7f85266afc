package com.teaminbox.server.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.teaminbox.sandbox.Sandbox;
import com.teaminbox.sandbox.SandboxSettings;
import com.teaminbox.sandbox.customer.SimulatedCustomer;
import com.teaminbox.sandbox.phone.SimulatedPhone;
import com.teaminbox.server.api.DeployedInbox;
import com.teaminbox.server.api.Keycloak;
import com.teaminbox.server.api.TestData;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox's device sessions against the real sandbox network (started here, in the test
 * JVM, on the ports the deployed server is configured with in arquillian.xml): four
 * companions linked through the API by QR and by pairing code, one customer message stored
 * once, a reply that leaves from the replying agent's own device and reaches the customer
 * once, the owner's phone message attributed, and the refusals.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeviceSessionsIT {

    /** Must match -Dinbox.network.directory-url in arquillian.xml. */
    static final int NETWORK_PORT = Integer.getInteger("it.networkPort", 17780);
    static final int NETWORK_ADMIN_PORT = Integer.getInteger("it.networkAdminPort", 17781);
    static final String BUSINESS = "4930999000";
    static final Duration WAIT = Duration.ofSeconds(60);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @TempDir
    static Path networkData;
    static Sandbox network;
    static SimulatedPhone phone;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive inboxServer() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("inbox.war")));
    }

    @BeforeAll
    static void startNetwork() {
        network = Sandbox.start(SandboxSettings.defaults(networkData).withPorts(NETWORK_PORT, NETWORK_ADMIN_PORT));
        phone = network.createBusiness(BUSINESS, "Device Test Bakery");
    }

    @AfterAll
    static void stopNetwork() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void fourCompanionsStoreOnceAndRepliesLeaveFromTheAgentsOwnDevice() throws Exception {
        for (String user : List.of("alice", "bob", "maria", "adam")) {
            assertEquals(200, call("GET", "v1/me", user, null).statusCode(), user + " registers on first call");
        }
        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            long account = data.account(BUSINESS, "Device Test Bakery");
            long queue = data.queue(account, "front desk", "round_robin", true);
            long alice = data.agentId("alice");
            long bob = data.agentId("bob");
            long carol = data.agent("Carol", 5, "online");
            long dan = data.agent("Dan", 5, "online");
            for (long agent : List.of(alice, bob)) {
                data.join(agent, queue);
                data.setStatus(agent, "online");
            }

            // Link four companions: three by QR, one by pairing code, each for its own agent.
            List<Long> devices = new ArrayList<>();
            for (long agent : List.of(alice, bob, carol)) {
                JsonNode link = linkByQr(account, agent);
                phone.scanQr(link.path("qr").asText());
                devices.add(link.path("deviceId").asLong());
            }
            HttpResponse<String> byCode = call("POST", "v1/devices", "adam",
                    "{\"accountId\":" + account + ",\"agentId\":" + dan + ",\"method\":\"pairing-code\"}");
            assertEquals(201, byCode.statusCode(), byCode.body());
            String code = JSON.readTree(byCode.body()).path("pairingCode").asText();
            assertTrue(code.matches("[A-Z0-9]{4}-[A-Z0-9]{4}"), "pairing code shown as XXXX-XXXX: " + code);
            phone.enterPairingCode(code);
            devices.add(JSON.readTree(byCode.body()).path("deviceId").asLong());
            for (long device : devices) {
                await(() -> "connected".equals(data.string("SELECT state FROM companion_device WHERE id = ?", device)),
                        "device " + device + " connected");
            }
            assertEquals(4, phone.linkedDevices().size(), "the phone lists four companions");
            assertEquals("linked", JSON.readTree(call("GET", "v1/devices/" + devices.get(0) + "/link", "adam", null).body())
                    .path("stage").asText());

            // The budget is enforced before a link starts: a fifth device is refused with a sentence.
            long erin = data.agent("Erin", 5, "online");
            HttpResponse<String> fifth = call("POST", "v1/devices", "adam",
                    "{\"accountId\":" + account + ",\"agentId\":" + erin + ",\"method\":\"qr\"}");
            DeployedInbox.assertProblem(fifth, 409);
            assertTrue(fifth.body().contains("All 4 companion slots"), fifth.body());
            assertEquals(0, data.count("SELECT count(*) FROM companion_device WHERE agent_id = ?", erin), "nothing started");
            // One device per agent: a second link for alice needs the confirmation to replace.
            HttpResponse<String> second = call("POST", "v1/devices", "adam",
                    "{\"accountId\":" + account + ",\"agentId\":" + alice + ",\"method\":\"qr\"}");
            DeployedInbox.assertProblem(second, 409);
            assertTrue(second.body().contains("replaceExisting"), second.body());
            JsonNode slots = accountDevices(account);
            assertEquals(4, slots.path("used").asInt());
            assertEquals(4, slots.path("budget").asInt());
            assertEquals(4, data.count("""
                    SELECT count(*) FROM device_transition t JOIN companion_device d ON d.id = t.device_id
                     WHERE d.account_id = ? AND t.to_state = 'linked'""", account), "each link is a recorded transition");

            // One customer message, delivered to all four companions, is stored once.
            SimulatedCustomer anna = network.createCustomer("4915100000001", "Anna", 1);
            String annasId = anna.send(BUSINESS, "Do you have rye bread today?");
            await(() -> data.count("SELECT count(*) FROM message WHERE account_id = ? AND network_message_id = ?",
                    account, annasId) == 1, "Anna's message stored");
            // Sentinel: Anna writes again; a device handles its messages one after the other, so once
            // every companion has counted two, each has finished with the first copy (stored or not).
            String annasMarker = anna.send(BUSINESS, "(and a loaf of spelt)");
            await(() -> data.count("SELECT count(*) FROM companion_device WHERE account_id = ? AND messages_in >= 2", account) == 4,
                    "every companion handled both of Anna's messages");
            assertEquals(1, data.count("SELECT count(*) FROM message WHERE account_id = ? AND network_message_id = ?", account, annasId),
                    "one row although four companions received it");
            assertEquals(2, data.count("SELECT count(*) FROM message WHERE account_id = ? AND direction = 'inbound'", account),
                    "Anna's two messages, each once: " + annasMarker);
            assertEquals(1, data.count("SELECT count(*) FROM conversation WHERE account_id = ?", account), "one conversation");
            long conversation = data.count("SELECT conversation_id FROM message WHERE network_message_id = ?", annasId);

            // An agent without a device on this account may not reply: 409, nothing stored.
            long maria = data.agentId("maria");
            HttpResponse<String> refused = call("POST", "v1/conversations/" + conversation + "/messages", "maria",
                    "{\"text\":\"Hello from Maria\"}");
            DeployedInbox.assertProblem(refused, 409);
            assertTrue(refused.body().contains("own linked device"), refused.body());
            assertEquals(0, data.count("SELECT count(*) FROM message WHERE agent_id = ? AND conversation_id = ?", maria, conversation));

            // Live location and status posts are the phone's alone.
            HttpResponse<String> location = call("POST", "v1/conversations/" + conversation + "/messages", "alice",
                    "{\"text\":\"here\",\"kind\":\"live-location\"}");
            DeployedInbox.assertProblem(location, 422);

            // The reply leaves from the replying agent's own device and reaches Anna once.
            Long assignee = data.assigneeOf(conversation);
            String replier = assignee != null && assignee == bob ? "bob" : "alice";
            long replierId = replier.equals("bob") ? bob : alice;
            long replierDevice = devices.get(replier.equals("bob") ? 1 : 0);
            HttpResponse<String> reply = call("POST", "v1/conversations/" + conversation + "/messages", replier,
                    "{\"text\":\"Yes, fresh from the oven.\"}");
            assertEquals(202, reply.statusCode(), reply.body());
            JsonNode sent = JSON.readTree(reply.body());
            assertEquals(replierDevice, sent.path("deviceId").asLong(), "sent from the replier's device");
            assertEquals(replierId, sent.path("agentId").asLong());
            String replyId = sent.path("networkMessageId").asText();
            await(() -> anna.devices().get(0).inbox().stream()
                    .anyMatch(m -> m.content().messageId().equals(replyId)), "Anna received the reply");
            await(() -> List.of("delivered", "read").contains(
                    data.string("SELECT delivery_state FROM message WHERE network_message_id = ?", replyId)),
                    "the reply's delivery receipt arrived");
            Thread.sleep(1_000);
            assertEquals(1, anna.devices().get(0).inbox().stream()
                    .filter(m -> m.content().messageId().equals(replyId)).count(), "Anna got the reply once");
            assertEquals(1, data.count("SELECT count(*) FROM message WHERE network_message_id = ?", replyId),
                    "the other companions' copies of the reply are not stored again");
            assertEquals(replier, data.string("""
                    SELECT actor FROM audit_event WHERE action = 'message.sent' AND subject_id = ? ORDER BY id DESC LIMIT 1""",
                    Long.toString(conversation)), "the send is audited with its actor");

            // The owner writes from the phone: it shows in the conversation, attributed to the phone.
            String fromPhone = phone.send("4915100000001", "This is the owner, we also have spelt.");
            await(() -> data.count("SELECT count(*) FROM message WHERE network_message_id = ?", fromPhone) == 1,
                    "the phone's message stored");
            assertEquals("phone", data.string("SELECT sent_from FROM message WHERE network_message_id = ?", fromPhone));
            assertEquals(conversation, data.count("SELECT conversation_id FROM message WHERE network_message_id = ?", fromPhone));

            // Device health: messages in and out, last seen, platform; and the one-call reconnect.
            await(() -> call("GET", "v1/devices/" + replierDevice, "adam", null).body().contains("\"messagesIn\":"), "health");
            await(() -> JSON.readTree(call("GET", "v1/devices/" + replierDevice, "adam", null).body()).path("messagesIn").asLong() >= 1,
                    "the replier's device counted what it received");
            JsonNode health = JSON.readTree(call("GET", "v1/devices/" + replierDevice, "adam", null).body());
            assertEquals(1, health.path("messagesOut").asLong(), health.toString());
            assertEquals("connected", health.path("state").asText());
            assertTrue(health.hasNonNull("lastSeenAt") && health.hasNonNull("platform") && health.hasNonNull("networkAddress"),
                    health.toString());
            HttpResponse<String> reconnect = call("POST", "v1/devices/" + replierDevice + "/reconnect", "adam", null);
            assertEquals(200, reconnect.statusCode(), reconnect.body());
            await(() -> "connected".equals(data.string("SELECT state FROM companion_device WHERE id = ?", replierDevice)),
                    "reconnected");

            // What the network queued while the devices were away arrives on reconnect, in order:
            // every companion misses Ben's next five messages (the network keeps them queued),
            // then each connection is cut and the devices log in again.
            List<com.teaminbox.bridge.stanza.DeviceAddress> addresses = new ArrayList<>();
            for (long device : devices) {
                String[] address = data.string("SELECT network_device_id FROM companion_device WHERE id = ?", device).split(":");
                addresses.add(new com.teaminbox.bridge.stanza.DeviceAddress(address[0], Integer.parseInt(address[1])));
            }
            addresses.forEach(a -> network.switchboard().inject(a, com.teaminbox.sandbox.server.FaultPlan.Fault.DROP, 5, 0));
            SimulatedCustomer ben = network.createCustomer("4915100000002", "Ben", 1);
            List<String> bensIds = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                bensIds.add(ben.send(BUSINESS, "Order line " + i));
            }
            Thread.sleep(1_000);
            assertEquals(List.of(), storedInOrder(db, bensIds), "no device has handed in Ben's messages yet");
            addresses.forEach(a -> network.switchboard().cut(a));
            await(() -> storedInOrder(db, bensIds).size() == 5, "Ben's five messages stored after the reconnect");
            assertEquals(bensIds, storedInOrder(db, bensIds), "stored in the order Ben sent them");
            await(() -> devices.stream().allMatch(d -> {
                try {
                    return "connected".equals(data.string("SELECT state FROM companion_device WHERE id = ?", d));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }), "all devices connected again");
            assertTrue(data.count("SELECT count(*) FROM device_transition WHERE device_id = ? AND to_state = 'disconnected'",
                    devices.get(0)) >= 1, "the disconnection is recorded with its reason");

            // Key material is kept for every device, and none of it is readable without the master key.
            for (long device : devices) {
                assertTrue(data.count("SELECT count(*) FROM device_key_material WHERE device_id = ?", device) > 0);
            }

            // Revoking a device unlinks it from the phone and destroys its keys.
            long revoked = devices.get(3);
            HttpResponse<String> revoke = call("POST", "v1/devices/" + revoked + "/revoke", "adam", "{\"reason\":\"Dan left\"}");
            assertEquals(200, revoke.statusCode(), revoke.body());
            await(() -> phone.linkedDevices().size() == 3, "the phone lists three companions");
            await(() -> data.count("SELECT count(*) FROM device_key_material WHERE device_id = ?", revoked) == 0,
                    "the revoked device's keys are destroyed");

            // A reply whose device cannot send (here: the revoked one, which has no session) is
            // retried and then marked failed with the reason; the pauses are shortened by SQL.
            long stuck = data.count("""
                    INSERT INTO message (account_id, conversation_id, direction, network_message_id, device_id, sent_from,
                                         agent_id, body, delivery_state, sent_at)
                    VALUES (?, ?, 'outbound', 'TI-STUCK-1', ?, 'companion', ?, 'Are you there?', 'pending', now()) RETURNING id""",
                    account, conversation, revoked, dan);
            data.update("INSERT INTO outbox (message_id, device_id) VALUES (?, ?)", stuck, revoked);
            await(() -> {
                data.update("UPDATE outbox SET next_attempt_at = now() WHERE message_id = ? AND state = 'pending'", stuck);
                return "failed".equals(data.string("SELECT delivery_state FROM message WHERE id = ?", stuck));
            }, "the stuck reply marked failed");
            assertEquals(5, data.count("SELECT attempts FROM outbox WHERE message_id = ?", stuck));
            String failure = data.string("SELECT failure_reason FROM message WHERE id = ?", stuck);
            assertTrue(failure.startsWith("not sent after 5 attempts: ") && failure.contains("no session"), failure);

            // Someone links a web client from the phone, outside the inbox: reported as not managed
            // by Team Inbox, and it counts against the budget.
            try (com.teaminbox.bridge.client.NetworkDeviceClient webClient = outsideCompanion()) {
                await(() -> accountDevices(account).path("notManagedByTeamInbox").size() == 1, "the foreign companion reported");
                // Sentinel: the list judged again. A companion that logs in again hears the account's
                // device list at once; the check that follows marks the foreign device as still seen.
                // Once that mark moves past this moment, a second alert would already be recorded.
                String judgedBefore = data.string("SELECT now()::text");
                network.switchboard().cut(addresses.get(0));
                await(() -> data.count("SELECT count(*) FROM foreign_device WHERE account_id = ? AND gone_at IS NULL"
                        + " AND last_seen_at > CAST(? AS timestamptz)", account, judgedBefore) == 1, "the device list judged again after a login");
                assertEquals(1, data.count("SELECT count(*) FROM audit_event WHERE action = 'device.foreign-detected' AND subject_id = ?",
                        Long.toString(account)), "one alert, although three companions saw the list, one of them twice");
                HttpResponse<String> full = call("POST", "v1/devices", "adam",
                        "{\"accountId\":" + account + ",\"agentId\":" + erin + ",\"method\":\"qr\"}");
                DeployedInbox.assertProblem(full, 409);
                assertTrue(full.body().contains("not managed by Team Inbox"), full.body());
            }
        }
    }

    private JsonNode accountDevices(long account) throws Exception {
        HttpResponse<String> response = call("GET", "v1/devices/accounts", "adam", null);
        assertEquals(200, response.statusCode(), response.body());
        for (JsonNode node : JSON.readTree(response.body())) {
            if (node.path("accountId").asLong() == account) {
                return node;
            }
        }
        throw new AssertionError("account " + account + " not listed: " + response.body());
    }

    /** A web client linked on the business phone by someone else, as the network sees it. */
    private static com.teaminbox.bridge.client.NetworkDeviceClient outsideCompanion() throws Exception {
        java.security.SecureRandom random = new java.security.SecureRandom();
        var keys = com.teaminbox.bridge.keys.DeviceKeys.generate(random, 1, 1, 0, network.clock().millis());
        var registration = com.teaminbox.bridge.client.DeviceRegistration.unlinked(
                com.teaminbox.bridge.crypto.X25519.generateKeyPair(random),
                com.teaminbox.bridge.signal.memory.InMemorySignalProtocolStore.of(keys), "Chrome (Linux)");
        var client = new com.teaminbox.bridge.client.NetworkDeviceClient(network.clientSettings(), registration,
                new com.teaminbox.bridge.client.DeviceEvents() { }, random);
        java.util.concurrent.BlockingQueue<String> qr = new java.util.concurrent.LinkedBlockingQueue<>();
        client.linkByQr().subscribe(new java.util.concurrent.Flow.Subscriber<>() {
            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String text) {
                qr.add(text);
            }

            @Override
            public void onError(Throwable failure) {
            }

            @Override
            public void onComplete() {
            }
        });
        String text = qr.poll(30, java.util.concurrent.TimeUnit.SECONDS);
        assertNotNull(text, "the web client got a QR text");
        phone.scanQr(text);
        await(() -> client.state() == com.teaminbox.bridge.client.ConnectionState.CONNECTED, "the web client logged in");
        return client;
    }

    /** The given network message ids that are stored, in the order they were stored. */
    private static List<String> storedInOrder(Connection db, List<String> networkIds) throws java.sql.SQLException {
        List<String> stored = new ArrayList<>();
        try (var rows = db.prepareStatement("SELECT network_message_id FROM message WHERE network_message_id = ANY(?) ORDER BY id")) {
            rows.setArray(1, db.createArrayOf("varchar", networkIds.toArray()));
            try (var result = rows.executeQuery()) {
                while (result.next()) {
                    stored.add(result.getString(1));
                }
            }
        }
        return stored;
    }

    private JsonNode linkByQr(long account, long agent) throws Exception {
        HttpResponse<String> started = call("POST", "v1/devices", "adam",
                "{\"accountId\":" + account + ",\"agentId\":" + agent + ",\"method\":\"qr\"}");
        assertEquals(201, started.statusCode(), started.body());
        JsonNode link = JSON.readTree(started.body());
        assertNotNull(link.path("qr").textValue(), "the first QR text: " + started.body());
        assertEquals("waiting-for-scan", link.path("stage").asText());
        long secondsLeft = link.path("qrSecondsLeft").asLong();
        assertTrue(secondsLeft > 0 && secondsLeft <= 60, "the first QR lives up to 60 s: " + secondsLeft);
        // The same progress as a stream of server-sent events: the first one at once.
        HttpResponse<java.util.stream.Stream<String>> events = HTTP.send(HttpRequest.newBuilder(URI.create(
                        DeployedInbox.apiBase(base) + "v1/devices/" + link.path("deviceId").asLong() + "/link/events"))
                .header("Authorization", "Bearer " + TOKENS.computeIfAbsent("adam", Keycloak::tokenFor))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, events.statusCode());
        try (java.util.stream.Stream<String> lines = events.body()) {
            String data = lines.filter(line -> line.startsWith("data:")).findFirst().orElseThrow();
            assertTrue(data.contains("\"stage\":\"waiting-for-scan\"") && data.contains("\"qr\":"), data);
        }
        HttpResponse<byte[]> png = HTTP.send(HttpRequest.newBuilder(URI.create(DeployedInbox.apiBase(base) + "v1/devices/"
                        + link.path("deviceId").asLong() + "/link/qr.png"))
                .header("Authorization", "Bearer " + TOKENS.computeIfAbsent("adam", Keycloak::tokenFor)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertEquals((byte) 0x89, png.body()[0], "a PNG");
        assertEquals('P', png.body()[1]);
        return link;
    }

    private static void await(Callable<Boolean> condition, String what) throws Exception {
        DeployedInbox.await(WAIT, condition, what);
    }

    private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
        return DeployedInbox.call(HTTP, base, method, path, TOKENS.computeIfAbsent(user, Keycloak::tokenFor), json);
    }
}
