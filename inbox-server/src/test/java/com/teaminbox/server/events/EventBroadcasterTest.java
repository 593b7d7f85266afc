package com.teaminbox.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.server.agent.AgentAccess;
import com.teaminbox.server.conversation.ConversationAudience;
import com.teaminbox.server.conversation.ConversationQueries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The broadcaster's own decisions, with the database and the HTTP connections stood in for:
 * who hears of an event (one visibility read per event, however many listen), how many
 * streams a person may hold, and which streams it ends.
 */
class EventBroadcasterTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant TOKEN_EXPIRES = NOW.plusSeconds(300);

    /** The conversation's audience as the database would answer, and how often it was asked. */
    private static final class Audiences extends ConversationQueries {
        ConversationAudience answer = new ConversationAudience(true, Set.of());
        int reads;

        @Override
        public ConversationAudience audience(long id) {
            reads++;
            return answer;
        }
    }

    private final Audiences audiences = new Audiences();
    private final EventBroadcaster broadcaster = new EventBroadcaster(audiences, 2000);

    private FakeStreams.Client open(long agentId, String username, String... roles) {
        FakeStreams.Client client = new FakeStreams.Client();
        broadcaster.subscribe(StreamOwner.of(agentId, username, Set.of(roles), TOKEN_EXPIRES), client, FakeStreams.SSE);
        assertTrue(client.heard("ready"), "the subscription is confirmed");
        return client;
    }

    @Test
    void oneVisibilityReadPerEventDecidesForEverySubscriber() {
        FakeStreams.Client alice = open(1, "alice", "agent");
        FakeStreams.Client bob = open(2, "bob", "agent");
        FakeStreams.Client carl = open(3, "carl", "agent");
        FakeStreams.Client maria = open(9, "maria", "agent", "manager");
        audiences.answer = new ConversationAudience(true, Set.of(1L, 3L)); // unassigned, in Alice's and Carl's queue

        broadcaster.publish(new InboxEvent("message", 42, null));

        assertEquals(1, audiences.reads, "one read for four subscribers");
        assertTrue(alice.heard("\"conversationId\":42"));
        assertTrue(carl.heard("\"conversationId\":42"));
        assertTrue(maria.heard("\"conversationId\":42"), "a manager sees every conversation");
        assertFalse(bob.heard("\"conversationId\":42"), "Bob does not serve the queue");

        broadcaster.publish(new InboxEvent(InboxEvent.AGENT, 0, "{\"kind\":\"agent\",\"agentId\":5}"));
        assertEquals(1, audiences.reads, "a staff-only event needs no visibility read");
        assertTrue(maria.heard("\"agentId\":5"));
        assertFalse(alice.heard("\"agentId\":5"));
    }

    @Test
    void noSubscriberNoRead() {
        broadcaster.publish(new InboxEvent("message", 42, null));
        assertEquals(0, audiences.reads);
    }

    @Test
    void aPersonsSixthStreamIsRefusedUntilOneOfTheFiveIsFoundGone() {
        List<FakeStreams.Client> tabs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tabs.add(open(1, "alice", "agent"));
        }
        FakeStreams.Client sixth = new FakeStreams.Client();
        assertThrows(TooManyStreams.class,
                () -> broadcaster.subscribe(StreamOwner.of(1, "alice", Set.of("agent"), TOKEN_EXPIRES), sixth, FakeStreams.SSE));
        assertTrue(sixth.received.isEmpty(), "nothing was sent on a refused stream");
        open(2, "bob", "agent"); // another person is not affected

        tabs.get(0).leave();
        assertThrows(TooManyStreams.class, () -> open(1, "alice", "agent"), "a closed tab is not known until a write fails");
        broadcaster.heartbeat();
        assertTrue(tabs.get(1).heard(": heartbeat"));
        open(1, "alice", "agent");
        assertEquals(6, broadcaster.subscriberCount());
    }

    @Test
    void aDisabledOwnersStreamEndsSayingWhyAndFreesItsPlace() {
        FakeStreams.Client dana = open(4, "dana", "agent");
        FakeStreams.Client alice = open(1, "alice", "agent");

        broadcaster.endLapsed(NOW, Map.of(4L, new AgentAccess(4, true, Set.of("agent")), 1L, new AgentAccess(1, false, Set.of("agent"))));

        assertTrue(dana.heard("end {\"kind\":\"end\",\"reason\":\"account-disabled\"}"), dana.received.toString());
        assertTrue(dana.isClosed());
        assertFalse(alice.isClosed());
        assertEquals(Set.of(1L), broadcaster.owners());
    }

    @Test
    void everyStreamEndsWhenItsTokenExpires() {
        FakeStreams.Client alice = open(1, "alice", "agent");
        broadcaster.endLapsed(TOKEN_EXPIRES.minusSeconds(1), Map.of());
        assertFalse(alice.isClosed());
        broadcaster.endLapsed(TOKEN_EXPIRES, Map.of());
        assertTrue(alice.heard("\"reason\":\"token-expired\""));
        assertTrue(alice.isClosed());
        assertEquals(0, broadcaster.subscriberCount());
    }
}
