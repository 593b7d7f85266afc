package com.teaminbox.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.server.api.DeployedInbox;
import com.teaminbox.server.api.Keycloak;
import com.teaminbox.server.api.TestData;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
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
 * The live event stream tells each subscriber only about the conversations they may see,
 * and follows the conversation when it changes hands. A person holds at most five streams,
 * and a disabled person's stream ends. The tests that open many streams or disable someone do
 * it with Keycloak users of their own, deleted at the end.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventStreamIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** One connection per stream, as the UI's client does: closing the stream closes its socket. */
    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Each stream's lines are read on a thread of their own (the common pool has one thread on two cores). */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread reader = new Thread(runnable, "event-stream-reader");
        reader.setDaemon(true);
        return reader;
    });
    private static final Queue<String> MADE_IN_KEYCLOAK = new ConcurrentLinkedQueue<>();

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
    void eachSubscriberHearsOnlyAboutConversationsTheyMaySee() throws Exception {
        String alice = Keycloak.tokenFor("alice");
        String bob = Keycloak.tokenFor("bob");
        String maria = Keycloak.tokenFor("maria");
        for (String token : new String[] {alice, bob, maria}) {
            assertEquals(200, get("v1/me", token).statusCode(), "registers the caller");
        }

        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            long account = data.account();
            long queue = data.queue(account, "Events", "round_robin", true);
            data.join(data.agentId("alice"), queue); // Alice serves the queue; Bob does not

            Stream aliceStream = open(alice);
            Stream bobStream = open(bob);
            Stream mariaStream = open(maria);

            long conversation = data.conversation(account, queue, null);
            String opened = "\"conversationId\":" + conversation;
            assertNotNull(aliceStream.await(opened, 10), "Alice serves the queue: she hears of the waiting conversation");
            assertNotNull(mariaStream.await(opened, 10), "a manager hears of every conversation");
            // Sentinel: a conversation of Bob's own, after the one he may not see; the stream is in commit order.
            long bobsOwn = data.conversation(account, queue, data.agentId("bob"));
            assertNoneBefore(bobStream, "\"conversationId\":" + bobsOwn, opened, "Bob may not see it, so he hears nothing of it");

            data.update("UPDATE conversation SET assignee_id = ? WHERE id = ?", data.agentId("bob"), conversation);
            assertNotNull(bobStream.await(opened, 10), "now assigned to Bob: he hears of it");
            assertTrue(mariaStream.await(opened, 10) != null, "the manager still sees it");
            long nextInQueue = data.conversation(account, queue, null);
            assertNoneBefore(aliceStream, "\"conversationId\":" + nextInQueue, opened, "no longer Alice's to see");
        }
    }

    @Test
    void agentAndDeviceChangesReachAdminsAndManagersOnly() throws Exception {
        String alice = Keycloak.tokenFor("alice");
        String maria = Keycloak.tokenFor("maria");
        String adam = Keycloak.tokenFor("adam");
        for (String token : new String[] {alice, maria, adam}) {
            assertEquals(200, get("v1/me", token).statusCode(), "registers the caller");
        }
        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            long account = data.account();
            long agent = data.agent("Status Watched", 3, "offline");
            Stream aliceStream = open(alice);
            Stream mariaStream = open(maria);
            Stream adamStream = open(adam);

            data.setStatus(agent, "online");
            String agentChanged = "\"agentId\":" + agent;
            assertNotNull(mariaStream.await(agentChanged, 10), "the manager console hears that an agent came online");
            assertNotNull(adamStream.await(agentChanged, 10), "so does an admin");

            long device = data.connectedDevice(account, agent);
            data.update("UPDATE companion_device SET state = 'disconnected' WHERE id = ?", device);
            String deviceChanged = "\"deviceId\":" + device;
            assertNotNull(adamStream.await(deviceChanged, 10), "the devices screen hears of the state change");

            data.update("UPDATE agent SET last_seen_at = now() WHERE id = ?", agent);
            // Sentinel: a conversation in a queue Alice serves, which she and the manager hear of after all the above.
            long queue = data.queue(account, "Sentinel", "round_robin", true);
            data.join(data.agentId("alice"), queue);
            String sentinel = "\"conversationId\":" + data.conversation(account, queue, null);
            List<String> aliceHeard = aliceStream.until(sentinel, 10);
            assertTrue(aliceHeard.stream().noneMatch(line -> line.contains(agentChanged)), "an agent's stream carries no colleague's status");
            assertTrue(aliceHeard.stream().noneMatch(line -> line.contains(deviceChanged)), "agents hear nothing of devices");
            assertNoneBefore(mariaStream, sentinel, agentChanged, "activity alone is no change worth a refresh");
            data.update("UPDATE companion_device SET state = 'revoked' WHERE id = ?", device);
        }
    }

    @Test
    void aPersonsSixthStreamIsRefusedWhileTheirFiveStayOpenAndClosingOneLetsANewOneIn() throws Exception {
        String erin = newAgentUser("five-tabs");
        String token = Keycloak.tokenFor(erin);
        assertEquals(200, get("v1/me", token).statusCode(), "registers the caller");
        try (Connection db = DeployedInbox.database()) {
            TestData data = new TestData(db);
            long account = data.account();
            long queue = data.queue(account, "Five tabs", "round_robin", true);
            data.join(data.agentId(erin), queue);

            List<Stream> tabs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                tabs.add(new Stream(HTTP_1_1.sendAsync(eventsRequest(token), HttpResponse.BodyHandlers.ofLines())));
            }
            HttpResponse<String> sixth = refusedStream(token);
            assertEquals(429, sixth.statusCode(), "the sixth stream of one person is refused: " + sixth.body());
            DeployedInbox.assertProblem(sixth, 429);
            assertTrue(sixth.body().contains("5 live event streams"), "the sentence says why: " + sixth.body());
            long retryAfter = Long.parseLong(sixth.headers().firstValue("Retry-After").orElse("0"));
            assertTrue(retryAfter > 0 && retryAfter <= 60, "Retry-After says when to try again: " + retryAfter);

            String waiting = "\"conversationId\":" + data.conversation(account, queue, null);
            for (Stream tab : tabs) {
                assertNotNull(tab.await(waiting, 10), "each of the five streams stays open and hears of the waiting conversation");
            }

            // One tab closes; the server learns it at its next heartbeats and frees the place.
            tabs.remove(0).close();
            Stream reopened = openWhenAllowed(token, Duration.ofSeconds(45));
            String next = "\"conversationId\":" + data.conversation(account, queue, null);
            assertNotNull(reopened.await(next, 10), "the new stream hears of the next conversation");
            for (Stream tab : tabs) {
                assertNotNull(tab.await(next, 10), "the other four are still open");
            }
            assertEquals(429, refusedStream(token).statusCode(), "five again: the closed stream's place was freed once");
        }
    }

    @Test
    void aDisabledAgentsOpenStreamEndsWithinSeconds() throws Exception {
        String fay = newAgentUser("disabled-stream");
        String token = Keycloak.tokenFor(fay);
        String adam = Keycloak.tokenFor("adam");
        assertEquals(200, get("v1/me", token).statusCode(), "registers the caller");
        assertEquals(200, get("v1/me", adam).statusCode(), "registers the admin");
        try (Connection db = DeployedInbox.database()) {
            long agent = new TestData(db).agentId(fay);
            Stream stream = new Stream(HTTP_1_1.sendAsync(eventsRequest(token), HttpResponse.BodyHandlers.ofLines()));

            HttpResponse<String> disabled = DeployedInbox.call(HTTP, base, "POST", "v1/admin/agents/" + agent + "/disable", adam,
                    "{\"reason\":\"left the company\"}");
            assertEquals(200, disabled.statusCode(), disabled.body());

            assertNotNull(stream.await("\"reason\":\"account-disabled\"", 10), "the stream's last event says why it ends");
            assertTrue(stream.ended(5), "and the server ends it, though the token is still valid");
            HttpResponse<String> again = refusedStream(token);
            DeployedInbox.assertProblem(again, 403);
            assertTrue(again.body().contains("This account is disabled"), again.body());
        }
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        String shortLived = Keycloak.tokenFor("alice", "inbox-cli-short-lived"); // expires after 2 s
        Stream stream = new Stream(HTTP_1_1.sendAsync(eventsRequest(shortLived), HttpResponse.BodyHandlers.ofLines()));
        assertTrue(stream.ended(15), "the server ends the stream once its token has expired");
        assertTrue(stream.heard.stream().anyMatch(line -> line.contains("\"reason\":\"token-expired\"")),
                "its last event says why: " + stream.heard);
    }

    /** One open event stream, its data lines collected as they arrive. */
    private final class Stream {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        /** Every line, also those a test has already taken from {@link #lines}. */
        private final List<String> heard = new CopyOnWriteArrayList<>();
        private final CompletableFuture<Void> ended = new CompletableFuture<>();
        private volatile java.util.stream.Stream<String> body;

        Stream(String token) throws Exception {
            this(HTTP.sendAsync(eventsRequest(token), HttpResponse.BodyHandlers.ofLines()));
        }

        Stream(CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response) throws Exception {
            response.thenAcceptAsync(r -> {
                body = r.body();
                try {
                    r.body().forEach(line -> {
                        heard.add(line);
                        lines.add(line);
                    });
                } finally {
                    ended.complete(null);
                }
            }, READERS);
            assertNotNull(await("event: ready", 15), "the stream confirms the subscription");
            lines.clear();
        }

        /** The client goes away: closing the body closes its connection. */
        void close() {
            body.close();
        }

        /** True when the server ended the stream within the time. */
        boolean ended(int seconds) throws Exception {
            try {
                ended.get(seconds, TimeUnit.SECONDS);
                return true;
            } catch (TimeoutException stillOpen) {
                return false;
            }
        }

        /** Every line up to and including the first that contains {@code sentinel}; fails when it does not come. */
        List<String> until(String sentinel, int seconds) throws InterruptedException {
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line);
                    if (line.contains(sentinel)) {
                        return seen;
                    }
                }
            }
            throw new AssertionError("the sentinel " + sentinel + " did not arrive within " + seconds + " s; heard " + seen);
        }

        /** The first line containing the text within the time, or null. */
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

    /** Nothing with {@code text} reached the stream before the sentinel, which comes after the change in question. */
    private static void assertNoneBefore(Stream stream, String sentinel, String text, String why) throws InterruptedException {
        assertTrue(stream.until(sentinel, 10).stream().noneMatch(line -> line.contains(text)), why);
    }

    private Stream open(String token) throws Exception {
        return new Stream(token);
    }

    private HttpRequest eventsRequest(String token) {
        return HttpRequest.newBuilder(URI.create(DeployedInbox.apiBase(base) + "v1/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
    }

    /**
     * A stream the server should refuse, with its answer read whole. A stream that opens instead
     * never ends, so it is closed at once and fails the test.
     */
    private HttpResponse<String> refusedStream(String token) throws Exception {
        HttpResponse<String> response = HTTP_1_1.send(eventsRequest(token), info -> info.statusCode() == 200
                ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), opened -> {
                    try {
                        opened.close();
                    } catch (IOException ignored) {
                        // closing is all we want of it
                    }
                    return "";
                })
                : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8));
        assertNotEquals(200, response.statusCode(), "the server opened the stream instead of refusing it");
        return response;
    }

    /** Opens a stream as soon as the server stops answering 429, within the time. */
    private Stream openWhenAllowed(String token, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<java.util.stream.Stream<String>> response = HTTP_1_1.send(eventsRequest(token), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() == 200) {
                return new Stream(CompletableFuture.completedFuture(response));
            }
            assertEquals(429, response.statusCode(), "only the limit refuses");
            response.body().close();
            Thread.sleep(1_000);
        }
        throw new AssertionError("no stream could be opened within " + wait + " of closing one");
    }

    private static String newAgentUser(String prefix) {
        String username = "it-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        MADE_IN_KEYCLOAK.add(Keycloak.createAgentUser(username));
        return username;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(DeployedInbox.apiBase(base) + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

}
