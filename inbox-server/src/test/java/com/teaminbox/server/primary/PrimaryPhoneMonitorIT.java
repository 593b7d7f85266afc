package com.teaminbox.server.primary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import com.teaminbox.sandbox.Sandbox;
import com.teaminbox.sandbox.SandboxSettings;
import com.teaminbox.sandbox.customer.SimulatedCustomer;
import com.teaminbox.sandbox.phone.SimulatedPhone;
import com.teaminbox.server.api.DeployedInbox;
import com.teaminbox.server.api.Keycloak;
import com.teaminbox.server.api.TestData;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The primary-phone monitor against the real sandbox network and its clock (started here, in
 * the test JVM, on the ports arquillian.xml points the server at; DeviceSessionsIT uses the
 * same ports, never at the same time). A companion is linked through the API; eight days
 * without the phone raise the 7-day warning once on all three channels (the manager's event
 * stream, one e-mail in GreenMail, one signed webhook POST after one refused attempt); the
 * owner using the phone resets the countdown; fourteen idle days later the network logs the
 * device out and the inbox records the incident, alerts, marks the agent away and puts the
 * conversation back to routing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrimaryPhoneMonitorIT {

    /** Must match arquillian.xml: the network directory, the SMTP server, the webhook URL and secret. */
    static final int NETWORK_PORT = Integer.getInteger("it.networkPort", 17780);
    static final int NETWORK_ADMIN_PORT = Integer.getInteger("it.networkAdminPort", 17781);
    static final int WEBHOOK_PORT = Integer.getInteger("it.webhookPort", 17790);
    static final int SMTP_PORT = Integer.getInteger("it.smtpPort", 17791);
    static final String WEBHOOK_SECRET = "it-webhook-secret-of-at-least-32-bytes";
    static final String BUSINESS = "4930777000";
    static final Duration WAIT = Duration.ofSeconds(60);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @TempDir
    static Path networkData;
    static Sandbox network;
    static SimulatedPhone phone;
    static HttpServer webhook;
    /** Accepted webhook POSTs: signature header, exact body, timestamp header. */
    static final List<String[]> HOOKS = new CopyOnWriteArrayList<>();
    /** Every POST about this test's business that reached the receiver, refused or not. */
    static final AtomicInteger HOOK_ATTEMPTS = new AtomicInteger();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive inboxServer() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("inbox.war")));
    }

    @BeforeAll
    static void startNetworkAndReceivers() throws Exception {
        network = Sandbox.start(SandboxSettings.defaults(networkData).withPorts(NETWORK_PORT, NETWORK_ADMIN_PORT));
        phone = network.createBusiness(BUSINESS, "Monitor Test Bakery");
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", WEBHOOK_PORT), 0);
        webhook.createContext("/hooks/primary-phone", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // The first delivery about this test's business is refused: the inbox must retry it later.
            boolean ours = new String(body, StandardCharsets.UTF_8).contains("\"" + BUSINESS + "\"");
            boolean refuse = ours && HOOK_ATTEMPTS.getAndIncrement() == 0;
            if (!refuse) {
                HOOKS.add(new String[] {exchange.getRequestHeaders().getFirst("X-TeamInbox-Signature"),
                        new String(body, StandardCharsets.UTF_8), exchange.getRequestHeaders().getFirst("X-TeamInbox-Timestamp")});
            }
            exchange.sendResponseHeaders(refuse ? 503 : 204, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterAll
    static void stopNetworkAndReceivers() {
        if (webhook != null) {
            webhook.stop(0);
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void warnsOnceOnEveryChannelResetsOnUseAndRecordsTheLogout() throws Exception {
        for (String user : List.of("alice", "maria", "adam")) {
            assertEquals(200, call("GET", "v1/me", user, null).statusCode(), user + " registers on first call");
        }
        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            long account = data.account(BUSINESS, "Monitor Test Bakery");
            long queue = data.queue(account, "counter", "round_robin", true);
            long alice = data.agentId("alice");
            data.onlineIn(alice, queue);

            // Alice's companion, linked by QR through the API; the phone's approval is the first sign of activity.
            HttpResponse<String> started = call("POST", "v1/devices", "adam",
                    "{\"accountId\":" + account + ",\"agentId\":" + alice + ",\"method\":\"qr\"}");
            assertEquals(201, started.statusCode(), started.body());
            JsonNode link = JSON.readTree(started.body());
            phone.scanQr(link.path("qr").asText());
            long device = link.path("deviceId").asLong();
            await(() -> "connected".equals(data.string("SELECT state FROM companion_device WHERE id = ?", device)), "device connected");
            await(() -> data.count("SELECT count(*) FROM primary_activity WHERE account_id = ?", account) == 1,
                    "the primary's approval recorded");

            // A customer's conversation, routed to Alice.
            SimulatedCustomer anna = network.createCustomer("4915100000077", "Anna", 1);
            String annasId = anna.send(BUSINESS, "Is the shop open on Sunday?");
            await(() -> data.count("SELECT count(*) FROM message WHERE network_message_id = ?", annasId) == 1, "Anna's message stored");
            long conversation = data.count("SELECT conversation_id FROM message WHERE network_message_id = ?", annasId);
            await(() -> Long.valueOf(alice).equals(data.assigneeOf(conversation)), "the conversation routed to Alice");

            Stream maria = new Stream("maria");
            Stream aliceStream = new Stream("alice");

            // The phone goes quiet; the network's clock moves eight days on.
            phone.goOffline();
            Thread.sleep(5_000); // any probe answer still on its way arrives now, before the clock moves
            String periodBefore = data.string("SELECT last_activity_at::text FROM primary_activity WHERE account_id = ?", account);
            network.advanceClock(Duration.ofDays(8));

            await(() -> data.count("SELECT count(*) FROM primary_warning WHERE account_id = ?", account) == 1, "the 7-day warning");
            assertEquals("P7D", data.string("SELECT threshold FROM primary_warning WHERE account_id = ?", account));
            assertEquals(periodBefore, data.string("SELECT last_activity_at::text FROM primary_activity WHERE account_id = ?", account),
                    "no activity seen while the phone was offline");

            // (a) in-app: the manager's stream shows the banner event; the agent's does not.
            String banner = maria.await("primary-phone.warning", 20);
            assertNotNull(banner, "the manager hears of the warning");
            JsonNode bannerJson = JSON.readTree(banner.substring(banner.indexOf('{')));
            assertEquals("primary-phone", bannerJson.path("kind").asText());
            assertEquals(BUSINESS, bannerJson.path("account").path("phoneNumber").asText());
            assertEquals("P7D", bannerJson.path("thresholds").path(0).asText());
            assertTrue(bannerJson.path("timeLeftSeconds").asLong() > Duration.ofDays(5).toSeconds());
            assertTrue(bannerJson.path("timeLeftSeconds").asLong() <= Duration.ofDays(6).toSeconds());
            assertTrue(!banner.contains(WEBHOOK_SECRET), "no secret in the event");

            // (b) e-mail: one message to the configured recipient.
            await(() -> mailsAbout(BUSINESS, "left before").size() == 1, "the warning e-mail");
            MimeMessage mail = mailsAbout(BUSINESS, "left before").get(0);
            assertEquals("owner@bakery.test", mail.getAllRecipients()[0].toString());
            assertTrue(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail).contains("P7D"));

            // (c) webhook: refused once, retried, then one signed POST.
            await(() -> hooksAbout(BUSINESS, "primary-phone.warning").size() == 1, "the warning webhook after a retry");
            assertTrue(HOOK_ATTEMPTS.get() >= 2, "the refused attempt was retried");
            String[] hook = hooksAbout(BUSINESS, "primary-phone.warning").get(0);
            assertSigned(hook);
            JsonNode hookJson = JSON.readTree(hook[1]);
            assertEquals(account, hookJson.path("account").path("id").asLong());
            assertEquals("P7D", hookJson.path("thresholds").path(0).asText());
            assertTrue(hookJson.path("timeLeftSeconds").asLong() > 0);

            // A few more checks: nothing repeats.
            Thread.sleep(7_000);
            assertEquals(1, data.count("SELECT count(*) FROM primary_warning WHERE account_id = ?", account), "raised once");
            assertEquals(1, mailsAbout(BUSINESS, "left before").size(), "one e-mail");
            assertEquals(1, hooksAbout(BUSINESS, "primary-phone.warning").size(), "one webhook");
            assertNull(maria.await("primary-phone.warning", 1), "one banner event");
            assertNull(aliceStream.await("primary-phone", 1), "agents do not get the primary-phone events");

            JsonNode status = accountStatus(account);
            assertEquals("P7D", status.path("activeWarnings").path(0).asText(), status.toString());
            assertEquals(1, status.path("warningHistory").size());
            assertTrue(status.path("timeLeftSeconds").asLong() < Duration.ofDays(6).toSeconds());
            assertEquals(403, call("GET", "v1/primary-phone", "alice", null).statusCode(), "agents may not read it");

            // The phone has been quiet for longer than inbox.primary.probe-when-idle, so it is probed every
            // few seconds; the owner uses the phone: it comes online and answers the waiting probes; the
            // countdown starts again.
            assertTrue(data.count("SELECT count(*) FROM primary_activity_observation WHERE account_id = ? AND source = 'PROBE_ANSWER'",
                    account) == 0, "no probe answered while the phone was offline");
            phone.goOnline();
            phone.use();
            await(() -> !periodBefore.equals(data.string("SELECT last_activity_at::text FROM primary_activity WHERE account_id = ?",
                    account)), "activity seen again");
            assertEquals("PROBE_ANSWER", data.string("SELECT last_source FROM primary_activity WHERE account_id = ?", account));
            assertNotNull(maria.await("primary-phone.resumed", 20), "the banner is told the phone is back");
            JsonNode reset = accountStatus(account);
            assertEquals(0, reset.path("activeWarnings").size(), reset.toString());
            assertTrue(reset.path("timeLeftSeconds").asLong() > Duration.ofDays(13).toSeconds(), reset.toString());
            assertEquals("PROBE_ANSWER", reset.path("lastActivitySource").asText());
            Thread.sleep(5_000);
            assertEquals(1, data.count("SELECT count(*) FROM primary_warning WHERE account_id = ?", account), "no new warning");

            // Fourteen idle days later the network logs every companion out.
            phone.goOffline();
            Thread.sleep(5_000);
            network.advanceClock(Duration.ofDays(14).plusHours(1));
            await(() -> "logged_out".equals(data.string("SELECT state FROM companion_device WHERE id = ?", device)),
                    "the device logged out by the network");
            await(() -> data.count("SELECT count(*) FROM primary_incident WHERE account_id = ?", account) == 1, "the incident");
            String devices = data.string("SELECT devices FROM primary_incident WHERE account_id = ?", account);
            assertTrue(devices.contains("\"deviceId\":" + device) && devices.contains("alice"), devices);
            assertTrue(data.string("SELECT recovery FROM primary_incident WHERE account_id = ?", account).contains("Re-link"));
            assertEquals("away", data.string("SELECT status FROM agent WHERE id = ?", alice), "Alice is marked away");
            assertNull(data.assigneeOf(conversation), "Alice's conversation went back to routing");
            assertEquals(1, data.count("""
                    SELECT count(*) FROM conversation_event WHERE conversation_id = ? AND kind = 'backlogged' AND from_agent_id = ?""",
                    conversation, alice));

            assertNotNull(maria.await("primary-phone.incident", 20), "the manager hears of the incident");
            await(() -> mailsAbout(BUSINESS, "was logged out").size() == 1, "the incident e-mail");
            assertTrue(com.icegreen.greenmail.util.GreenMailUtil.getBody(mailsAbout(BUSINESS, "was logged out").get(0)).contains("Re-link"));
            await(() -> hooksAbout(BUSINESS, "primary-phone.incident").size() == 1, "the incident webhook");
            String[] incidentHook = hooksAbout(BUSINESS, "primary-phone.incident").get(0);
            assertSigned(incidentHook);
            assertEquals(device, JSON.readTree(incidentHook[1]).path("devices").path(0).path("deviceId").asLong());

            JsonNode after = accountStatus(account);
            assertEquals(1, after.path("incidents").size(), after.toString());
            Thread.sleep(5_000);
            assertEquals(1, data.count("SELECT count(*) FROM primary_warning WHERE account_id = ?", account),
                    "no warnings once the logout happened");
            assertEquals(1, data.count("SELECT count(*) FROM primary_incident WHERE account_id = ?", account));
        }
    }

    private JsonNode accountStatus(long account) throws Exception {
        HttpResponse<String> answer = call("GET", "v1/primary-phone", "maria", null);
        assertEquals(200, answer.statusCode(), answer.body());
        for (JsonNode node : JSON.readTree(answer.body())) {
            if (node.path("accountId").asLong() == account) {
                return node;
            }
        }
        throw new AssertionError("account " + account + " missing: " + answer.body());
    }

    private static List<MimeMessage> mailsAbout(String business, String subjectText) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(business) && m.getSubject().contains(subjectText);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<String[]> hooksAbout(String business, String event) {
        return HOOKS.stream().filter(h -> h[1].contains("\"" + business + "\"") && h[1].contains("\"" + event + "\"")).toList();
    }

    /** As a receiver checks a POST: the timestamp is recent (and a retry's is new), the signature covers timestamp.body. */
    static void assertSigned(String[] hook) throws Exception {
        assertTrue(hook[2] != null && hook[2].matches("[0-9]+"), "X-TeamInbox-Timestamp in unix seconds: " + hook[2]);
        long age = Instant.now().getEpochSecond() - Long.parseLong(hook[2]);
        assertTrue(Math.abs(age) < 300, "sent within the last five minutes: " + age + " s");
        assertEquals("sha256=" + hmac(WEBHOOK_SECRET, hook[2] + "." + hook[1]), hook[0], "the signature covers timestamp.body");
    }

    static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static void await(Callable<Boolean> condition, String what) throws Exception {
        DeployedInbox.await(WAIT, condition, what);
    }

    private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
        return DeployedInbox.call(HTTP, base, method, path, TOKENS.computeIfAbsent(user, Keycloak::tokenFor), json);
    }

    /** One open event stream, its data lines collected as they arrive. */
    private final class Stream {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Stream(String user) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(DeployedInbox.apiBase(base) + "v1/events"))
                    .header("Authorization", "Bearer " + TOKENS.computeIfAbsent(user, Keycloak::tokenFor))
                    .header("Accept", "text/event-stream").GET().build();
            CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response =
                    HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            response.thenAccept(r -> r.body().forEach(lines::add));
            assertNotNull(await("event: ready", 15), user + "'s stream confirms the subscription");
            lines.clear();
        }

        /** The first data line containing the text within the time, or null. */
        String await(String text, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && line.contains(text)) {
                    return line;
                }
            }
            return null;
        }
    }
}
