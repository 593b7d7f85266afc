package com.teaminbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conversation API as alice and bob (agents), maria (agent and manager) and adam (admin)
 * use it, with real Keycloak tokens: who sees and may do what, the claim race, bad input, and
 * the audit chain's verification.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConversationApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final long NOBODYS_ID = 987_654_321L;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive inboxServer() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("inbox.war")));
    }

    /** An account with one queue that alice and bob serve; maria serves none but manages. */
    private record Team(TestData data, long account, long queue, long alice, long bob, long maria) {
    }

    private Team team(Connection db) throws Exception {
        for (String user : List.of("alice", "bob", "maria", "adam")) {
            assertEquals(200, call("GET", "v1/me", user, null).statusCode(), user + " registers on first call");
        }
        TestData data = new TestData(db);
        long account = data.account();
        long queue = data.queue(account, "support", "round_robin", true);
        long alice = data.agentId("alice");
        long bob = data.agentId("bob");
        data.join(alice, queue);
        data.join(bob, queue);
        return new Team(data, account, queue, alice, bob, data.agentId("maria"));
    }

    @Test
    void twoAgentsClaimingAtOnceOneWinsTheOtherGets409() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Team team = team(db);
            long conversation = team.data().conversation(team.account(), team.queue(), null);
            token("alice");
            token("bob");

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<HttpResponse<String>>> claims = new ArrayList<>();
                for (String agent : List.of("alice", "bob")) {
                    claims.add(pool.submit(() -> {
                        start.await();
                        return call("POST", "v1/conversations/" + conversation + "/claim", agent, null);
                    }));
                }
                start.countDown();
                HttpResponse<String> first = claims.get(0).get();
                HttpResponse<String> second = claims.get(1).get();
                List<Integer> statuses = new ArrayList<>(List.of(first.statusCode(), second.statusCode()));
                statuses.sort(null);
                assertEquals(List.of(200, 409), statuses, first.body() + " / " + second.body());
                HttpResponse<String> loser = first.statusCode() == 409 ? first : second;
                DeployedInbox.assertProblem(loser, 409);
                long winner = first.statusCode() == 200 ? team.alice() : team.bob();
                assertEquals(winner, team.data().assigneeOf(conversation));
                assertEquals(1, team.data().count("SELECT count(*) FROM audit_event WHERE action = 'conversation.claimed' AND subject_id = ?",
                        Long.toString(conversation)), "only the winner's claim is audited");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void whoMayCallWhat() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Team team = team(db);
            long unassigned = team.data().conversation(team.account(), team.queue(), null);
            long bobs = team.data().conversation(team.account(), team.queue(), team.bob());
            long otherQueue = team.data().queue(team.account(), "vip", "round_robin", false);
            long unassignedElsewhere = team.data().conversation(team.account(), otherQueue, null);
            String bobsPath = "v1/conversations/" + bobs;

            // endpoint × caller → status; "-" is a call without a token
            Object[][] matrix = {
                {"GET", "v1/conversations", null, "alice", 200},
                {"GET", "v1/conversations", null, "maria", 200},
                {"GET", "v1/conversations", null, "adam", 403},
                {"GET", "v1/conversations", null, "-", 401},
                {"GET", "v1/conversations/" + unassigned, null, "alice", 200},
                {"GET", "v1/conversations/" + unassigned, null, "bob", 200},
                {"GET", "v1/conversations/" + unassigned, null, "maria", 200},
                {"GET", "v1/conversations/" + unassigned, null, "adam", 403},
                {"GET", "v1/conversations/" + unassignedElsewhere, null, "alice", 404},
                {"GET", bobsPath, null, "alice", 404},
                {"GET", bobsPath, null, "bob", 200},
                {"GET", bobsPath, null, "maria", 200},
                {"GET", "v1/conversations/" + NOBODYS_ID, null, "maria", 404},
                {"GET", bobsPath + "/messages", null, "alice", 404},
                {"GET", bobsPath + "/messages", null, "bob", 200},
                {"GET", bobsPath + "/events", null, "alice", 404},
                {"GET", bobsPath + "/events", null, "bob", 200},
                {"GET", bobsPath + "/events", null, "adam", 403},
                {"POST", bobsPath + "/notes", "{\"body\":\"checking\"}", "alice", 404},
                {"POST", bobsPath + "/notes", "{\"body\":\"I am on it\"}", "bob", 200},
                // Replies: never into a conversation one cannot see; without a connected device, 409.
                {"POST", bobsPath + "/messages", "{\"text\":\"hello\"}", "alice", 404},
                {"POST", bobsPath + "/messages", "{\"text\":\"hello\"}", "adam", 403},
                {"POST", bobsPath + "/messages", "{\"text\":\"hello\"}", "-", 401},
                {"POST", bobsPath + "/messages", "{\"text\":\"hello\"}", "bob", 409},
                {"POST", bobsPath + "/messages", "{\"text\":\"\"}", "bob", 400},
                {"POST", bobsPath + "/messages", "{\"text\":\"here\",\"kind\":\"status\"}", "bob", 422},
                // Claiming in one's own queue what a colleague holds is the race loser's case: 409.
                // Outside one's queues a claim reveals nothing: 404.
                {"POST", bobsPath + "/claim", null, "alice", 409},
                {"POST", "v1/conversations/" + unassignedElsewhere + "/claim", null, "alice", 404},
                {"POST", bobsPath + "/resolve", null, "alice", 404},
                {"POST", bobsPath + "/transfer", "{\"queueId\":" + team.queue() + "}", "alice", 404},
                {"POST", bobsPath + "/assign", "{\"agentId\":" + team.alice() + "}", "alice", 403},
                {"POST", bobsPath + "/assign", "{\"agentId\":" + team.alice() + "}", "adam", 403},
                {"POST", "v1/conversations/" + NOBODYS_ID + "/assign", "{\"agentId\":" + team.alice() + "}", "maria", 404},
                {"POST", bobsPath + "/assign", "{\"agentId\":" + NOBODYS_ID + "}", "maria", 404},
                {"POST", bobsPath + "/assign", "{\"agentId\":" + team.alice() + "}", "maria", 200},
                {"GET", bobsPath, null, "bob", 404},
                {"GET", bobsPath, null, "alice", 200},
                {"GET", "v1/queues", null, "alice", 200},
                {"GET", "v1/queues", null, "adam", 200},
                {"GET", "v1/queues", null, "-", 401},
                {"PUT", "v1/agents/me/status", "{\"status\":\"away\"}", "alice", 200},
                {"PUT", "v1/agents/me/status", "{\"status\":\"away\"}", "adam", 403},
                {"PUT", "v1/agents/" + team.bob() + "/capacity", "{\"capacity\":5}", "alice", 403},
                {"PUT", "v1/agents/" + team.bob() + "/capacity", "{\"capacity\":5}", "maria", 200},
                {"PUT", "v1/agents/" + team.bob() + "/capacity", "{\"capacity\":5}", "adam", 200},
                {"PUT", "v1/agents/" + NOBODYS_ID + "/capacity", "{\"capacity\":5}", "maria", 404},
                {"GET", "v1/admin/agents", null, "adam", 200},
                {"GET", "v1/admin/agents", null, "maria", 403},
                {"GET", "v1/admin/agents", null, "alice", 403},
                {"PATCH", "v1/admin/agents/" + NOBODYS_ID, "{\"capacity\":5}", "adam", 404},
                {"POST", "v1/admin/agents/" + team.bob() + "/disable", "{\"reason\":\"test\"}", "maria", 403},
                {"GET", "v1/devices", null, "adam", 200},
                {"GET", "v1/devices", null, "maria", 403},
                {"POST", "v1/devices/" + NOBODYS_ID + "/revoke", "{\"reason\":\"lost phone\"}", "alice", 403},
                {"POST", "v1/devices", "{\"accountId\":" + team.account() + ",\"agentId\":" + team.alice() + ",\"method\":\"qr\"}", "maria", 403},
                {"POST", "v1/devices", "{\"accountId\":" + NOBODYS_ID + ",\"agentId\":" + team.alice() + ",\"method\":\"qr\"}", "adam", 404},
                {"POST", "v1/devices", "{\"accountId\":" + team.account() + ",\"agentId\":" + NOBODYS_ID + ",\"method\":\"qr\"}", "adam", 404},
                {"POST", "v1/devices", "{\"accountId\":" + team.account() + ",\"agentId\":" + team.alice() + ",\"method\":\"smoke\"}", "adam", 400},
                {"GET", "v1/devices/" + NOBODYS_ID + "/link", null, "adam", 404},
                {"GET", "v1/devices/" + NOBODYS_ID + "/link", null, "alice", 403},
                {"POST", "v1/devices/" + NOBODYS_ID + "/revoke", "{\"reason\":\"lost phone\"}", "adam", 404},
                {"GET", "v1/canned-replies?account=" + team.account(), null, "alice", 200},
                {"GET", "v1/canned-replies", null, "adam", 403},
                {"POST", "v1/canned-replies", "{\"accountId\":" + team.account() + ",\"shortcut\":\"hello\",\"body\":\"Hi!\"}", "alice", 403},
                {"POST", "v1/canned-replies", "{\"accountId\":" + team.account() + ",\"shortcut\":\"hello\",\"body\":\"Hi!\"}", "maria", 200},
                {"POST", "v1/canned-replies", "{\"accountId\":" + team.account() + ",\"shortcut\":\"hello\",\"body\":\"Again\"}", "maria", 409},
                {"POST", "v1/canned-replies", "{\"accountId\":" + NOBODYS_ID + ",\"shortcut\":\"hello\",\"body\":\"Hi!\"}", "maria", 404},
                {"POST", "v1/canned-replies", "{\"accountId\":" + team.account() + ",\"shortcut\":\"Hello There\",\"body\":\"Hi!\"}", "maria", 400},
                {"GET", "v1/primary-phone", null, "alice", 403},
                {"GET", "v1/primary-phone", null, "maria", 200},
                {"GET", "v1/primary-phone", null, "adam", 200},
                {"GET", "v1/primary-phone", null, "-", 401},
                {"GET", "v1/audit", null, "alice", 403},
                {"GET", "v1/audit", null, "maria", 200},
                {"GET", "v1/audit", null, "adam", 200},
                {"GET", "v1/audit/export", null, "alice", 403},
                {"GET", "v1/audit/export", null, "maria", 200},
                {"GET", "v1/audit/verify", null, "alice", 403},
                {"GET", "v1/audit/verify", null, "adam", 200},
                {"GET", "v1/audit/verify", null, "-", 401},
            };
            List<String> wrong = new ArrayList<>();
            for (Object[] row : matrix) {
                String user = "-".equals(row[3]) ? null : (String) row[3];
                HttpResponse<String> response = call((String) row[0], (String) row[1], user, (String) row[2]);
                if (response.statusCode() != (int) row[4]) {
                    wrong.add(row[0] + " " + row[1] + " as " + row[3] + ": " + response.statusCode() + " (expected " + row[4] + ") "
                            + response.body());
                }
                if (response.statusCode() >= 400) {
                    DeployedInbox.assertProblem(response, response.statusCode());
                }
            }
            assertTrue(wrong.isEmpty(), String.join("\n", wrong));
            assertEquals(1, team.data().count("SELECT count(*) FROM internal_note WHERE conversation_id = ?", bobs),
                    "alice's refused note left nothing behind");
            assertEquals(0, team.data().count("SELECT count(*) FROM message WHERE conversation_id = ?", bobs),
                    "no refused reply left a message behind");
            String history = call("GET", bobsPath + "/events", "maria", null).body();
            assertTrue(history.contains("\"kind\":\"assigned\"") && history.contains("\"toAgent\":\"Alice Martin\"")
                    && history.contains("\"actor\":\"maria\""), "the reassignment is in the conversation's history: " + history);
            assertEquals(0, team.data().count("SELECT count(*) FROM companion_device WHERE agent_id = ? AND account_id = ?",
                    team.alice(), team.account()), "no refused link left a device behind");
            assertEquals(1, team.data().count(
                    "SELECT count(*) FROM audit_event WHERE action = 'conversation.assigned' AND actor = 'maria' AND subject_id = ?",
                    Long.toString(bobs)));
        }
    }

    @Test
    void listsShowAnAgentTheirOwnAndTheirQueuesUnassignedPageByPage() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Team team = team(db);
            long unassigned = team.data().conversation(team.account(), team.queue(), null);
            long alices = team.data().conversation(team.account(), team.queue(), team.alice());
            long bobs = team.data().conversation(team.account(), team.queue(), team.bob());
            String inQueue = "v1/conversations?queue=" + team.queue();

            String alicesView = call("GET", inQueue, "alice", null).body();
            assertTrue(alicesView.contains("\"id\":" + unassigned + ","), alicesView);
            assertTrue(alicesView.contains("\"id\":" + alices + ","), alicesView);
            assertFalse(alicesView.contains("\"id\":" + bobs + ","), "bob's conversation is not alice's business: " + alicesView);
            String mine = call("GET", inQueue + "&scope=mine", "alice", null).body();
            assertTrue(mine.contains("\"id\":" + alices + ",") && !mine.contains("\"id\":" + unassigned + ","), mine);

            // The manager sees all three, one per page, newest first, by cursor.
            List<Long> seen = new ArrayList<>();
            String cursor = null;
            for (int page = 0; page < 4; page++) {
                HttpResponse<String> response = call("GET", inQueue + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor), "maria", null);
                assertEquals(200, response.statusCode(), response.body());
                Matcher id = Pattern.compile("\"id\":(\\d+),").matcher(response.body());
                if (id.find()) {
                    seen.add(Long.parseLong(id.group(1)));
                }
                Matcher next = Pattern.compile("\"next\":\"(\\d+)\"").matcher(response.body());
                cursor = next.find() ? next.group(1) : null;
                if (cursor == null) {
                    break;
                }
            }
            assertEquals(List.of(bobs, alices, unassigned), seen);
        }
    }

    @Test
    void resolveFreesCapacityAndReopenBringsItBack() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Team team = team(db);
            long conversation = team.data().conversation(team.account(), team.queue(), team.alice());
            String path = "v1/conversations/" + conversation;

            assertEquals(200, call("POST", path + "/resolve", "alice", null).statusCode());
            assertEquals("resolved", team.data().string("SELECT status FROM conversation WHERE id = ?", conversation));
            HttpResponse<String> again = call("POST", path + "/resolve", "alice", null);
            assertEquals(409, again.statusCode(), again.body());
            DeployedInbox.assertProblem(again, 409);
            HttpResponse<String> reopened = call("POST", path + "/reopen", "alice", null);
            assertEquals(200, reopened.statusCode(), reopened.body());
            assertTrue(reopened.body().contains("\"status\":\"open\""), reopened.body());
            assertEquals(List.of("conversation.resolved", "conversation.reopened"), List.of(
                    team.data().string("SELECT action FROM audit_event WHERE subject_type = 'conversation' AND subject_id = ? ORDER BY id LIMIT 1", Long.toString(conversation)),
                    team.data().string("SELECT action FROM audit_event WHERE subject_type = 'conversation' AND subject_id = ? ORDER BY id DESC LIMIT 1", Long.toString(conversation))));
        }
    }

    @Test
    void comingOnlineTakesTheOldestWaitingConversation() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Team team = team(db);
            long older = team.data().conversation(team.account(), team.queue(), null);
            long newer = team.data().conversation(team.account(), team.queue(), null);
            team.data().connectedDevice(team.account(), team.bob());
            // Room for exactly one more: bob may hold conversations from other scenarios.
            long capacity = team.data().count("SELECT capacity FROM agent WHERE id = ?", team.bob());
            team.data().update("""
                    UPDATE agent SET capacity = 1 + (SELECT count(*) FROM conversation WHERE assignee_id = ? AND status <> 'resolved')
                     WHERE id = ?""", team.bob(), team.bob());
            try {
                HttpResponse<String> online = call("PUT", "v1/agents/me/status", "bob", "{\"status\":\"online\"}");
                assertEquals(200, online.statusCode(), online.body());
                assertTrue(online.body().contains("\"status\":\"online\""), online.body());
                assertEquals(team.bob(), team.data().assigneeOf(older));
                assertEquals(null, team.data().assigneeOf(newer), "room for one: one conversation");
            } finally {
                team.data().update("UPDATE agent SET capacity = ?, status = 'offline' WHERE id = ?", (int) capacity, team.bob());
                team.data().update("UPDATE companion_device SET state = 'revoked' WHERE agent_id = ? AND account_id = ?",
                        team.bob(), team.account());
            }
        }
    }

    @Test
    void transferHandsOverToAnotherQueueOrAgent() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Team team = team(db);
            long vip = team.data().queue(team.account(), "vip", "round_robin", false);
            long conversation = team.data().conversation(team.account(), team.queue(), team.alice());
            String path = "v1/conversations/" + conversation;

            // To a queue alice does not serve: done, and she no longer sees it (204, no body).
            HttpResponse<String> toQueue = call("POST", path + "/transfer", "alice", "{\"queueId\":" + vip + ",\"reason\":\"VIP customer\"}");
            assertEquals(204, toQueue.statusCode(), toQueue.body());
            assertEquals(vip, team.data().count("SELECT queue_id FROM conversation WHERE id = ?", conversation));
            assertEquals(null, team.data().assigneeOf(conversation), "nobody in vip can take it: it waits");
            assertEquals(404, call("GET", path, "alice", null).statusCode());

            HttpResponse<String> toAgent = call("POST", path + "/transfer", "maria", "{\"agentId\":" + team.bob() + "}");
            assertEquals(200, toAgent.statusCode(), toAgent.body());
            assertEquals(team.bob(), team.data().assigneeOf(conversation));
            assertEquals(2, transferEvents(team, conversation));
            assertEquals(2, audited(team, "conversation.transferred", conversation));
        }
    }

    @Test
    void anAgentSeesWhomToTransferToAndHandsTheChatToAColleague() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Team team = team(db);
            long vip = team.data().queue(team.account(), "vip", "round_robin", false);
            long waiting = team.data().conversation(team.account(), vip, null);
            long conversation = team.data().conversation(team.account(), team.queue(), team.alice());
            long device = team.data().connectedDevice(team.account(), team.bob());
            long gone = team.data().agent("Gone Agent", 5, "online");
            team.data().update("UPDATE agent SET disabled = true, disabled_at = now() WHERE id = ?", gone);
            long admin = team.data().agent("Only Admin", 5, "online");
            team.data().update("UPDATE agent SET roles = 'admin' WHERE id = ?", admin);
            String path = "v1/conversations/" + conversation;
            try {
                HttpResponse<String> targets = call("GET", path + "/transfer-targets", "alice", null);
                assertEquals(200, targets.statusCode(), targets.body());
                JsonNode body = new ObjectMapper().readTree(targets.body());
                List<JsonNode> agents = new ArrayList<>();
                body.get("agents").forEach(agents::add);
                List<JsonNode> queues = new ArrayList<>();
                body.get("queues").forEach(queues::add);
                JsonNode bob = agents.stream().filter(a -> a.get("id").asLong() == team.bob()).findFirst()
                        .orElseThrow(() -> new AssertionError("bob is not offered: " + targets.body()));
                assertTrue(bob.get("canReply").asBoolean(), "bob's device is connected: " + bob);
                assertTrue(bob.get("servesQueue").asBoolean(), bob.toString());
                assertTrue(agents.stream().noneMatch(a -> a.get("id").asLong() == team.alice()), "the current assignee is not offered");
                assertTrue(agents.stream().noneMatch(a -> a.get("id").asLong() == gone), "a disabled agent is not offered");
                assertTrue(agents.stream().noneMatch(a -> a.get("id").asLong() == admin), "an admin without the agent role is not offered");
                JsonNode vipQueue = queues.stream().filter(q -> q.get("id").asLong() == vip).findFirst()
                        .orElseThrow(() -> new AssertionError("queue vip is not offered: " + targets.body()));
                assertTrue(vipQueue.get("waiting").asLong() >= 1, vipQueue + " has conversation " + waiting + " waiting");
                assertTrue(queues.stream().noneMatch(q -> q.get("id").asLong() == team.queue()), "its own queue is not a target");

                // A conversation alice cannot see: 404, as everywhere.
                long bobs = team.data().conversation(team.account(), team.queue(), team.bob());
                assertEquals(404, call("GET", "v1/conversations/" + bobs + "/transfer-targets", "alice", null).statusCode());

                // Disabled or not an agent: refused with the reason, nothing changes.
                HttpResponse<String> toGone = call("POST", path + "/transfer", "alice", "{\"agentId\":" + gone + "}");
                DeployedInbox.assertProblem(toGone, 409);
                assertTrue(toGone.body().contains("Gone Agent is disabled"), toGone.body());
                HttpResponse<String> toAdmin = call("POST", path + "/transfer", "alice", "{\"agentId\":" + admin + "}");
                DeployedInbox.assertProblem(toAdmin, 409);
                assertTrue(toAdmin.body().contains("does not have the agent role"), toAdmin.body());
                assertEquals(team.alice(), team.data().assigneeOf(conversation));

                // To bob: alice's part ends (204: she no longer sees it), bob has it.
                HttpResponse<String> toBob = call("POST", path + "/transfer", "alice", "{\"agentId\":" + team.bob() + ",\"reason\":\"speaks Portuguese\"}");
                assertEquals(204, toBob.statusCode(), toBob.body());
                assertEquals(team.bob(), team.data().assigneeOf(conversation));
                assertEquals("speaks Portuguese", team.data().string(
                        "SELECT reason FROM conversation_event WHERE conversation_id = ? AND kind = 'transferred'", conversation));
            } finally {
                team.data().update("UPDATE companion_device SET state = 'revoked' WHERE id = ?", device);
            }
        }
    }

    @Test
    void anAgentTransfersOnlyToAColleagueWhoServesTheQueueAndHasRoom() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Team team = team(db);
            long conversation = team.data().conversation(team.account(), team.queue(), team.alice());
            long stranger = team.data().agent("Stranger", 5, "online");
            long busy = team.data().agent("Busy", 1, "online");
            team.data().join(busy, team.queue());
            team.data().conversation(team.account(), team.queue(), busy);
            long free = team.data().agent("Free", 2, "offline");
            team.data().join(free, team.queue());
            String path = "v1/conversations/" + conversation;

            HttpResponse<String> toStranger = call("POST", path + "/transfer", "alice", "{\"agentId\":" + stranger + "}");
            DeployedInbox.assertProblem(toStranger, 409);
            assertTrue(toStranger.body().contains("Stranger does not serve support"), toStranger.body());
            HttpResponse<String> toBusy = call("POST", path + "/transfer", "alice", "{\"agentId\":" + busy + "}");
            DeployedInbox.assertProblem(toBusy, 409);
            assertTrue(toBusy.body().contains("Busy is at capacity (1 of 1)"), toBusy.body());
            assertEquals(team.alice(), team.data().assigneeOf(conversation), "refused: nothing changed");
            assertEquals(0, audited(team, "conversation.transfer%", conversation));
            assertEquals(0, transferEvents(team, conversation));

            HttpResponse<String> toFree = call("POST", path + "/transfer", "alice", "{\"agentId\":" + free + "}");
            assertEquals(204, toFree.statusCode(), toFree.body());
            assertEquals(free, team.data().assigneeOf(conversation));
            assertEquals(0, audited(team, "conversation.transfer-overridden", conversation));
        }
    }

    @Test
    void aManagerMayOverrideTheQueueAndCapacityRuleAndThatIsAudited() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Team team = team(db);
            long conversation = team.data().conversation(team.account(), team.queue(), team.alice());
            long stranger = team.data().agent("Stranger", 5, "online");
            long gone = team.data().agent("Gone Agent", 5, "online");
            team.data().update("UPDATE agent SET disabled = true, disabled_at = now() WHERE id = ?", gone);
            String path = "v1/conversations/" + conversation;

            HttpResponse<String> toGone = call("POST", path + "/transfer", "maria", "{\"agentId\":" + gone + "}");
            DeployedInbox.assertProblem(toGone, 409);
            assertTrue(toGone.body().contains("Gone Agent is disabled"), toGone.body());

            HttpResponse<String> toStranger = call("POST", path + "/transfer", "maria", "{\"agentId\":" + stranger + "}");
            assertEquals(200, toStranger.statusCode(), toStranger.body());
            assertEquals(stranger, team.data().assigneeOf(conversation));
            assertEquals("toAgent=" + stranger + " rule=Stranger does not serve support.", team.data().string(
                    "SELECT details FROM audit_event WHERE action = 'conversation.transfer-overridden' AND subject_id = ?",
                    Long.toString(conversation)));
            assertEquals(1, audited(team, "conversation.transferred", conversation));
        }
    }

    @Test
    void anAgentListsQueuesAndCannedRepliesOfTheirOwnAccountsOnly() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Team team = team(db);
            long foreign = team.data().account();
            long foreignQueue = team.data().queue(foreign, "elsewhere", "round_robin", true);
            assertEquals(200, call("POST", "v1/canned-replies", "maria",
                    "{\"accountId\":" + foreign + ",\"shortcut\":\"foreign-" + foreign + "\",\"body\":\"Not yours\"}").statusCode());
            ObjectMapper json = new ObjectMapper();

            List<Long> alices = new ArrayList<>();
            json.readTree(call("GET", "v1/queues", "alice", null).body()).forEach(q -> alices.add(q.get("id").asLong()));
            assertTrue(alices.contains(team.queue()), alices.toString());
            assertFalse(alices.contains(foreignQueue), "a queue of an account alice does not work for: " + alices);
            List<Long> marias = new ArrayList<>();
            json.readTree(call("GET", "v1/queues", "maria", null).body()).forEach(q -> marias.add(q.get("id").asLong()));
            assertTrue(marias.contains(foreignQueue), "a manager sees every account's queues: " + marias);

            HttpResponse<String> asked = call("GET", "v1/canned-replies?account=" + foreign, "alice", null);
            DeployedInbox.assertProblem(asked, 403);
            assertTrue(asked.body().contains("You do not work for business account " + foreign), asked.body());
            HttpResponse<String> own = call("GET", "v1/canned-replies?account=" + team.account(), "alice", null);
            assertEquals(200, own.statusCode(), own.body());
            assertFalse(own.body().contains("Not yours"), own.body());
            HttpResponse<String> managers = call("GET", "v1/canned-replies?account=" + foreign, "maria", null);
            assertEquals(200, managers.statusCode(), managers.body());
            assertTrue(managers.body().contains("Not yours"), managers.body());
        }
    }

    @Test
    void anAdminRevokesADeviceWithAReasonAndItsAgentIsNoLongerRouted() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Team team = team(db);
            long device = team.data().connectedDevice(team.account(), team.bob());

            HttpResponse<String> revoked = call("POST", "v1/devices/" + device + "/revoke", "adam", "{\"reason\":\"phone lost\"}");
            assertEquals(200, revoked.statusCode(), revoked.body());
            assertTrue(revoked.body().contains("\"state\":\"revoked\""), revoked.body());
            assertEquals("connected revoked phone lost", team.data().string(
                    "SELECT from_state || ' ' || to_state || ' ' || reason FROM device_transition WHERE device_id = ?", device));
            assertEquals(1, team.data().count(
                    "SELECT count(*) FROM audit_event WHERE action = 'device.revoked' AND actor = 'adam' AND subject_id = ?",
                    Long.toString(device)));
            HttpResponse<String> again = call("POST", "v1/devices/" + device + "/revoke", "adam", "{\"reason\":\"twice\"}");
            assertEquals(409, again.statusCode(), again.body());
            DeployedInbox.assertProblem(again, 409);
        }
    }

    @Test
    void aWaitingCustomerShowsWhenTheReplyIsDueAndAnAnswerClearsIt() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Team team = team(db);
            team.data().update("UPDATE queue SET sla_seconds = 300 WHERE id = ?", team.queue());
            long waiting = team.data().conversation(team.account(), team.queue(), team.bob());
            team.data().update("UPDATE conversation SET last_customer_message_at = TIMESTAMPTZ '2030-01-01 10:00:00+00' WHERE id = ?",
                    waiting);
            team.data().update("""
                    INSERT INTO message (account_id, conversation_id, direction, network_message_id, sent_from, body,
                                         delivery_state, sent_at)
                    VALUES (?, ?, 'inbound', ?, 'customer', 'Where is my order?', 'delivered', TIMESTAMPTZ '2030-01-01 10:00:00+00')""",
                    team.account(), waiting, "asked-" + waiting);
            String before = call("GET", "v1/conversations/" + waiting, "bob", null).body();
            assertTrue(before.contains("\"replyDueAt\":\"2030-01-01T10:05:00Z\""), "due 5 minutes after the message: " + before);
            assertTrue(before.contains("\"unread\":1"), "one unread message for Bob: " + before);
            assertEquals(404, call("POST", "v1/conversations/" + waiting + "/read", "alice", null).statusCode(),
                    "alice may not see Bob's conversation, so she cannot mark it read");
            assertEquals(204, call("POST", "v1/conversations/" + waiting + "/read", "bob", null).statusCode());
            String read = call("GET", "v1/conversations/" + waiting, "bob", null).body();
            assertTrue(read.contains("\"unread\":0"), "read: " + read);
            assertTrue(call("GET", "v1/conversations/" + waiting, "maria", null).body().contains("\"unread\":1"),
                    "Maria has not read it: counts are per person");

            team.data().update("""
                    INSERT INTO message (account_id, conversation_id, direction, network_message_id, sent_from, agent_id, body,
                                         delivery_state, sent_at)
                    VALUES (?, ?, 'outbound', ?, 'companion', ?, 'On it!', 'sent', TIMESTAMPTZ '2030-01-01 10:02:00+00')""",
                    team.account(), waiting, "due-" + waiting, team.bob());
            String after = call("GET", "v1/conversations/" + waiting, "bob", null).body();
            assertTrue(!after.contains("\"replyDueAt\":\"2"), "answered: nothing is due any more: " + after);
        }
    }

    @Test
    void conversationsAreFoundByTextAndByLabel() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Team team = team(db);
            long parcel = team.data().conversation(team.account(), team.queue(), team.alice());
            long other = team.data().conversation(team.account(), team.queue(), team.alice());
            team.data().update("""
                    INSERT INTO message (account_id, conversation_id, direction, network_message_id, body, sent_at)
                    VALUES (?, ?, 'inbound', ?, 'Where is my PARCEL 100%?', now())""", team.account(), parcel, "search-" + parcel);
            String inQueue = "v1/conversations?queue=" + team.queue();

            String found = call("GET", inQueue + "&q=parcel", "alice", null).body();
            assertTrue(found.contains("\"id\":" + parcel + ","), found);
            assertFalse(found.contains("\"id\":" + other + ","), found);
            String percent = call("GET", inQueue + "&q=0%25%3F", "alice", null).body();
            assertTrue(percent.contains("\"id\":" + parcel + ","), "a % in the search is a character, not a wildcard: " + percent);
            String byPhone = team.data().string("SELECT k.phone_number FROM contact k JOIN conversation c ON c.contact_id = k.id WHERE c.id = ?", other);
            String phoneHit = call("GET", inQueue + "&q=" + byPhone.substring(3), "alice", null).body();
            assertTrue(phoneHit.contains("\"id\":" + other + ",") && !phoneHit.contains("\"id\":" + parcel + ","), phoneHit);

            HttpResponse<String> labelled = call("POST", "v1/conversations/" + other + "/labels", "alice", "{\"name\":\"refund\"}");
            assertEquals(200, labelled.statusCode(), labelled.body());
            assertEquals("[\"refund\"]", labelled.body());
            assertEquals(200, call("POST", "v1/conversations/" + other + "/labels", "alice", "{\"name\":\"refund\"}").statusCode(),
                    "labelling twice is harmless");
            String byLabel = call("GET", inQueue + "&label=refund", "maria", null).body();
            assertTrue(byLabel.contains("\"id\":" + other + ",") && !byLabel.contains("\"id\":" + parcel + ","), byLabel);
            assertEquals(404, call("POST", "v1/conversations/" + other + "/labels", "bob", "{\"name\":\"spam\"}").statusCode(),
                    "bob cannot label alice's conversation");
            assertEquals("[]", call("DELETE", "v1/conversations/" + other + "/labels/refund", "alice", null).body());
            assertEquals(2, team.data().count(
                    "SELECT count(*) FROM audit_event WHERE action IN ('conversation.labelled', 'conversation.unlabelled') AND subject_id = ?",
                    Long.toString(other)));
        }
    }

    @Test
    void badInputIs400NamingTheField() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Team team = team(db);
            long conversation = team.data().conversation(team.account(), team.queue(), team.alice());

            HttpResponse<String> status = call("PUT", "v1/agents/me/status", "alice", "{\"status\":\"sleeping\"}");
            assertEquals(400, status.statusCode(), status.body());
            DeployedInbox.assertProblem(status, 400);
            assertTrue(status.body().contains("status: must be online, away or offline"), status.body());

            HttpResponse<String> note = call("POST", "v1/conversations/" + conversation + "/notes", "alice", "{\"body\":\"  \"}");
            assertEquals(400, note.statusCode(), note.body());
            assertTrue(note.body().contains("body:"), note.body());

            HttpResponse<String> transfer = call("POST", "v1/conversations/" + conversation + "/transfer", "alice", "{}");
            assertEquals(400, transfer.statusCode(), transfer.body());
            assertTrue(transfer.body().contains("agentId and queueId"), transfer.body());

            HttpResponse<String> capacity = call("PUT", "v1/agents/" + team.bob() + "/capacity", "maria", "{\"capacity\":-1}");
            assertEquals(400, capacity.statusCode(), capacity.body());
            assertTrue(capacity.body().contains("capacity:"), capacity.body());

            HttpResponse<String> page = call("GET", "v1/conversations?limit=1000", "alice", null);
            assertEquals(400, page.statusCode(), page.body());
            assertEquals(team.alice(), team.data().assigneeOf(conversation), "nothing changed");
        }
    }

    @Test
    void editingAnAuditRowBehindTheTriggerIsReportedByVerification() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            Team team = team(db);
            long conversation = team.data().conversation(team.account(), team.queue(), team.alice());
            assertEquals(200, call("POST", "v1/conversations/" + conversation + "/notes", "alice", "{\"body\":\"refund approved\"}").statusCode());
            long row = team.data().count(
                    "SELECT id FROM audit_event WHERE action = 'conversation.noted' AND subject_id = ?", Long.toString(conversation));
            String original = team.data().string("SELECT actor FROM audit_event WHERE id = ?", row);

            HttpResponse<String> export = call("GET", "v1/audit/export", "adam", null);
            assertEquals(200, export.statusCode());
            assertTrue(export.body().startsWith("id,occurred_at,actor,action,"), export.body().lines().findFirst().orElse(""));
            assertTrue(export.body().contains("," + "alice,conversation.noted,conversation," + conversation + ","),
                    "the note's entry is in the export");

            HttpResponse<String> before = call("GET", "v1/audit/verify", "adam", null);
            assertTrue(before.body().contains("\"intact\":true"), before.body());
            try {
                tamper(team.data(), "UPDATE audit_event SET actor = 'bob' WHERE id = ?", row);
                HttpResponse<String> after = call("GET", "v1/audit/verify", "adam", null);
                assertEquals(200, after.statusCode());
                assertTrue(after.body().contains("\"intact\":false"), after.body());
                assertTrue(after.body().contains("\"firstBrokenId\":" + row + ","), "names row " + row + ": " + after.body());
            } finally {
                tamper(team.data(), "UPDATE audit_event SET actor = ? WHERE id = ?", original, row);
            }
            assertTrue(call("GET", "v1/audit/verify", "maria", null).body().contains("\"intact\":true"), "restored");
        }
    }

    /** What an operator with superuser rights could do: switch the append-only trigger off, edit, switch it on. */
    private static void tamper(TestData data, String sql, Object... parameters) throws Exception {
        data.update("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update");
        try {
            data.update(sql, parameters);
        } finally {
            data.update("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");
        }
    }

    private static long transferEvents(Team team, long conversation) throws Exception {
        return team.data().count("SELECT count(*) FROM conversation_event WHERE conversation_id = ? AND kind = 'transferred'", conversation);
    }

    /** Audit entries about the conversation whose action is like {@code action}. */
    private static long audited(Team team, String action, long conversation) throws Exception {
        return team.data().count("SELECT count(*) FROM audit_event WHERE action LIKE ? AND subject_id = ?", action, Long.toString(conversation));
    }

    private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
        return DeployedInbox.call(HTTP, base, method, path, user == null ? null : token(user), json);
    }

    /** Tokens live minutes; one per user serves the whole class. */
    private static String token(String user) {
        return TOKENS.computeIfAbsent(user, Keycloak::tokenFor);
    }

}
