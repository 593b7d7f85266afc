package com.teaminbox.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.server.api.TestData;
import com.teaminbox.server.conversation.ConversationActions;
import com.teaminbox.server.conversation.InboundMessage;
import com.teaminbox.server.conversation.IngestOutcome;
import com.teaminbox.server.conversation.IngestService;
import com.teaminbox.server.conversation.OwnMessage;
import com.teaminbox.server.conversation.Viewer;
import com.teaminbox.server.device.DeviceRegistry;
import com.teaminbox.server.device.DeviceState;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.File;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ingest and routing, called directly inside Payara Micro as a device session will call them,
 * against PostgreSQL. Each scenario builds its own account, queue and agents.
 */
@ExtendWith(ArquillianExtension.class)
class IngestAndRoutingIT {

    @Inject
    private IngestService ingest;

    @Inject
    private ConversationActions actions;

    @Inject
    private DeviceRegistry devices;

    @Inject
    private RoutingService routing;

    @Resource(lookup = "java:app/jdbc/inbox")
    private DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Deployment
    static WebArchive inboxServerWithTests() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("inbox.war")))
                .addClasses(IngestAndRoutingIT.class, TestData.class);
    }

    @Test
    void eightConcurrentCopiesOfOneMessageStoreOneMessageInOneConversation() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            TestData data = new TestData(db);
            long account = data.account();
            data.queue(account, "support", "round_robin", true);
            String networkId = "copy-" + UUID.randomUUID();
            String customer = customerPhone();
            InboundMessage message = new InboundMessage(account, networkId, customer, "Ana", "Is my order on its way?", null, Instant.now());

            // Eight companions hand over the same message at the same instant.
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IngestOutcome>> copies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                copies.add(executor.submit(() -> {
                    start.await();
                    return ingest.ingest(message);
                }));
            }
            start.countDown();
            List<IngestOutcome> outcomes = new ArrayList<>();
            for (Future<IngestOutcome> copy : copies) {
                outcomes.add(copy.get(60, TimeUnit.SECONDS));
            }

            assertEquals(1, outcomes.stream().filter(IngestOutcome::firstCopy).count(), "exactly one copy is the first: " + outcomes);
            assertEquals(1, outcomes.stream().map(IngestOutcome::conversationId).distinct().count(), "all copies name one conversation");
            assertEquals(1, data.count("SELECT count(*) FROM message WHERE account_id = ? AND network_message_id = ?", account, networkId));
            assertEquals(1, data.count("""
                    SELECT count(*) FROM conversation c JOIN contact k ON k.id = c.contact_id
                     WHERE c.account_id = ? AND k.phone_number = ?""", account, customer));
            assertEquals(1, data.count("SELECT count(*) FROM contact WHERE account_id = ? AND phone_number = ?", account, customer));

            // The contact's next message joins the open conversation.
            IngestOutcome next = ingest.ingest(new InboundMessage(account, "next-" + UUID.randomUUID(), customer, null, "Hello?", null,
                    Instant.now()));
            assertTrue(next.firstCopy());
            assertEquals(outcomes.get(0).conversationId(), next.conversationId());
        }
    }

    @Test
    void aReplyFromThePrimaryPhoneJoinsTheConversationAttributedToThePhone() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            TestData data = new TestData(db);
            long account = data.account();
            data.queue(account, "support", "round_robin", true);
            String customer = customerPhone();
            IngestOutcome question = ingest.ingest(inbound(account, customer));
            String echoId = "phone-" + UUID.randomUUID();
            OwnMessage fromPhone = new OwnMessage(account, echoId, customer, OwnMessage.Origin.PHONE, null,
                    "Answered from the shop phone", null, Instant.now());

            IngestOutcome first = ingest.ingestOwn(fromPhone);
            IngestOutcome secondCompanion = ingest.ingestOwn(fromPhone);

            assertTrue(first.firstCopy());
            assertEquals(question.conversationId(), first.conversationId());
            assertTrue(!secondCompanion.firstCopy(), "every companion sees the echo; it is stored once");
            assertEquals("outbound phone", data.string(
                    "SELECT direction || ' ' || sent_from FROM message WHERE account_id = ? AND network_message_id = ?", account, echoId));
            assertEquals(1, data.count("SELECT count(*) FROM conversation WHERE id = ? AND first_response_at IS NOT NULL",
                    question.conversationId()), "the phone's answer is the team's first response");
        }
    }

    @Test
    void roundRobinGivesEachEligibleAgentATurnInOrder() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            TestData data = new TestData(db);
            long account = data.account();
            long queue = data.queue(account, "sales", "round_robin", true);
            long ana = routable(data, account, queue, "ana", 10);
            long ben = routable(data, account, queue, "ben", 10);
            long cai = routable(data, account, queue, "cai", 10);

            List<Long> assignees = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                assignees.add(newCustomerWrites(account).assigneeId().orElse(null));
            }
            assertEquals(List.of(ana, ben, cai, ana, ben, cai), assignees);
        }
    }

    @Test
    void customersWritingAtOnceNeverPushAnAgentPastCapacity() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            TestData data = new TestData(db);
            long account = data.account();
            long queue = data.queue(account, "rush", "least_busy", true);
            long ana = routable(data, account, queue, "ana", 3);
            long ben = routable(data, account, queue, "ben", 2);

            CountDownLatch start = new CountDownLatch(1);
            List<Future<IngestOutcome>> arrivals = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                arrivals.add(executor.submit(() -> {
                    start.await();
                    return newCustomerWrites(account);
                }));
            }
            start.countDown();
            for (Future<IngestOutcome> arrival : arrivals) {
                arrival.get(60, TimeUnit.SECONDS);
            }

            assertEquals(3, data.count("SELECT count(*) FROM conversation WHERE assignee_id = ? AND status = 'open'", ana));
            assertEquals(2, data.count("SELECT count(*) FROM conversation WHERE assignee_id = ? AND status = 'open'", ben));
            assertEquals(5, data.count("SELECT count(*) FROM conversation WHERE account_id = ? AND assignee_id IS NULL", account),
                    "the rest wait in the backlog");
        }
    }

    @Test
    void leastBusyPicksTheAgentWithFewestOpenConversations() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            TestData data = new TestData(db);
            long account = data.account();
            long queue = data.queue(account, "billing", "least_busy", true);
            long ana = routable(data, account, queue, "ana", 10);
            long ben = routable(data, account, queue, "ben", 10);
            data.conversation(account, queue, ana);
            data.conversation(account, queue, ana);
            data.conversation(account, queue, ben);

            assertEquals(ben, newCustomerWrites(account).assigneeId().orElseThrow(), "ben has 1 open, ana 2");
            assertEquals(ana, newCustomerWrites(account).assigneeId().orElseThrow(),
                    "2 each: the tie goes to whoever routing served longest ago (ana, never)");
        }
    }

    @Test
    void fullCapacitySendsToBacklogWhichDrainsOldestFirstOnResolve() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            TestData data = new TestData(db);
            long account = data.account();
            long queue = data.queue(account, "support", "round_robin", true);
            long ana = routable(data, account, queue, "ana", 1);

            IngestOutcome first = newCustomerWrites(account);
            IngestOutcome second = newCustomerWrites(account);
            IngestOutcome third = newCustomerWrites(account);
            assertEquals(ana, first.assigneeId().orElseThrow());
            assertTrue(second.assigneeId().isEmpty(), "ana is at capacity: backlog");
            assertTrue(third.assigneeId().isEmpty(), "still at capacity: backlog");

            actions.resolve(new Viewer(ana, "ana", false), first.conversationId());

            assertEquals(ana, data.assigneeOf(second.conversationId()), "the oldest waiting conversation goes to the freed agent");
            assertNull(data.assigneeOf(third.conversationId()), "one slot freed, one conversation drained");
        }
    }

    @Test
    void aReturningContactGoesBackToTheirPreviousAgent() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            TestData data = new TestData(db);
            long account = data.account();
            long queue = data.queue(account, "support", "round_robin", true);
            long ana = routable(data, account, queue, "ana", 10);
            long ben = routable(data, account, queue, "ben", 10);
            String returning = customerPhone();

            IngestOutcome firstVisit = ingest.ingest(inbound(account, returning));
            assertEquals(ana, firstVisit.assigneeId().orElseThrow());
            actions.resolve(new Viewer(ana, "ana", false), firstVisit.conversationId());
            assertEquals(ben, newCustomerWrites(account).assigneeId().orElseThrow());
            assertEquals(ana, newCustomerWrites(account).assigneeId().orElseThrow());
            // Round robin would now pick ben; the returning contact gets ana again.
            IngestOutcome secondVisit = ingest.ingest(inbound(account, returning));
            assertTrue(secondVisit.openedConversation());
            assertEquals(ana, secondVisit.assigneeId().orElseThrow());
        }
    }

    @Test
    void offlineAgentsAndAgentsWithoutAConnectedDeviceAreSkipped() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            TestData data = new TestData(db);
            long account = data.account();
            long queue = data.queue(account, "support", "round_robin", true);
            // Created first, so round robin would try them first.
            long offline = data.agent("offline", 10, "offline");
            data.join(offline, queue);
            connect(account, offline);
            long away = data.agent("away", 10, "away");
            data.join(away, queue);
            connect(account, away);
            long deviceLess = data.agent("device-less", 10, "online");
            data.join(deviceLess, queue);
            long disconnected = data.agent("disconnected", 10, "online");
            data.join(disconnected, queue);
            long device = connect(account, disconnected);
            devices.transition(device, DeviceState.DISCONNECTED, "network dropped", "test");
            long ready = routable(data, account, queue, "ready", 10);

            assertEquals(ready, newCustomerWrites(account).assigneeId().orElseThrow());
            assertEquals(ready, newCustomerWrites(account).assigneeId().orElseThrow());
            assertEquals(4, data.count("SELECT count(*) FROM device_transition WHERE device_id = ?", device),
                    "linking, linked, connected, disconnected, each with its reason");
            assertEquals("network dropped", data.string(
                    "SELECT reason FROM device_transition WHERE device_id = ? ORDER BY id DESC LIMIT 1", device));

            // The device reconnects: the agent becomes eligible again.
            devices.transition(device, DeviceState.CONNECTED, "reconnected", "test");
            assertEquals(disconnected, newCustomerWrites(account).assigneeId().orElseThrow());
        }
    }

    @Test
    void aDeviceConnectingDrainsTheBacklogToItsAgent() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            TestData data = new TestData(db);
            long account = data.account();
            long queue = data.queue(account, "support", "round_robin", true);
            long ana = data.agent("ana", 5, "online");
            data.join(ana, queue);
            IngestOutcome waiting = newCustomerWrites(account);
            assertTrue(waiting.assigneeId().isEmpty(), "nobody has a connected device yet");

            connect(account, ana);

            assertEquals(ana, data.assigneeOf(waiting.conversationId()));
        }
    }

    @Test
    void anAssigneeWhoDoesNotReplyWithinTheSlaLosesTheConversation() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            TestData data = new TestData(db);
            long account = data.account();
            long queue = data.queue(account, "urgent", "round_robin", true);
            data.update("UPDATE queue SET sla_seconds = 60 WHERE id = ?", queue);
            long ana = routable(data, account, queue, "ana", 10);
            long ben = routable(data, account, queue, "ben", 10);

            IngestOutcome ignored = newCustomerWrites(account);
            assertEquals(ana, ignored.assigneeId().orElseThrow());
            IngestOutcome answered = newCustomerWrites(account);
            assertEquals(ben, answered.assigneeId().orElseThrow());
            // Two minutes pass; ben has replied, ana has not.
            data.update("UPDATE conversation SET assigned_at = now() - interval '2 minutes' WHERE id IN (?, ?)",
                    ignored.conversationId(), answered.conversationId());
            data.update("UPDATE conversation SET first_response_at = now() WHERE id = ?", answered.conversationId());

            routing.reassignOverdue();

            assertEquals(ben, data.assigneeOf(ignored.conversationId()), "ana's silent conversation goes to ben");
            assertEquals(ben, data.assigneeOf(answered.conversationId()), "an answered conversation stays");
            assertEquals(1, data.count("""
                    SELECT count(*) FROM conversation_event
                     WHERE conversation_id = ? AND kind = 'transferred' AND from_agent_id = ? AND to_agent_id = ? AND reason LIKE 'no reply%'""",
                    ignored.conversationId(), ana, ben));
        }
    }

    @Test
    void outsideBusinessHoursConversationsWaitAndTheQueueAnswersAutomatically() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            TestData data = new TestData(db);
            long account = data.account();
            long queue = data.queue(account, "office", "round_robin", true);
            long ana = routable(data, account, queue, "ana", 10);
            // A one-hour window that starts two hours from now: closed at the moment.
            data.update("""
                    UPDATE queue SET opens_at = (now() AT TIME ZONE 'UTC' + interval '2 hours')::time,
                                     closes_at = (now() AT TIME ZONE 'UTC' + interval '3 hours')::time,
                                     out_of_hours_reply = 'We are closed; we answer from 9:00.'
                     WHERE id = ?""", queue);

            IngestOutcome closed = newCustomerWrites(account);
            assertTrue(closed.assigneeId().isEmpty(), "nobody is routed to outside hours");
            assertEquals("We are closed; we answer from 9:00.", closed.outOfHoursReply().orElseThrow());

            // Usual hours that include now (about noon in this zone), but today has its own hours,
            // which do not: still closed.
            String zone = noonZone();
            data.update("UPDATE queue SET time_zone = ?, opens_at = '10:00', closes_at = '15:00' WHERE id = ?", zone, queue);
            data.update("INSERT INTO queue_day_hours (queue_id, iso_day, opens_at, closes_at) VALUES (?, ?, '16:00', '17:00')",
                    queue, java.time.ZonedDateTime.now(java.time.ZoneId.of(zone)).getDayOfWeek().getValue());
            assertTrue(newCustomerWrites(account).assigneeId().isEmpty(), "today's own hours win over the usual ones");
            data.update("DELETE FROM queue_day_hours WHERE queue_id = ?", queue);
            assertEquals(ana, newCustomerWrites(account).assigneeId().orElseThrow(), "within the usual hours again");

            // Open around the clock from now on.
            data.update("UPDATE queue SET opens_at = NULL, closes_at = NULL WHERE id = ?", queue);
            IngestOutcome open = newCustomerWrites(account);
            assertEquals(ana, open.assigneeId().orElseThrow());
            assertTrue(open.outOfHoursReply().isEmpty());
        }
    }

    @Test
    void aShiftPastMidnightBelongsToTheDayItStarted() throws Exception {
        String zone = noonZone();
        int today = java.time.ZonedDateTime.now(java.time.ZoneId.of(zone)).getDayOfWeek().getValue();
        int yesterday = today == 1 ? 7 : today - 1;
        String allButToday = java.util.stream.IntStream.rangeClosed(1, 7).filter(d -> d != today)
                .mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(","));
        try (Connection db = dataSource.getConnection()) {
            TestData data = new TestData(db);
            long account = data.account();
            long queue = data.queue(account, "night shift", "round_robin", true);
            long ana = routable(data, account, queue, "ana", 10);
            // Yesterday's shift runs 23:00 to 14:00 today; today itself is not an open day.
            data.update("UPDATE queue SET time_zone = ?, opens_at = '23:00', closes_at = '14:00', open_days = ? WHERE id = ?",
                    zone, allButToday, queue);
            assertEquals(ana, newCustomerWrites(account).assigneeId().orElseThrow(),
                    "open: the night shift that started yesterday is still on");

            data.update("UPDATE queue SET open_days = ? WHERE id = ?", java.util.stream.IntStream.rangeClosed(1, 7)
                    .filter(d -> d != today && d != yesterday).mapToObj(Integer::toString)
                    .collect(java.util.stream.Collectors.joining(",")), queue);
            assertTrue(newCustomerWrites(account).assigneeId().isEmpty(), "closed: no shift started yesterday");
        }
    }

    /**
     * A fixed-offset time zone where it is now between 12:00 and 13:00, so that hours written
     * around noon hold whenever the test runs (none of them touch midnight). Etc/GMT-3 is UTC+3.
     */
    private static String noonZone() {
        int offset = 12 - java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).getHour();
        return offset == 0 ? "Etc/GMT" : offset > 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + -offset;
    }

    /** Online, in the queue, with a device connected through the real state machine. */
    private long routable(TestData data, long account, long queue, String name, int capacity) throws Exception {
        long agent = data.agent(name, capacity, "online");
        data.join(agent, queue);
        connect(account, agent);
        return agent;
    }

    private long connect(long account, long agent) {
        long device = devices.startLinking(account, agent, "test phone", "test");
        devices.transition(device, DeviceState.LINKED, "pairing code accepted", "test");
        devices.transition(device, DeviceState.CONNECTED, "session up", "test");
        return device;
    }

    private IngestOutcome newCustomerWrites(long account) {
        return ingest.ingest(inbound(account, customerPhone()));
    }

    private static InboundMessage inbound(long account, String phone) {
        return new InboundMessage(account, "m-" + UUID.randomUUID(), phone, null, "Hi", null, Instant.now());
    }

    private static String customerPhone() {
        return "+55" + (11_000_000_000L + ThreadLocalRandom.current().nextLong(999_999_999L));
    }
}
