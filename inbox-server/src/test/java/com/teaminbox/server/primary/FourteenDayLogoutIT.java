package com.teaminbox.server.primary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import com.teaminbox.sandbox.Sandbox;
import com.teaminbox.sandbox.SandboxSettings;
import com.teaminbox.sandbox.phone.SimulatedPhone;
import com.teaminbox.server.api.DeployedInbox;
import com.teaminbox.server.api.Keycloak;
import com.teaminbox.server.api.TestData;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The network's 14-day rule logs out all four companions of an account at once (issue 12).
 * The inbox must not call its own logged-out devices "foreign" although the last device list it
 * heard still names them, must let the admin link a new device at once, and must say which rule
 * struck, with the day the business phone was last used, everywhere an admin reads it.
 * Starts its own sandbox network, SMTP server and webhook receiver on the ports arquillian.xml
 * points the server at (like PrimaryPhoneMonitorIT; the classes run one after the other).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FourteenDayLogoutIT {

    static final String BUSINESS = "4930777014";
    static final Duration WAIT = Duration.ofSeconds(60);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(PrimaryPhoneMonitorIT.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @TempDir
    static Path networkData;
    static Sandbox network;
    static SimulatedPhone phone;
    static HttpServer webhook;
    static final List<String> HOOKS = new CopyOnWriteArrayList<>();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive inboxServer() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("inbox.war")));
    }

    @BeforeAll
    static void startNetworkAndReceivers() throws Exception {
        network = Sandbox.start(SandboxSettings.defaults(networkData)
                .withPorts(PrimaryPhoneMonitorIT.NETWORK_PORT, PrimaryPhoneMonitorIT.NETWORK_ADMIN_PORT));
        phone = network.createBusiness(BUSINESS, "Mass Logout Bakery");
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", PrimaryPhoneMonitorIT.WEBHOOK_PORT), 0);
        webhook.createContext("/hooks/primary-phone", exchange -> {
            HOOKS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
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
    void aMassLogoutRaisesNoForeignAlarmLetsTheAdminLinkAtOnceAndSaysWhichRuleStruck() throws Exception {
        for (String user : List.of("alice", "bob", "maria", "adam")) {
            assertEquals(200, call("GET", "v1/me", user, null).statusCode(), user + " registers on first call");
        }
        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            long account = data.account(BUSINESS, "Mass Logout Bakery");
            List<Long> agents = List.of(data.agentId("alice"), data.agentId("bob"), data.agentId("maria"),
                    data.agent("Dora", 5, "online"));

            // Four companions, one per agent: every slot of the account is taken.
            List<Long> devices = new ArrayList<>();
            for (long agent : agents) {
                JsonNode link = startLink(account, agent);
                phone.scanQr(link.path("qr").asText());
                devices.add(link.path("deviceId").asLong());
            }
            for (long device : devices) {
                await(() -> "connected".equals(data.string("SELECT state FROM companion_device WHERE id = ?", device)),
                        "device " + device + " connected");
            }
            assertEquals(4, accountDevices(account).path("used").asInt());
            String lastUsed = data.string("""
                    SELECT to_char(last_activity_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM primary_activity WHERE account_id = ?""",
                    account);

            // Fifteen days without the business phone: the network removes all four companions at once.
            phone.goOffline();
            network.advanceClock(Duration.ofDays(15));
            for (long device : devices) {
                await(() -> "logged_out".equals(data.string("SELECT state FROM companion_device WHERE id = ?", device)),
                        "device " + device + " logged out by the network");
            }

            // The recovery step that matters: a new link, started within a second of the logout, is allowed.
            assertTrue(Double.parseDouble(data.string("""
                    SELECT extract(epoch FROM now() - max(state_changed_at)) FROM companion_device WHERE account_id = ?""",
                    account)) < 1.0, "within a second of the last logout");
            JsonNode again = startLink(account, agents.get(0));
            long abandoned = again.path("deviceId").asLong();
            // The admin gives that attempt up; with no link running, the inbox compares the last
            // device list it heard (still naming its own logged-out devices) with its records.
            HttpResponse<String> revoke = call("POST", "v1/devices/" + abandoned + "/revoke", "adam",
                    "{\"reason\":\"link attempt abandoned\"}");
            assertEquals(200, revoke.statusCode(), revoke.body());
            Thread.sleep(8_000); // past the foreign-device check's grace of five seconds

            assertEquals(0, data.count("SELECT count(*) FROM audit_event WHERE action = 'device.foreign-detected' AND subject_id = ?",
                    Long.toString(account)), "the inbox's own logged-out devices are never foreign");
            JsonNode slots = accountDevices(account);
            assertEquals(0, slots.path("notManagedByTeamInbox").size(), slots.toString());
            assertEquals(0, slots.path("used").asInt(), slots.toString());

            // Each device says which rule struck, with the day the phone was last used: on the
            // Devices screen, in the audit, in the incident e-mail and in the webhook.
            String why = "logged out by the network's 14-day rule: the business phone was last used on " + lastUsed;
            HttpResponse<String> listed = call("GET", "v1/devices?account=" + account, "adam", null);
            assertEquals(200, listed.statusCode(), listed.body());
            for (JsonNode device : JSON.readTree(listed.body())) {
                if (devices.contains(device.path("id").asLong())) {
                    assertEquals(why, device.path("reason").asText(), device.toString());
                }
            }
            for (long device : devices) {
                assertEquals("from=connected reason=" + why, data.string("""
                        SELECT details FROM audit_event WHERE action = 'device.logged_out' AND subject_id = ?""",
                        Long.toString(device)));
            }
            await(() -> incidentMails().size() == 1, "the incident e-mail");
            String mail = incidentMails().get(0).getContent().toString();
            for (long device : devices) {
                assertTrue(mail.contains("device " + device + " ("), mail);
            }
            assertTrue(mail.contains(why), mail);
            await(() -> incidentHooks().size() == 1, "the incident webhook");
            JsonNode lost = JSON.readTree(incidentHooks().get(0)).path("devices");
            assertEquals(4, lost.size(), lost.toString());
            for (JsonNode device : lost) {
                assertEquals(why, device.path("reason").asText(), device.toString());
            }

            // And the new device links to the end.
            phone.goOnline();
            JsonNode relink = startLink(account, agents.get(0));
            phone.scanQr(relink.path("qr").asText());
            long fresh = relink.path("deviceId").asLong();
            await(() -> "connected".equals(data.string("SELECT state FROM companion_device WHERE id = ?", fresh)),
                    "the new device connected");
            Thread.sleep(7_000);
            JsonNode after = accountDevices(account);
            assertEquals(1, after.path("used").asInt(), after.toString());
            assertEquals(0, after.path("notManagedByTeamInbox").size(), after.toString());
            assertEquals(0, data.count("SELECT count(*) FROM audit_event WHERE action = 'device.foreign-detected' AND subject_id = ?",
                    Long.toString(account)));
        }
    }

    private JsonNode startLink(long account, long agent) throws Exception {
        HttpResponse<String> started = call("POST", "v1/devices", "adam",
                "{\"accountId\":" + account + ",\"agentId\":" + agent + ",\"method\":\"qr\"}");
        assertEquals(201, started.statusCode(), started.body());
        return JSON.readTree(started.body());
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

    private static List<MimeMessage> incidentMails() {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(BUSINESS) && m.getSubject().contains("was logged out");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<String> incidentHooks() {
        return HOOKS.stream().filter(h -> h.contains("\"" + BUSINESS + "\"") && h.contains("\"primary-phone.incident\"")).toList();
    }

    private static void await(Callable<Boolean> condition, String what) throws Exception {
        DeployedInbox.await(WAIT, condition, what);
    }

    private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
        return DeployedInbox.call(HTTP, base, method, path, TOKENS.computeIfAbsent(user, Keycloak::tokenFor), json);
    }
}
