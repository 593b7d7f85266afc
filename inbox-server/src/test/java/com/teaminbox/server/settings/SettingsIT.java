package com.teaminbox.server.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.teaminbox.server.api.DeployedInbox;
import com.teaminbox.server.api.Keycloak;
import com.teaminbox.server.api.TestData;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Settings API: adam saves and reads back each section, secrets never come back nor reach
 * the audit, agents and managers are refused, bad values are refused by name and change
 * nothing, and saved warning thresholds and webhook decide which warnings the running monitor
 * raises and where it sends them.
 * Every saved section is reset afterwards, so the tests after this one see the configured values.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettingsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WEBHOOK_PORT = Integer.getInteger("it.webhookPort", 17790);
    private static final String SECRET_32 = "0123456789abcdef0123456789abcdef";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive inboxServer() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("inbox.war")));
    }

    @AfterEach
    void backToTheConfiguredValues() throws Exception {
        for (String section : List.of("primary-phone", "mail", "webhook")) {
            assertEquals(200, call("DELETE", "v1/admin/settings/" + section, "adam", null).statusCode(), section);
        }
    }

    @Test
    void savedSectionsComeBackAndSecretsNeverDo() throws Exception {
        String password = "smtp-pw-" + UUID.randomUUID();
        String secret = "hook-secret-" + UUID.randomUUID();
        long auditBefore = auditHead();

        HttpResponse<String> mail = call("PUT", "v1/admin/settings/mail", "adam", """
                {"host":"smtp.bakery.test","port":587,"from":"alerts@bakery.test","username":"alerts",
                 "password":"%s","startTls":true,"recipients":["owner@bakery.test"," boss@bakery.test "]}""".formatted(password));
        assertEquals(200, mail.statusCode(), mail.body());
        assertFalse(mail.body().contains(password), "the PUT's answer has no password: " + mail.body());
        HttpResponse<String> hook = call("PUT", "v1/admin/settings/webhook", "adam", """
                {"url":"https://hooks.bakery.test/inbox","secret":"%s"}""".formatted(secret));
        assertEquals(200, hook.statusCode(), hook.body());
        // Private destinations off (arquillian.xml allows them): a public address, the secret kept.
        HttpResponse<String> publicOnly = call("PUT", "v1/admin/settings/webhook", "adam",
                "{\"url\":\"https://192.0.2.44/inbox\",\"allowPrivateAddresses\":false}");
        assertEquals(200, publicOnly.statusCode(), publicOnly.body());
        HttpResponse<String> thresholds = call("PUT", "v1/admin/settings/primary-phone", "adam",
                "{\"warningThresholds\":[\"PT6H\",\"P5D\",\"P2D\"]}");
        assertEquals(200, thresholds.statusCode(), thresholds.body());

        HttpResponse<String> read = call("GET", "v1/admin/settings", "adam", null);
        assertEquals(200, read.statusCode(), read.body());
        assertFalse(read.body().contains(password) || read.body().contains(secret), "no secret in GET: " + read.body());
        JsonNode settings = JSON.readTree(read.body());
        JsonNode m = settings.get("mail");
        assertEquals("smtp.bakery.test", m.get("host").asText());
        assertEquals(587, m.get("port").asInt());
        assertEquals("alerts@bakery.test", m.get("from").asText());
        assertEquals("alerts", m.get("username").asText());
        assertTrue(m.get("passwordSet").asBoolean());
        assertTrue(m.get("startTls").asBoolean());
        assertEquals("[\"owner@bakery.test\",\"boss@bakery.test\"]", m.get("recipients").toString());
        assertTrue(m.get("saved").asBoolean());
        assertEquals("https://192.0.2.44/inbox", settings.get("webhook").get("url").asText());
        assertTrue(settings.get("webhook").get("secretSet").asBoolean());
        assertFalse(settings.get("webhook").get("allowPrivateAddresses").asBoolean());
        assertEquals("[\"P5D\",\"P2D\",\"PT6H\"]", settings.get("primaryPhone").get("warningThresholds").toString(), "largest first");
        assertEquals("[\"P7D\",\"P3D\",\"P1D\",\"PT6H\"]", settings.get("primaryPhone").get("configuredThresholds").toString());

        // A PUT without the password keeps it; an empty one removes it.
        String withoutPassword = """
                {"host":"smtp.bakery.test","port":587,"from":"alerts@bakery.test","username":"alerts","startTls":true,
                 "recipients":["owner@bakery.test"]%s}""";
        JsonNode kept = JSON.readTree(call("PUT", "v1/admin/settings/mail", "adam", withoutPassword.formatted("")).body());
        assertTrue(kept.get("mail").get("passwordSet").asBoolean(), kept.toString());
        JsonNode removed = JSON.readTree(call("PUT", "v1/admin/settings/mail", "adam", withoutPassword.formatted(",\"password\":\"\"")).body());
        assertFalse(removed.get("mail").get("passwordSet").asBoolean(), removed.toString());

        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            assertEquals(0, data.count("SELECT count(*) FROM audit_event WHERE id > ? AND (details LIKE ? OR details LIKE ?)",
                    auditBefore, "%" + password + "%", "%" + secret + "%"), "no secret in the audit");
            assertEquals(1, data.count("SELECT count(*) FROM inbox_setting WHERE name = 'inbox.webhook.secret' AND value IS NULL"
                    + " AND sealed IS NOT NULL AND position(convert_to(?, 'UTF8') in sealed) = 0", secret), "the secret is stored sealed");
            List<String> details = new ArrayList<>();
            try (var rows = db.prepareStatement("SELECT actor || ' ' || action || ' ' || subject_id || ' ' || details FROM audit_event"
                    + " WHERE id > " + auditBefore + " AND subject_type = 'settings' ORDER BY id").executeQuery()) {
                while (rows.next()) {
                    details.add(rows.getString(1));
                }
            }
            assertEquals(List.of(
                    "adam settings.changed mail fields=host,port,from,username,startTls,recipients,password",
                    "adam settings.changed webhook fields=url,secret",
                    "adam settings.changed webhook fields=url,allowPrivateAddresses",
                    "adam settings.changed primary-phone fields=warningThresholds",
                    "adam settings.changed mail fields=recipients",
                    "adam settings.changed mail fields=password"), details, "who, which section, which fields");
        }

        // Reset: the configured values of arquillian.xml are in force again.
        call("DELETE", "v1/admin/settings/mail", "adam", null);
        JsonNode reset = JSON.readTree(call("DELETE", "v1/admin/settings/webhook", "adam", null).body());
        assertEquals("127.0.0.1", reset.get("mail").get("host").asText());
        assertEquals("inbox@team-inbox.test", reset.get("mail").get("from").asText());
        assertFalse(reset.get("mail").get("saved").asBoolean());
        assertTrue(reset.get("webhook").get("url").asText().endsWith("/hooks/primary-phone"), reset.toString());
        assertTrue(reset.get("webhook").get("secretSet").asBoolean(), "the configured secret is in force again");
        assertTrue(reset.get("webhook").get("allowPrivateAddresses").asBoolean(), "as configured in arquillian.xml");
    }

    @Test
    void onlyAdminsMayReadOrChangeSettings() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String user : List.of("alice", "maria", "-")) {
            int expected = "-".equals(user) ? 401 : 403;
            for (String[] request : new String[][] {
                    {"GET", "v1/admin/settings", null},
                    {"PUT", "v1/admin/settings/primary-phone", "{\"warningThresholds\":[\"P1D\"]}"},
                    {"PUT", "v1/admin/settings/webhook", "{\"url\":\"https://evil.test/\",\"secret\":\"x\"}"},
                    {"DELETE", "v1/admin/settings/mail", null}}) {
                HttpResponse<String> response = call(request[0], request[1], user, request[2]);
                if (response.statusCode() != expected) {
                    wrong.add(request[0] + " " + request[1] + " as " + user + ": " + response.statusCode() + " " + response.body());
                } else {
                    DeployedInbox.assertProblem(response, expected);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals("[\"P7D\",\"P3D\",\"P1D\",\"PT6H\"]",
                JSON.readTree(call("GET", "v1/admin/settings", "adam", null).body()).get("primaryPhone").get("warningThresholds").toString());
    }

    @Test
    void badValuesAreRefusedByNameAndChangeNothing() throws Exception {
        long queue;
        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            queue = data.queue(data.account(), "settings-" + UUID.randomUUID().toString().substring(0, 8), "round_robin", true);
        }
        String before = call("GET", "v1/admin/settings", "adam", null).body();
        String goodQueue = "\"routingPolicy\":\"least_busy\",\"slaMinutes\":5,\"timeZone\":\"Europe/Berlin\",\"openDays\":[1,2,3,4,5]";
        String mail = "\"host\":\"smtp.bakery.test\",\"from\":\"alerts@bakery.test\"";
        Object[][] cases = {
            {"primary-phone", "{\"warningThresholds\":[\"P1D\",\"soon\"]}", 422, "The warning threshold \"soon\" is not a duration"},
            {"primary-phone", "{\"warningThresholds\":[\"P15D\"]}", 422, "The warning threshold P15D must be shorter than the P14D"},
            {"primary-phone", "{\"warningThresholds\":[]}", 422, "Give at least one warning threshold"},
            {"webhook", "{\"url\":\"ftp://hooks.bakery.test/\",\"secret\":\"s\"}", 422, "The webhook URL must be http or https"},
            {"webhook", "{\"url\":\"https://hooks.bakery.test/\",\"secret\":\"\"}", 422, "The webhook needs a secret"},
            {"webhook", "{\"url\":\"https://hooks.bakery.test/\",\"secret\":\"it-webhook-secret\"}", 422,
                    "The webhook secret must be at least 32 bytes long"},
            {"webhook", "{\"url\":\"https://owner:pw@hooks.bakery.test/\",\"secret\":\"" + SECRET_32 + "\"}", 422,
                    "The webhook URL must not contain a user name or password"},
            {"webhook", "{\"url\":\"http://127.0.0.1:8080/\",\"secret\":\"" + SECRET_32 + "\",\"allowPrivateAddresses\":false}", 422,
                    "The webhook address 127.0.0.1 is a loopback address: webhooks go only to public addresses"},
            {"webhook", "{\"url\":\"http://[fd00::1]/\",\"secret\":\"" + SECRET_32 + "\",\"allowPrivateAddresses\":false}", 422,
                    "The webhook address [fd00::1] is a unique-local address"},
            {"webhook", "{\"url\":\"http://localhost:8080/\",\"secret\":\"" + SECRET_32 + "\",\"allowPrivateAddresses\":false}", 422,
                    "The webhook host localhost resolves to "},
            {"mail", "{" + mail + ",\"port\":0}", 422, "The SMTP port must be a number from 1 to 65535."},
            {"mail", "{\"host\":\"smtp.bakery.test\",\"port\":25,\"from\":\"nobody\"}", 422, "The sender address must be an e-mail address"},
            {"mail", "{" + mail + ",\"port\":25,\"recipients\":[\"owner(at)bakery\"]}", 422, "The alert recipient \"owner(at)bakery\" is not"},
            {"queues/" + queue, "{" + goodQueue.replace("least_busy", "fastest") + "}", 422, "The routing policy must be round_robin or least_busy."},
            {"queues/" + queue, "{" + goodQueue.replace("5,", "0,") + "}", 422, "The SLA must be from 1 to 10080 minutes"},
            {"queues/" + queue, "{" + goodQueue.replace("Europe/Berlin", "Mars/Olympus") + "}", 422, "The time zone \"Mars/Olympus\" is unknown"},
            {"queues/" + queue, "{" + goodQueue + ",\"opensAt\":\"09:00\"}", 422, "Give both the opening and the closing time"},
            {"queues/" + queue, "{" + goodQueue + ",\"opensAt\":\"09:00\",\"closesAt\":\"09:00\"}", 422,
                    "The business hours open and close at the same time (09:00)"},
            {"queues/" + queue, "{" + goodQueue + ",\"opensAt\":\"9 am\",\"closesAt\":\"17:00\"}", 422, "The opening time \"9 am\" is not a time"},
            {"queues/" + queue, "{" + goodQueue.replace("[1,2,3,4,5]", "[0,8]") + "}", 422, "Open days are weekdays from 1 (Monday) to 7"},
            {"queues/" + queue, "{" + goodQueue + ",\"dayHours\":[{\"day\":6,\"opensAt\":\"10:00\",\"closesAt\":\"14:00\"}]}", 422,
                    "Set the usual opening and closing times before giving some days their own hours."},
            {"queues/" + queue, "{" + goodQueue + ",\"opensAt\":\"09:00\",\"closesAt\":\"17:00\","
                    + "\"dayHours\":[{\"day\":6,\"opensAt\":\"10:00\",\"closesAt\":\"14:00\"}]}", 422,
                    "Saturday has its own hours but is not an open day"},
            {"queues/" + queue, "{" + goodQueue + ",\"opensAt\":\"09:00\",\"closesAt\":\"17:00\","
                    + "\"dayHours\":[{\"day\":5,\"opensAt\":\"10:00\",\"closesAt\":\"10:00\"}]}", 422,
                    "Friday opens and closes at the same time (10:00)."},
            {"queues/" + queue, "{" + goodQueue + ",\"opensAt\":\"09:00\",\"closesAt\":\"17:00\","
                    + "\"dayHours\":[{\"day\":5,\"opensAt\":\"10:00\",\"closesAt\":\"12:00\"},{\"day\":5,\"opensAt\":\"13:00\",\"closesAt\":\"15:00\"}]}",
                    422, "Friday has two sets of hours"},
            {"queues/" + queue, "{" + goodQueue + ",\"opensAt\":\"09:00\",\"closesAt\":\"17:00\","
                    + "\"dayHours\":[{\"day\":5,\"opensAt\":\"noon\",\"closesAt\":\"15:00\"}]}", 422,
                    "The Friday opening time \"noon\" is not a time"},
            {"queues/987654321", "{" + goodQueue + "}", 404, "There is no queue 987654321."},
            {"webhook", "{\"url\": ", 400, null},
        };
        List<String> wrong = new ArrayList<>();
        for (Object[] row : cases) {
            HttpResponse<String> response = call("PUT", "v1/admin/settings/" + row[0], "adam", (String) row[1]);
            if (response.statusCode() != (int) row[2]) {
                wrong.add(row[0] + " " + row[1] + ": " + response.statusCode() + " (expected " + row[2] + ") " + response.body());
                continue;
            }
            DeployedInbox.assertProblem(response, (int) row[2]);
            if (row[3] != null && !JSON.readTree(response.body()).get("detail").asText().startsWith((String) row[3])) {
                wrong.add(row[0] + ": the detail is not \"" + row[3] + "…\": " + response.body());
            }
        }
        HttpResponse<String> noSection = call("DELETE", "v1/admin/settings/queues", "adam", null);
        assertEquals(404, noSection.statusCode(), noSection.body());
        assertTrue(noSection.body().contains("the sections are mail, primary-phone, webhook."), noSection.body());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(JSON.readTree(before), JSON.readTree(call("GET", "v1/admin/settings", "adam", null).body()), "nothing changed");

        // The same queue with good values: saved where routing reads it, and audited by field.
        HttpResponse<String> saved = call("PUT", "v1/admin/settings/queues/" + queue, "adam",
                "{" + goodQueue + ",\"opensAt\":\"22:00\",\"closesAt\":\"06:00\",\"outOfHoursReply\":\"We open at ten.\","
                        + "\"dayHours\":[{\"day\":5,\"opensAt\":\"09:30\",\"closesAt\":\"14:00\"}]}");
        assertEquals(200, saved.statusCode(), saved.body());
        JsonNode row = StreamSupport.stream(JSON.readTree(saved.body()).get("queues").spliterator(), false)
                .filter(q -> q.get("id").asLong() == queue).findFirst().orElseThrow();
        assertEquals("least_busy", row.get("routingPolicy").asText());
        assertEquals(5, row.get("slaMinutes").asInt());
        assertEquals("22:00", row.get("opensAt").asText(), "hours may run over midnight");
        assertEquals(JSON.readTree("[{\"day\":5,\"opensAt\":\"09:30\",\"closesAt\":\"14:00\"}]"), row.get("dayHours"),
                "Friday keeps its own hours");
        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            assertEquals(300, data.count("SELECT sla_seconds FROM queue WHERE id = ?", queue));
            assertEquals("Europe/Berlin 1,2,3,4,5 We open at ten.",
                    data.string("SELECT time_zone || ' ' || open_days || ' ' || out_of_hours_reply FROM queue WHERE id = ?", queue));
            assertEquals("09:30-14:00", data.string(
                    "SELECT to_char(opens_at, 'HH24:MI') || '-' || to_char(closes_at, 'HH24:MI') FROM queue_day_hours"
                            + " WHERE queue_id = ? AND iso_day = 5", queue), "where routing reads it");
            assertEquals("fields=routingPolicy,slaMinutes,timeZone,opensAt,closesAt,openDays,outOfHoursReply,dayHours", data.string(
                    "SELECT details FROM audit_event WHERE actor = 'adam' AND action = 'settings.changed' AND subject_type = 'queue'"
                            + " AND subject_id = ? ORDER BY id DESC LIMIT 1", Long.toString(queue)));
        }
    }

    /**
     * An account whose phone was last seen 13.5 days ago (network time) has 12 hours left: the
     * configured thresholds would raise P7D, P3D and P1D; with P10D and PT13H saved the running
     * monitor raises exactly those two.
     */
    @Test
    void savedWarningThresholdsAndWebhookDecideWhatTheMonitorSendsWhere() throws Exception {
        HttpResponse<String> saved = call("PUT", "v1/admin/settings/primary-phone", "adam", "{\"warningThresholds\":[\"P10D\",\"PT13H\"]}");
        assertEquals(200, saved.statusCode(), saved.body());
        String secret = "saved-hook-" + UUID.randomUUID();
        HttpResponse<String> hook = call("PUT", "v1/admin/settings/webhook", "adam",
                "{\"url\":\"http://127.0.0.1:" + WEBHOOK_PORT + "/hooks/saved\",\"secret\":\"" + secret + "\"}");
        assertEquals(200, hook.statusCode(), hook.body());
        List<String[]> posts = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", WEBHOOK_PORT), 0);
        receiver.createContext("/", exchange -> {
            posts.add(new String[] {exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("X-TeamInbox-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-TeamInbox-Timestamp")});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            long account = data.account();
            long agent = data.agent("Thresholds", 1, "away");
            long device = data.connectedDevice(account, agent);
            try {
                String networkNow = JSON.readTree(call("GET", "v1/primary-phone", "adam", null).body()).get(0).get("networkNow").asText();
                data.update("INSERT INTO primary_activity (account_id, last_activity_at, last_source) VALUES (?, CAST(? AS timestamptz)"
                        + " - interval '13 days 12 hours', 'SENT_FROM_PRIMARY')", account, networkNow);
                DeployedInbox.await(Duration.ofSeconds(30),
                        () -> data.count("SELECT count(*) FROM primary_warning WHERE account_id = ?", account) >= 2, "two warnings");
                Thread.sleep(2_500); // one more check: nothing else is raised
                Set<String> raised = new TreeSet<>();
                try (var rows = db.prepareStatement("SELECT threshold FROM primary_warning WHERE account_id = " + account).executeQuery()) {
                    while (rows.next()) {
                        raised.add(rows.getString(1));
                    }
                }
                assertEquals(Set.of("P10D", "PT13H"), raised);
                JsonNode status = StreamSupport.stream(JSON.readTree(call("GET", "v1/primary-phone", "adam", null).body()).spliterator(), false)
                        .filter(a -> a.get("accountId").asLong() == account).findFirst().orElseThrow();
                assertEquals(Set.of("P10D", "PT13H"), new TreeSet<>(List.of(JSON.convertValue(status.get("activeWarnings"), String[].class))),
                        "the existing API shows them: " + status);

                // The alert leaves by the saved webhook, signed with the saved secret.
                DeployedInbox.await(Duration.ofSeconds(30), () -> posts.stream().anyMatch(p -> about(p[2], account)), "the webhook POST");
                String[] post = posts.stream().filter(p -> about(p[2], account)).findFirst().orElseThrow();
                assertEquals("/hooks/saved", post[0]);
                assertEquals("sha256=" + hmac(secret, post[3] + "." + post[2]), post[1], "timestamp.body signed with the saved secret");
                assertTrue(post[2].contains("PT13H") && post[2].contains("P10D"), post[2]);
            } finally {
                receiver.stop(0);
                // Leave nothing for the monitor to warn about once the configured thresholds are back.
                data.update("UPDATE companion_device SET state = 'revoked' WHERE id = ?", device);
                data.update("DELETE FROM alert_delivery WHERE account_id = ?", account);
            }
        }
    }

    private static boolean about(String body, long account) {
        try {
            return JSON.readTree(body).path("account").path("id").asLong() == account;
        } catch (Exception notJson) {
            return false;
        }
    }

    private static String hmac(String secret, String signed) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private long auditHead() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            return new TestData(db).count("SELECT COALESCE(max(id), 0) FROM audit_event");
        }
    }

    private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
        return DeployedInbox.call(HTTP, base, method, path, "-".equals(user) ? null : TOKENS.computeIfAbsent(user, Keycloak::tokenFor), json);
    }
}
