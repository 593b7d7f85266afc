package com.teaminbox.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.server.api.DeployedInbox;
import com.teaminbox.server.api.Keycloak;
import com.teaminbox.server.api.TestData;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The live event stream tells each subscriber only about the conversations they may see,
 * and follows the conversation when it changes hands.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventStreamIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive inboxServer() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("inbox.war")));
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

    /** One open event stream, its data lines collected as they arrive. */
    private final class Stream {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Stream(String token) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(DeployedInbox.apiBase(base) + "v1/events"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
            CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response =
                    HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            response.thenAccept(r -> r.body().forEach(lines::add));
            assertNotNull(await("event: ready", 15), "the stream confirms the subscription");
            lines.clear();
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

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(DeployedInbox.apiBase(base) + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

}
