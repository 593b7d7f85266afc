package com.teaminbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Agent administration against the running Keycloak: adam (admin) creates, edits, disables and
 * enables agents; what the API says is checked in Keycloak itself (through the realm's service
 * account) and in the database. Every Keycloak user made here is deleted at the end.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentAdminIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Queue<String> MADE_IN_KEYCLOAK = new ConcurrentLinkedQueue<>();
    private static final long NOBODYS_ID = 987_654_321L;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive inboxServer() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("inbox.war")));
    }

    @AfterAll
    static void deleteKeycloakUsers() {
        for (String id : MADE_IN_KEYCLOAK) {
            Keycloak.deleteUser(id);
        }
    }

    @Test
    void adamCreatesAnAgentInKeycloakAndInTheInbox() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            assertEquals(200, call("GET", "v1/me", "adam", null).statusCode());
            long account = data.account();
            long queue = data.queue(account, "support", "round_robin", true);
            String nora = uniqueName("nora");

            HttpResponse<String> created = call("POST", "v1/admin/agents", "adam", newAgent(nora, "Nora Quinn Test", 3, List.of(queue), "Start-123456"));
            assertEquals(201, created.statusCode(), created.body());
            JsonNode agent = JSON.readTree(created.body());
            long id = agent.get("id").asLong();
            assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/admin/agents/" + id));
            assertEquals(List.of("agent"), texts(agent.get("roles")));
            assertEquals("offline", agent.get("status").asText());
            assertFalse(agent.get("disabled").asBoolean());
            assertEquals(queue, agent.get("queues").get(0).get("id").asLong());

            JsonNode user = keycloakUserNamed(nora);
            String subject = user.get("id").asText();
            MADE_IN_KEYCLOAK.add(subject);
            assertTrue(user.get("enabled").asBoolean());
            assertEquals(nora + "@teaminbox.example", user.get("email").asText());
            assertEquals("Nora", user.get("firstName").asText());
            assertEquals("Quinn Test", user.get("lastName").asText());
            assertTrue(texts(user.get("requiredActions")).contains("UPDATE_PASSWORD"), user.toString());
            assertTrue(realmRoles(subject).contains("agent"));
            HttpResponse<String> signIn = Keycloak.passwordGrant(nora, "Start-123456");
            assertEquals(400, signIn.statusCode(), "a temporary password must be changed before a token is issued: " + signIn.body());

            assertEquals(subject, data.string("SELECT subject FROM agent WHERE id = ?", id));
            assertEquals("offline", data.string("SELECT status FROM agent WHERE id = ?", id));
            assertEquals(3, data.count("SELECT capacity FROM agent WHERE id = ?", id));
            assertEquals(1, data.count("SELECT count(*) FROM agent_queue WHERE agent_id = ? AND queue_id = ?", id, queue));
            assertEquals(1, data.count("SELECT count(*) FROM audit_event WHERE action = 'agent.created' AND actor = 'adam' AND subject_id = ?", nora));

            // One name is a name: "Erin" is accepted, trimmed, and Keycloak gets it as her first name.
            String erin = uniqueName("erin");
            HttpResponse<String> oneName = call("POST", "v1/admin/agents", "adam", newAgent(erin, "  Erin ", 3, List.of(queue), null));
            assertEquals(201, oneName.statusCode(), oneName.body());
            assertEquals("Erin", JSON.readTree(oneName.body()).get("displayName").asText());
            JsonNode erinUser = keycloakUserNamed(erin);
            MADE_IN_KEYCLOAK.add(erinUser.get("id").asText());
            assertEquals("Erin", erinUser.get("firstName").asText());
            assertTrue(erinUser.path("lastName").asText("").isEmpty(), erinUser.toString());
            // Blank, too long, or with a control character: refused with the field named, nothing created.
            String refused = uniqueName("refused");
            for (String name : List.of("   ", "x".repeat(256), "Erin\\u0007Bell", "Erin\\nBell")) {
                HttpResponse<String> badDisplayName = call("POST", "v1/admin/agents", "adam", newAgent(refused, name, 3, List.of(), null));
                DeployedInbox.assertProblem(badDisplayName, 400);
                assertTrue(badDisplayName.body().contains("displayName"), badDisplayName.body());
            }
            // Characters Keycloak keeps out of names (markup, script): 422 naming the field and the characters, not a 502.
            HttpResponse<String> markup = call("POST", "v1/admin/agents", "adam", newAgent(refused, "Erin <b>", 3, List.of(), null));
            DeployedInbox.assertProblem(markup, 422);
            assertTrue(markup.body().contains("displayName") && markup.body().contains("leave them out"), markup.body());
            assertEquals(0, keycloakUsersNamed(refused).size());

            // Without a password: set one and verify the e-mail address at the first sign-in.
            String omar = uniqueName("omar");
            HttpResponse<String> second = call("POST", "v1/admin/agents", "adam", newAgent(omar, "Omar Test", 2, List.of(), null));
            assertEquals(201, second.statusCode(), second.body());
            JsonNode omarUser = keycloakUserNamed(omar);
            MADE_IN_KEYCLOAK.add(omarUser.get("id").asText());
            assertTrue(texts(omarUser.get("requiredActions")).containsAll(List.of("UPDATE_PASSWORD", "VERIFY_EMAIL")), omarUser.toString());

            // Taken in the inbox: 409, and nothing more in Keycloak.
            HttpResponse<String> again = call("POST", "v1/admin/agents", "adam", newAgent(nora, "Nora Again", 3, List.of(queue), null));
            DeployedInbox.assertProblem(again, 409);
            assertTrue(again.body().contains(nora), again.body());
            assertEquals(1, keycloakUsersNamed(nora).size());
            assertEquals(1, data.count("SELECT count(*) FROM agent WHERE username = ?", nora));

            // Taken in Keycloak only (a user the inbox has never seen): 409, no agent row.
            String kim = uniqueName("kim");
            MADE_IN_KEYCLOAK.add(Keycloak.createAgentUser(kim));
            HttpResponse<String> kimAgain = call("POST", "v1/admin/agents", "adam", newAgent(kim, "Kim Test", 3, List.of(queue), null));
            DeployedInbox.assertProblem(kimAgain, 409);
            assertEquals(0, data.count("SELECT count(*) FROM agent WHERE username = ?", kim));
            assertEquals(1, keycloakUsersNamed(kim).size());

            // Bad input names the field; an unknown queue is named, and Keycloak is not touched.
            String bad = uniqueName("bad");
            HttpResponse<String> badName = call("POST", "v1/admin/agents", "adam", newAgent("Not Valid", "Bad Name", 3, List.of(), null));
            DeployedInbox.assertProblem(badName, 400);
            assertTrue(badName.body().contains("username"), badName.body());
            HttpResponse<String> badCapacity = call("POST", "v1/admin/agents", "adam", newAgent(bad, "Bad Capacity", -1, List.of(), null));
            DeployedInbox.assertProblem(badCapacity, 400);
            assertTrue(badCapacity.body().contains("capacity"), badCapacity.body());
            HttpResponse<String> noQueue = call("POST", "v1/admin/agents", "adam", newAgent(bad, "Bad Queue", 3, List.of(NOBODYS_ID), null));
            DeployedInbox.assertProblem(noQueue, 404);
            assertTrue(noQueue.body().contains(Long.toString(NOBODYS_ID)), noQueue.body());
            assertEquals(0, keycloakUsersNamed(bad).size());
        }
    }

    @Test
    void whenTheInboxPartFailsTheKeycloakUserIsDeletedAgain() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            long account = data.account();
            long doomed = data.queue(account, "doomed", "round_robin", true);
            String function = "it_refuse_queue_" + doomed;
            // A database failure after Keycloak said yes: memberships of this one queue are refused.
            data.update("CREATE FUNCTION " + function + "() RETURNS trigger AS $$ BEGIN "
                    + "IF NEW.queue_id = " + doomed + " THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
            data.update("CREATE TRIGGER " + function + " BEFORE INSERT ON agent_queue FOR EACH ROW EXECUTE FUNCTION " + function + "()");
            try {
                String pia = uniqueName("pia");
                HttpResponse<String> refused = call("POST", "v1/admin/agents", "adam", newAgent(pia, "Pia Test", 3, List.of(doomed), null));
                DeployedInbox.assertProblem(refused, 500);
                List<JsonNode> left = keycloakUsersNamed(pia);
                left.forEach(u -> MADE_IN_KEYCLOAK.add(u.get("id").asText()));
                assertEquals(0, left.size(), "no half-made agent: the Keycloak user is deleted again");
                assertEquals(0, data.count("SELECT count(*) FROM agent WHERE username = ?", pia));
            } finally {
                data.update("DROP TRIGGER " + function + " ON agent_queue");
                data.update("DROP FUNCTION " + function + "()");
            }
        }
    }

    @Test
    void onlyAdminsAdministerAgents() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            for (String user : List.of("alice", "maria", "adam")) {
                assertEquals(200, call("GET", "v1/me", user, null).statusCode());
            }
            long account = data.account();
            long queue = data.queue(account, "support", "round_robin", true);
            long other = data.queue(account, "vip", "round_robin", false);
            long sam = data.agent("sam", 5, "offline");
            data.join(sam, queue);
            String samPath = "v1/admin/agents/" + sam;
            Object[][] matrix = {
                {"GET", "v1/admin/agents", null, "alice", 403},
                {"GET", "v1/admin/agents", null, "maria", 403},
                {"GET", "v1/admin/agents", null, "-", 401},
                {"GET", "v1/admin/agents", null, "adam", 200},
                {"POST", "v1/admin/agents", newAgent(uniqueName("x"), "X Test", 1, List.of(), null), "alice", 403},
                {"POST", "v1/admin/agents", newAgent(uniqueName("x"), "X Test", 1, List.of(), null), "maria", 403},
                {"PATCH", samPath, "{\"capacity\":7}", "alice", 403},
                {"PATCH", samPath, "{\"capacity\":7}", "maria", 403},
                {"POST", samPath + "/disable", "{\"reason\":\"test\"}", "alice", 403},
                {"POST", samPath + "/disable", "{\"reason\":\"test\"}", "maria", 403},
                {"POST", samPath + "/enable", null, "maria", 403},
                {"PATCH", "v1/admin/agents/" + NOBODYS_ID, "{\"capacity\":7}", "adam", 404},
                {"POST", "v1/admin/agents/" + NOBODYS_ID + "/disable", "{\"reason\":\"test\"}", "adam", 404},
                {"PATCH", samPath, "{\"queueIds\":[" + NOBODYS_ID + "]}", "adam", 404},
                {"PATCH", samPath, "{\"capacity\":1001}", "adam", 400},
                {"PATCH", samPath, "{}", "adam", 400},
                {"POST", samPath + "/disable", "{\"reason\":\" \"}", "adam", 400},
                {"POST", samPath + "/enable", null, "adam", 409},
                {"PATCH", samPath, "{\"capacity\":7,\"queueIds\":[" + other + "]}", "adam", 200},
            };
            List<String> failures = new ArrayList<>();
            for (Object[] row : matrix) {
                HttpResponse<String> response = call((String) row[0], (String) row[1], (String) row[3], (String) row[2]);
                if (response.statusCode() != (int) row[4]) {
                    failures.add(row[0] + " " + row[1] + " as " + row[3] + ": expected " + row[4] + ", got "
                            + response.statusCode() + " " + response.body());
                } else if (response.statusCode() >= 400) {
                    DeployedInbox.assertProblem(response, response.statusCode());
                }
            }
            assertEquals(List.of(), failures);
            assertEquals(7, data.count("SELECT capacity FROM agent WHERE id = ?", sam));
            assertEquals(other, data.count("SELECT queue_id FROM agent_queue WHERE agent_id = ?", sam));
            String edit = data.string("SELECT details FROM audit_event WHERE action = 'agent.edited' AND subject_id = (SELECT username FROM agent WHERE id = ?)", sam);
            assertTrue(edit.contains("capacity: 5 -> 7") && edit.contains("queues: [" + queue + "] -> [" + other + "]"), edit);
            HttpResponse<String> unknownQueue = call("PATCH", samPath, "adam", "{\"queueIds\":[" + NOBODYS_ID + "]}");
            assertTrue(unknownQueue.body().contains("There is no queue " + NOBODYS_ID), unknownQueue.body());
            long adam = data.agentId("adam");
            HttpResponse<String> self = call("POST", "v1/admin/agents/" + adam + "/disable", "adam", "{\"reason\":\"oops\"}");
            DeployedInbox.assertProblem(self, 409);

            JsonNode all = JSON.readTree(call("GET", "v1/admin/agents", "adam", null).body());
            JsonNode samView = null;
            for (JsonNode a : all) {
                if (a.get("id").asLong() == sam) {
                    samView = a;
                }
            }
            assertEquals(7, samView.get("capacity").asInt(), all.toString());
            assertEquals("vip", samView.get("queues").get(0).get("name").asText());
        }
    }

    @Test
    void aDisabledAgentCannotSignInLosesDevicesAndConversationsAndIsNotRoutedTo() throws Exception {
        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            assertEquals(200, call("GET", "v1/me", "adam", null).statusCode());
            assertEquals(200, call("GET", "v1/me", "maria", null).statusCode());
            String dana = uniqueName("dana");
            String subject = Keycloak.createAgentUser(dana);
            MADE_IN_KEYCLOAK.add(subject);
            assertEquals(200, call("GET", "v1/me", dana, null).statusCode(), "dana signs in and registers");
            long agent = data.agentId(dana);
            long account = data.account();
            long queue = data.queue(account, "support", "round_robin", true);
            data.join(agent, queue);
            data.setStatus(agent, "online");
            long device = data.connectedDevice(account, agent);
            long conversation = data.conversation(account, queue, agent);

            HttpResponse<String> disabled = call("POST", "v1/admin/agents/" + agent + "/disable", "adam", "{\"reason\":\"left the company\"}");
            assertEquals(200, disabled.statusCode(), disabled.body());
            JsonNode view = JSON.readTree(disabled.body());
            assertTrue(view.get("disabled").asBoolean());
            assertEquals("offline", view.get("status").asText());
            assertEquals("revoked", view.get("devices").get(0).get("state").asText());

            assertFalse(keycloakUser(subject).get("enabled").asBoolean(), "Keycloak refuses dana's sign-in");
            assertEquals(400, Keycloak.passwordGrant(dana, dana).statusCode(), "no new token for a disabled user");
            HttpResponse<String> withOldToken = call("GET", "v1/me", dana, null);
            DeployedInbox.assertProblem(withOldToken, 403);
            assertTrue(withOldToken.body().contains("This account is disabled"), withOldToken.body());

            assertNull(data.assigneeOf(conversation), "back in the queue");
            assertEquals(queue, data.count("SELECT queue_id FROM conversation WHERE id = ?", conversation));
            assertEquals(1, data.count("SELECT count(*) FROM conversation_event WHERE conversation_id = ? AND kind = 'backlogged' AND from_agent_id = ?",
                    conversation, agent));
            assertEquals("revoked", data.string("SELECT state FROM companion_device WHERE id = ?", device));
            assertEquals(1, data.count("SELECT count(*) FROM device_transition WHERE device_id = ? AND to_state = 'revoked'", device));
            assertEquals(1, data.count("SELECT count(*) FROM audit_event WHERE action = 'agent.disabled' AND actor = 'adam' AND subject_id = ?", dana));
            assertEquals(1, data.count("SELECT count(*) FROM audit_event WHERE action = 'device.revoked' AND subject_id = ?", Long.toString(device)));
            assertEquals(1, data.count("SELECT count(*) FROM audit_event WHERE action = 'conversation.backlogged' AND subject_id = ?",
                    Long.toString(conversation)));
            DeployedInbox.assertProblem(call("POST", "v1/admin/agents/" + agent + "/disable", "adam", "{\"reason\":\"twice\"}"), 409);
            HttpResponse<String> link = call("POST", "v1/devices", "adam",
                    "{\"accountId\":" + account + ",\"agentId\":" + agent + ",\"method\":\"qr\"}");
            DeployedInbox.assertProblem(link, 409);
            assertTrue(link.body().contains("disabled"), link.body());

            // Even online with a connected device, routing passes dana by: raising her capacity drains nothing to her.
            data.setStatus(agent, "online");
            long secondDevice = data.connectedDevice(account, agent);
            long waiting = data.conversation(account, queue, null);
            assertEquals(200, call("PUT", "v1/agents/" + agent + "/capacity", "maria", "{\"capacity\":10}").statusCode());
            assertNull(data.assigneeOf(conversation));
            assertNull(data.assigneeOf(waiting));

            HttpResponse<String> enabled = call("POST", "v1/admin/agents/" + agent + "/enable", "adam", null);
            assertEquals(200, enabled.statusCode(), enabled.body());
            assertTrue(keycloakUser(subject).get("enabled").asBoolean());
            assertEquals("false", data.string("SELECT disabled::text FROM agent WHERE id = ?", agent));
            assertEquals("revoked", data.string("SELECT state FROM companion_device WHERE id = ?", device), "devices stay revoked");
            assertEquals(1, data.count("SELECT count(*) FROM audit_event WHERE action = 'agent.enabled' AND subject_id = ?", dana));
            assertEquals(200, call("GET", "v1/me", dana, null).statusCode(), "the same token works again");

            // The control: enabled, the same drain hands her the backlog.
            assertEquals(200, call("PUT", "v1/agents/" + agent + "/capacity", "maria", "{\"capacity\":11}").statusCode());
            assertEquals(agent, data.assigneeOf(conversation));
            assertEquals(secondDevice, data.count("SELECT id FROM companion_device WHERE agent_id = ? AND state = 'connected'", agent));
        }
    }

    private static String newAgent(String username, String displayName, int capacity, List<Long> queues, String password) {
        return "{\"username\":\"" + username + "\",\"email\":\"" + username.replace(' ', '.') + "@teaminbox.example\",\"displayName\":\""
                + displayName + "\",\"capacity\":" + capacity + ",\"queueIds\":" + queues
                + (password == null ? "" : ",\"temporaryPassword\":\"" + password + "\"") + "}";
    }

    private static String uniqueName(String prefix) {
        return "it-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode keycloakUser(String id) throws Exception {
        HttpResponse<String> found = Keycloak.admin("GET", "/users/" + id);
        assertEquals(200, found.statusCode(), found.body());
        return JSON.readTree(found.body());
    }

    private static List<JsonNode> keycloakUsersNamed(String username) throws Exception {
        HttpResponse<String> found = Keycloak.admin("GET", "/users?exact=true&username=" + username.replace(" ", "%20"));
        assertEquals(200, found.statusCode(), found.body());
        List<JsonNode> users = new ArrayList<>();
        JSON.readTree(found.body()).forEach(users::add);
        return users;
    }

    private static JsonNode keycloakUserNamed(String username) throws Exception {
        List<JsonNode> users = keycloakUsersNamed(username);
        assertEquals(1, users.size(), "one Keycloak user " + username);
        return users.get(0);
    }

    private static List<String> realmRoles(String id) throws Exception {
        HttpResponse<String> roles = Keycloak.admin("GET", "/users/" + id + "/role-mappings/realm");
        assertEquals(200, roles.statusCode(), roles.body());
        List<String> names = new ArrayList<>();
        JSON.readTree(roles.body()).forEach(r -> names.add(r.get("name").asText()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
        // "-": no token at all
        return DeployedInbox.call(HTTP, base, method, path, "-".equals(user) ? null : TOKENS.computeIfAbsent(user, Keycloak::tokenFor), json);
    }
}
