package com.teaminbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The manager console's reports against conversations seeded with known timestamps in a
 * fresh account and queue (SLA 300 s), so every median, percentile, count and breach is
 * known exactly; and who may read them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive inboxServer() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("inbox.war")));
    }

    /** The seeded scene: queue, two synthetic agents (X online with a connected device), and the unanswered conversation. */
    private record Scene(long account, long queue, long x, long y, String xName, long gone) {
    }

    /**
     * 2024-01-10: c1 (X) answered after 60 s, resolved after 1 h; c2 (X) 120 s, 2 h; c3 (Y) 600 s (breach), resolved the
     * next day after 24 h; c4 (Y) never answered, resolved after 1 h (breach). 2024-01-11: c5 (X) answered after 30 s,
     * still open; c6 unassigned, never answered, still open (breach), last customer message an hour ago.
     * Replies: X 2 in c1, 1 in c2, 1 in c5; Y 1 in c3.
     */
    private Scene seed(Connection db) throws Exception {
        TestData data = new TestData(db);
        long account = data.account();
        long queue = data.queue(account, "reports", "round_robin", true);
        data.update("UPDATE queue SET sla_seconds = 300 WHERE id = ?", queue);
        String xName = "Xena " + UUID.randomUUID().toString().substring(0, 6);
        long x = data.agent(xName, 4, "online");
        long y = data.agent("Yuri", 3, "away");
        data.connectedDevice(account, x);
        long gone = data.agent("Gone", 3, "offline");
        data.update("UPDATE agent SET disabled = true, disabled_at = now() WHERE id = ?", gone);

        long c1 = conversation(data, account, queue, x, "2024-01-10 10:00:00", 60, 3_600);
        long c2 = conversation(data, account, queue, x, "2024-01-10 11:00:00", 120, 7_200);
        long c3 = conversation(data, account, queue, y, "2024-01-10 12:00:00", 600, 86_400);
        conversation(data, account, queue, y, "2024-01-10 13:00:00", null, 3_600);
        long c5 = conversation(data, account, queue, x, "2024-01-11 09:00:00", 30, null);
        long c6 = conversation(data, account, queue, null, "2024-01-11 10:00:00", null, null);
        data.update("UPDATE conversation SET last_customer_message_at = now() - interval '1 hour' WHERE id = ?", c6);

        reply(data, account, c1, x, "2024-01-10 10:01:00");
        reply(data, account, c1, x, "2024-01-10 10:05:00");
        reply(data, account, c2, x, "2024-01-10 11:02:00");
        reply(data, account, c5, x, "2024-01-11 09:00:30");
        reply(data, account, c3, y, "2024-01-10 12:10:00");
        return new Scene(account, queue, x, y, xName, gone);
    }

    private static long conversation(TestData data, long account, long queue, Long assignee, String openedUtc, Integer firstResponse,
                                     Integer resolved) throws Exception {
        long contact = data.contact(account);
        return data.count("""
                INSERT INTO conversation (account_id, contact_id, queue_id, status, assignee_id, opened_at, assigned_at,
                                          first_response_at, last_customer_message_at, resolved_at)
                VALUES (?, ?, ?, ?, ?, CAST(? AS timestamptz), CAST(? AS timestamptz),
                        CAST(? AS timestamptz) + CAST(? AS integer) * interval '1 second', CAST(? AS timestamptz),
                        CAST(? AS timestamptz) + CAST(? AS integer) * interval '1 second')
                RETURNING id""", account, contact, queue, resolved == null ? "open" : "resolved", assignee,
                openedUtc + "+00", assignee == null ? null : openedUtc + "+00", openedUtc + "+00", firstResponse, openedUtc + "+00",
                openedUtc + "+00", resolved);
    }

    private static void reply(TestData data, long account, long conversation, long agent, String sentUtc) throws Exception {
        data.update("""
                INSERT INTO message (account_id, conversation_id, direction, network_message_id, sent_from, agent_id, body,
                                     delivery_state, sent_at)
                VALUES (?, ?, 'outbound', ?, 'companion', ?, 'On it', 'sent', CAST(? AS timestamptz))""",
                account, conversation, "report-" + UUID.randomUUID(), agent, sentUtc + "+00");
    }

    @Test
    void dailyReportHasExactMediansCountsAndBreaches() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Scene scene = seed(db);
            HttpResponse<String> response = call("v1/reports/daily?from=2024-01-10&to=2024-01-12&queue=" + scene.queue(), "maria");
            assertEquals(200, response.statusCode(), response.body());
            JsonNode report = JSON.readTree(response.body());
            assertEquals("2024-01-10", report.get("from").asText());
            assertEquals(scene.queue(), report.get("queueId").asLong());
            JsonNode days = report.get("days");
            assertEquals(3, days.size(), "one row per day, empty days included: " + days);

            assertDay(days.get(0), "2024-01-10", 4, 3, 120.0, 504.0, 3_600.0, 2);
            assertDay(days.get(1), "2024-01-11", 2, 1, 30.0, 30.0, 86_400.0, 1);
            assertDay(days.get(2), "2024-01-12", 0, 0, null, null, null, 0);

            JsonNode agents = report.get("agents");
            assertEquals(2, agents.size(), agents.toString());
            assertEquals(scene.x(), agents.get(0).get("agentId").asLong(), "most conversations first");
            assertEquals(3, agents.get(0).get("handled").asLong());
            assertEquals(4, agents.get(0).get("replies").asLong());
            assertEquals(60.0, agents.get(0).get("firstResponseMedianSeconds").asDouble());
            assertEquals(scene.y(), agents.get(1).get("agentId").asLong());
            assertEquals(2, agents.get(1).get("handled").asLong());
            assertEquals(1, agents.get(1).get("replies").asLong());
            assertEquals(600.0, agents.get(1).get("firstResponseMedianSeconds").asDouble(), "the unanswered one is not measured");

            HttpResponse<String> csv = call("v1/reports/daily.csv?from=2024-01-10&to=2024-01-12&queue=" + scene.queue(), "adam");
            assertEquals(200, csv.statusCode(), csv.body());
            assertEquals("text/csv", csv.headers().firstValue("Content-Type").orElse("").split(";")[0].strip());
            assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("report-2024-01-10-2024-01-12.csv"));
            assertEquals("""
                    day,opened,resolved,first_response_median_seconds,first_response_p90_seconds,resolution_median_seconds,sla_breaches\r
                    2024-01-10,4,3,120,504,3600,2\r
                    2024-01-11,2,1,30,30,86400,1\r
                    2024-01-12,0,0,,,,0\r
                    """, csv.body());
        }
    }

    private static void assertDay(JsonNode day, String date, long opened, long resolved, Double frtMedian, Double frtP90,
                                  Double resolutionMedian, long breaches) {
        String row = day.toString();
        assertEquals(date, day.get("day").asText(), row);
        assertEquals(opened, day.get("opened").asLong(), "opened " + row);
        assertEquals(resolved, day.get("resolved").asLong(), "resolved " + row);
        assertNumber(frtMedian, day.get("firstResponseMedianSeconds"), "first-response median " + row);
        assertNumber(frtP90, day.get("firstResponseP90Seconds"), "first-response p90 " + row);
        assertNumber(resolutionMedian, day.get("resolutionMedianSeconds"), "resolution median " + row);
        assertEquals(breaches, day.get("slaBreaches").asLong(), "SLA breaches " + row);
    }

    private static void assertNumber(Double expected, JsonNode actual, String what) {
        if (expected == null) {
            assertTrue(actual == null || actual.isNull(), what);
        } else {
            assertNotNull(actual, what);
            assertEquals(expected, actual.asDouble(), 0.001, what);
        }
    }

    @Test
    void liveReportShowsWaitingLongestWaitLoadAndDevices() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Scene scene = seed(db);
            HttpResponse<String> response = call("v1/reports/live", "maria");
            assertEquals(200, response.statusCode(), response.body());
            JsonNode live = JSON.readTree(response.body());

            JsonNode queue = find(live.get("queues"), "id", scene.queue());
            assertEquals(2, queue.get("open").asLong(), "c5 and c6 are open: " + queue);
            assertEquals(1, queue.get("waiting").asLong(), queue.toString());
            assertEquals(300, queue.get("slaSeconds").asInt());
            long longest = queue.get("longestWaitSeconds").asLong();
            assertTrue(longest >= 3_600 && longest < 3_900, "an hour since the customer wrote: " + queue);

            JsonNode x = find(live.get("agents"), "id", scene.x());
            assertEquals(scene.xName(), x.get("displayName").asText());
            assertEquals("online", x.get("status").asText());
            assertEquals(4, x.get("capacity").asInt());
            assertEquals(1, x.get("openAssigned").asLong(), "c5 only: " + x);
            JsonNode device = find(x.get("devices"), "accountId", scene.account());
            assertEquals("connected", device.get("state").asText());

            JsonNode y = find(live.get("agents"), "id", scene.y());
            assertEquals("away", y.get("status").asText());
            assertEquals(0, y.get("openAssigned").asLong());
            assertEquals(0, y.get("devices").size());
            assertTrue(StreamSupport.stream(live.get("agents").spliterator(), false).noneMatch(a -> a.get("id").asLong() == scene.gone()),
                    "a disabled agent without conversations is not listed");
            assertEquals(false, x.get("disabled").asBoolean());
        }
    }

    /**
     * A conversation nobody can take says why, in the manager console and in the conversation,
     * and the sentence follows the staffing: nobody serves the queue, then a member offline,
     * online without a connected device, at capacity; once someone could take it, no reason.
     */
    @Test
    void aWaitingConversationSaysWhyNobodyTakesIt() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            assertEquals(200, call("v1/me", "maria").statusCode());
            long account = data.account();
            String name = "Front desk " + UUID.randomUUID().toString().substring(0, 6);
            long queue = data.queue(account, name, "least_busy", true);
            long conversation = data.conversation(account, queue, null);

            assertEquals("nobody serves " + name, whyWaiting(queue, conversation));
            long zoe = data.agent("Zoe", 0, "offline");
            data.join(zoe, queue);
            assertEquals("no agent of " + name + " is online", whyWaiting(queue, conversation));
            data.setStatus(zoe, "online");
            assertEquals("no online agent with a connected device serves " + name, whyWaiting(queue, conversation));
            data.connectedDevice(account, zoe);
            assertEquals("every online agent of " + name + " with a connected device is at capacity", whyWaiting(queue, conversation));
            data.update("UPDATE agent SET capacity = 5 WHERE id = ?", zoe);
            assertEquals("", whyWaiting(queue, conversation), "Zoe could take it: no reason to give");
            data.update("UPDATE queue SET opens_at = '00:00', closes_at = '00:00', open_days = '' WHERE id = ?", queue);
            assertEquals(name + " is outside its business hours", whyWaiting(queue, conversation));
        }
    }

    /** The reason the manager console gives for the queue, checked to be the one the conversation gives. */
    private String whyWaiting(long queue, long conversation) throws Exception {
        HttpResponse<String> live = call("v1/reports/live", "maria");
        assertEquals(200, live.statusCode(), live.body());
        JsonNode row = find(JSON.readTree(live.body()).get("queues"), "id", queue);
        HttpResponse<String> shown = call("v1/conversations/" + conversation, "maria");
        assertEquals(200, shown.statusCode(), shown.body());
        String fromConversation = JSON.readTree(shown.body()).path("waitingReason").asText("");
        assertEquals(row.path("waitingReason").asText(""), fromConversation, "the console and the conversation say the same");
        return fromConversation;
    }

    @Test
    void onlyManagersAndAdminsMayReadReportsAndBadRangesAreNamed() throws Exception {
        for (String user : List.of("alice", "maria", "adam")) {
            assertEquals(200, call("v1/me", user).statusCode(), user + " registers on first call");
        }
        String range = "from=2024-01-01&to=2024-01-31";
        // path × caller → status, and for 400 the field the detail must name; "-" is a call without a token
        Object[][] matrix = {
            {"v1/reports/live", "alice", 403, null},
            {"v1/reports/live", "maria", 200, null},
            {"v1/reports/live", "adam", 200, null},
            {"v1/reports/live", "-", 401, null},
            {"v1/reports/daily?" + range, "alice", 403, null},
            {"v1/reports/daily?" + range, "maria", 200, null},
            {"v1/reports/daily?" + range, "adam", 200, null},
            {"v1/reports/daily?" + range, "-", 401, null},
            {"v1/reports/daily.csv?" + range, "alice", 403, null},
            {"v1/reports/daily.csv?" + range, "maria", 200, null},
            {"v1/reports/daily.csv?" + range, "-", 401, null},
            {"v1/reports/daily?to=2024-01-31", "maria", 400, "from:"},
            {"v1/reports/daily?from=2024-13-01&to=2024-01-31", "maria", 400, "from:"},
            {"v1/reports/daily?from=2024-01-01&to=yesterday", "maria", 400, "to:"},
            {"v1/reports/daily?from=2024-02-01&to=2024-01-31", "maria", 400, "to:"},
            {"v1/reports/daily?from=2024-01-01&to=2024-04-02", "maria", 400, "to:"},
            {"v1/reports/daily?from=2024-01-01&to=2024-04-01", "maria", 200, null},
            {"v1/reports/daily.csv?from=2024-02-01&to=2024-01-31", "adam", 400, "to:"},
            {"v1/reports/daily?" + range + "&queue=987654321", "maria", 404, "queue:"},
        };
        List<String> wrong = new ArrayList<>();
        for (Object[] row : matrix) {
            String user = "-".equals(row[1]) ? null : (String) row[1];
            HttpResponse<String> response = call((String) row[0], user);
            if (response.statusCode() != (int) row[2]) {
                wrong.add(row[0] + " as " + row[1] + ": " + response.statusCode() + " (expected " + row[2] + ") " + response.body());
                continue;
            }
            if (response.statusCode() >= 400) {
                DeployedInbox.assertProblem(response, response.statusCode());
            }
            if (row[3] != null && !JSON.readTree(response.body()).get("detail").asText().startsWith((String) row[3])) {
                wrong.add(row[0] + ": the detail does not name " + row[3] + ": " + response.body());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static JsonNode find(JsonNode array, String field, long value) {
        return StreamSupport.stream(array.spliterator(), false).filter(node -> node.get(field).asLong() == value).findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + array));
    }

    private HttpResponse<String> call(String path, String user) throws Exception {
        return DeployedInbox.call(HTTP, base, "GET", path, user == null ? null : token(user), null);
    }

    private static String token(String user) {
        return TOKENS.computeIfAbsent(user, Keycloak::tokenFor);
    }
}
