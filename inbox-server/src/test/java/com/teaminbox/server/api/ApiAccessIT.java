package com.teaminbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built inbox-server WAR in Payara Micro, against PostgreSQL and the real Keycloak:
 * who may call what, and what a refusal looks like.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiAccessIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive inboxServer() {
        // The WAR exactly as it ships (Flyway migrations, Hibernate, the PostgreSQL driver inside).
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("inbox.war")));
    }

    @Test
    void noTokenIsRefusedWithProblemJson() throws Exception {
        HttpResponse<String> response = get("v1/me", null);
        assertEquals(401, response.statusCode());
        DeployedInbox.assertProblem(response, 401);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void tamperedTokenIsRefused() throws Exception {
        String token = Keycloak.tokenFor("alice");
        String[] parts = token.split("\\.");
        // Alice tries to make herself an admin: the signature no longer matches the claims.
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"agent\"", "\"admin\"");
        assertTrue(claims.contains("\"admin\""), "the forged claims carry the admin role");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        HttpResponse<String> response = get("v1/me", forged);
        assertEquals(401, response.statusCode());
        DeployedInbox.assertProblem(response, 401);
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        // This demo-realm client issues tokens that live 2 s; the server tolerates 5 s of skew
        // (mp.jwt.verify.clock.skew). A first call with a normal token warms the endpoint up, so
        // that the fresh short-lived token is used well inside its life even on a loaded machine.
        assertEquals(200, get("v1/me", Keycloak.tokenFor("alice")).statusCode());
        String token = Keycloak.tokenFor("alice", "inbox-cli-short-lived");
        assertEquals(200, get("v1/me", token).statusCode(), "the token works while it is fresh");
        // Past its expiry plus the skew, by the token's own clock rather than a guessed sleep.
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        java.util.regex.Matcher exp = java.util.regex.Pattern.compile("\"exp\":(\\d+)").matcher(claims);
        assertTrue(exp.find(), claims);
        long refusedFrom = (Long.parseLong(exp.group(1)) + 5 + 1) * 1000;
        while (System.currentTimeMillis() < refusedFrom) {
            Thread.sleep(Math.max(1, refusedFrom - System.currentTimeMillis()));
        }
        HttpResponse<String> response = get("v1/me", token);
        assertEquals(401, response.statusCode());
        DeployedInbox.assertProblem(response, 401);
    }

    @Test
    void meReturnsTheCallersNameAndRoles() throws Exception {
        HttpResponse<String> response = get("v1/me", Keycloak.tokenFor("alice"));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"displayName\":\"Alice Martin\""), response.body());
        assertTrue(response.body().contains("\"username\":\"alice\""), response.body());
        assertTrue(response.body().contains("\"roles\":[\"agent\"]"), response.body());
    }

    @Test
    void agentMayNotListTheTeam() throws Exception {
        HttpResponse<String> response = get("v1/agents", Keycloak.tokenFor("alice"));
        assertEquals(403, response.statusCode(), response.body());
        DeployedInbox.assertProblem(response, 403);
    }

    @Test
    void managerListsEveryoneWhoHasCalledTheApi() throws Exception {
        get("v1/me", Keycloak.tokenFor("bob"));
        HttpResponse<String> response = get("v1/agents", Keycloak.tokenFor("maria"));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"username\":\"bob\""), "bob registered on his first call: " + response.body());
        assertTrue(response.body().contains("\"username\":\"maria\""), response.body());
        assertTrue(response.body().contains("\"displayName\":\"Bob Silva\""), response.body());

        // The rows are really in PostgreSQL, with an audit entry for each first sighting.
        try (Connection db = DeployedInbox.database()) {
            assertEquals(1, count(db, "SELECT count(*) FROM agent WHERE username = 'bob'"));
            assertEquals(1, count(db, "SELECT count(*) FROM audit_event WHERE action = 'agent.first-seen' AND subject_id = 'bob'"));
        }
    }

    @Test
    void unknownAddressIsProblemJson() throws Exception {
        HttpResponse<String> response = get("v1/no-such-thing", Keycloak.tokenFor("maria"));
        assertEquals(404, response.statusCode());
        DeployedInbox.assertProblem(response, 404);
    }

    @Test
    void oversizeBodyIs413AndChangesNothing() throws Exception {
        String huge = "{\"body\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        // As real clients do for large bodies: HTTP/1.1 with "Expect: 100-continue", so the
        // server can refuse before the body is sent.
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = http11.send(HttpRequest.newBuilder(URI.create(DeployedInbox.apiBase(base) + "v1/conversations/1/notes"))
                .header("Authorization", "Bearer " + Keycloak.tokenFor("maria"))
                .header("Content-Type", "application/json")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(huge)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        DeployedInbox.assertProblem(response, 413);
        try (Connection db = DeployedInbox.database()) {
            assertEquals(0, count(db, "SELECT count(*) FROM internal_note WHERE length(body) > 1000000"));
        }
    }

    @Test
    void chunkedBodyPastTheLimitIs413AndTheServerStillAnswers() throws Exception {
        // No Content-Length to refuse in advance: the body arrives chunked and must be
        // counted while it is read, not parsed whole.
        byte[] json = ("{\"body\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(DeployedInbox.apiBase(base) + "v1/conversations/1/notes"))
                .header("Authorization", "Bearer " + Keycloak.tokenFor("maria"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json))).build();
        HttpResponse<String> response = http11.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        DeployedInbox.assertProblem(response, 413);
        try (Connection db = DeployedInbox.database()) {
            assertEquals(0, count(db, "SELECT count(*) FROM internal_note WHERE length(body) > 1000000"));
        }
        assertEquals(200, get("v1/me", Keycloak.tokenFor("maria")).statusCode(), "the server still answers");
    }

    @Test
    void aRecreatedKeycloakUserCannotTakeOverTheOldAgentsName() throws Exception {
        String username = "recreated-" + Long.toString(System.nanoTime(), 36);
        String first = Keycloak.createAgentUser(username);
        String second = null;
        try {
            assertEquals(200, get("v1/me", Keycloak.tokenFor(username)).statusCode(), "the first account signs in");
            Keycloak.deleteUser(first);
            second = Keycloak.createAgentUser(username); // same name, new subject
            HttpResponse<String> response = get("v1/me", Keycloak.tokenFor(username));
            assertEquals(409, response.statusCode(), response.body());
            DeployedInbox.assertProblem(response, 409);
            assertTrue(response.body().contains("already belongs to another person"), response.body());
            try (Connection db = DeployedInbox.database()) {
                assertEquals(1, count(db, "SELECT count(*) FROM agent WHERE username = '" + username + "'"),
                        "the old record is neither duplicated nor handed over");
            }
        } finally {
            Keycloak.deleteUser(second != null ? second : first);
        }
    }

    @Test
    void readinessReportsTheMigratedDatabase() throws Exception {
        HttpResponse<String> response = get("health/ready", null);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"status\":\"UP\""), response.body());
        assertTrue(response.body().contains("\"migrated\":true"), response.body());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(DeployedInbox.apiBase(base) + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Connection db, String sql) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
