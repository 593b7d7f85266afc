package com.teaminbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Direct access to the inbox database for the browser tests: to stand in for ingest (the
 * messaging network is not wired into the server yet) and to check what the UI changed.
 */
final class InboxDatabase {

    static final String DB_URL = System.getProperty("inbox.dbUrl", "jdbc:postgresql://127.0.0.1:5432/inbox_test");

    private InboxDatabase() {
    }

    /** A customer message waiting in a queue the agent serves (null: no agent), as ingest would leave it. */
    static long seedWaitingConversation(String agent, String customer, String text) throws Exception {
        return seedWaitingConversation(agent, customer, text, "Support");
    }

    /** The same in a queue of the given name (a new account each time). */
    static long seedWaitingConversation(String agent, String customer, String text, String queueName) throws Exception {
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "")) {
            db.setAutoCommit(false);
            String suffix = Long.toString(System.nanoTime() % 1_000_000_000L);
            long account = number(db, "INSERT INTO business_account (phone_number, display_name) VALUES (?, 'Demo Shop') RETURNING id",
                    "+1555" + suffix);
            long queue = number(db, "INSERT INTO queue (account_id, name, is_default) VALUES (?, ?, true) RETURNING id", account, queueName);
            if (agent != null) {
                try (PreparedStatement serve = db.prepareStatement(
                        "INSERT INTO agent_queue (agent_id, queue_id) SELECT id, ? FROM agent WHERE username = ?")) {
                    serve.setLong(1, queue);
                    serve.setString(2, agent);
                    assertEquals(1, serve.executeUpdate(), agent + " is known to the inbox after signing in");
                }
            }
            long contact = number(db, "INSERT INTO contact (account_id, phone_number, display_name) VALUES (?, ?, ?) RETURNING id",
                    account, "+1666" + suffix, customer);
            long conversation = number(db, "INSERT INTO conversation (account_id, contact_id, queue_id, status, last_customer_message_at) "
                    + "VALUES (?, ?, ?, 'open', now()) RETURNING id", account, contact, queue);
            number(db, "INSERT INTO message (account_id, conversation_id, direction, network_message_id, sent_from, body, "
                    + "delivery_state, sent_at) VALUES (?, ?, 'inbound', ?, 'customer', ?, 'delivered', now()) RETURNING id",
                    account, conversation, "seed-" + suffix, text);
            db.commit();
            return conversation;
        }
    }

    /** The first column of the first row as a number: an id RETURNING from an insert, a count, an id looked up. */
    /** The sandbox's business and its front desk queue (made on first use): where customers' chats arrive. */
    record FrontDesk(long account, long queue) {
    }

    static FrontDesk frontDesk(Connection db) throws Exception {
        update(db, "INSERT INTO business_account (phone_number, display_name) VALUES (?, 'Demo Bakery') "
                + "ON CONFLICT (phone_number) DO NOTHING", SandboxNetwork.BUSINESS);
        long account = number(db, "SELECT id FROM business_account WHERE phone_number = ?", SandboxNetwork.BUSINESS);
        update(db, "INSERT INTO queue (account_id, name, is_default) SELECT ?, 'Front desk', true "
                + "WHERE NOT EXISTS (SELECT 1 FROM queue WHERE account_id = ?)", account, account);
        return new FrontDesk(account, number(db, "SELECT id FROM queue WHERE account_id = ? ORDER BY id LIMIT 1", account));
    }

    /**
     * A signed-in user joins the queue with the given status and room for many chats (other
     * tests leave open conversations behind, and routing must still be able to pick them).
     */
    static long inQueue(Connection db, String username, long queue, String status) throws Exception {
        long agent = number(db, "SELECT id FROM agent WHERE username = ?", username);
        update(db, "INSERT INTO agent_queue (agent_id, queue_id) VALUES (?, ?) ON CONFLICT DO NOTHING", agent, queue);
        update(db, "UPDATE agent SET status = ?, capacity = 1000 WHERE id = ?", status, agent);
        return agent;
    }

    static long number(Connection db, String sql, Object... values) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static void update(Connection db, String sql, Object... values) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    /** Assigns as routing would (the change is announced to the live streams like any other). */
    static void assign(long conversation, String username) {
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "");
             PreparedStatement update = db.prepareStatement(
                     "UPDATE conversation SET assignee_id = (SELECT id FROM agent WHERE username = ?), assigned_at = now() WHERE id = ?")) {
            update.setString(1, username);
            update.setLong(2, conversation);
            update.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Long assignee(long conversation) {
        return (Long) single("SELECT assignee_id FROM conversation WHERE id = ?", conversation);
    }

    static String status(long conversation) {
        return (String) single("SELECT status FROM conversation WHERE id = ?", conversation);
    }

    static Long agentId(String username) {
        return (Long) single("SELECT id FROM agent WHERE username = ?", username);
    }

    static String agentStatus(String username) {
        return (String) single("SELECT status FROM agent WHERE username = ?", username);
    }

    private static Object single(String sql, Object value) {
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "");
             PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
