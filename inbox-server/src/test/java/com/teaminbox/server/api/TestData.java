package com.teaminbox.server.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Rows the scenarios start from, written straight into PostgreSQL. Each scenario gets its own
 * business account (and so its own queues and contacts), so scenarios do not see each other's
 * conversations however often the suite runs against the same database.
 */
public final class TestData {

    private final Connection db;

    public TestData(Connection db) {
        this.db = db;
    }

    public long account() throws SQLException {
        String phone = "+1" + (1_000_000_000L + ThreadLocalRandom.current().nextLong(8_999_999_999L));
        return id("INSERT INTO business_account (phone_number, display_name) VALUES (?, 'Test shop') RETURNING id", phone);
    }

    /** The account of a business number the sandbox network knows (created on first use). */
    public long account(String phoneNumber, String displayName) throws SQLException {
        update("INSERT INTO business_account (phone_number, display_name) VALUES (?, ?) ON CONFLICT (phone_number) DO NOTHING",
                phoneNumber, displayName);
        return id("SELECT id FROM business_account WHERE phone_number = ?", phoneNumber);
    }

    /** The agent joins the queue and is online: routing may pick them. */
    public void onlineIn(long agent, long queue) throws SQLException {
        join(agent, queue);
        setStatus(agent, "online");
    }

    public long queue(long account, String name, String policy, boolean isDefault) throws SQLException {
        return id("INSERT INTO queue (account_id, name, routing_policy, is_default) VALUES (?, ?, ?, ?) RETURNING id",
                account, name, policy, isDefault);
    }

    /** A synthetic agent (never signs in); the name shows up in assertion messages. */
    public long agent(String name, int capacity, String status) throws SQLException {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return id("""
                INSERT INTO agent (subject, username, display_name, roles, first_seen_at, last_seen_at, capacity, status)
                VALUES (?, ?, ?, 'agent', now(), now(), ?, ?) RETURNING id
                """, UUID.randomUUID().toString(), username, name, capacity, status);
    }

    public long agentId(String username) throws SQLException {
        return id("SELECT id FROM agent WHERE username = ?", username);
    }

    public void join(long agent, long queue) throws SQLException {
        update("INSERT INTO agent_queue (agent_id, queue_id) VALUES (?, ?) ON CONFLICT DO NOTHING", agent, queue);
    }

    /** A device already connected, for scenarios that are not about the device life cycle. */
    public long connectedDevice(long account, long agent) throws SQLException {
        return id("INSERT INTO companion_device (account_id, agent_id, state) VALUES (?, ?, 'connected') RETURNING id", account, agent);
    }

    public long contact(long account) throws SQLException {
        String phone = "+44" + (7_000_000_000L + ThreadLocalRandom.current().nextLong(999_999_999L));
        return id("INSERT INTO contact (account_id, phone_number) VALUES (?, ?) RETURNING id", account, phone);
    }

    /** An open conversation with a new contact, assigned to {@code assignee} (null: unassigned). */
    public long conversation(long account, long queue, Long assignee) throws SQLException {
        long contact = contact(account);
        return id("""
                INSERT INTO conversation (account_id, contact_id, queue_id, status, assignee_id, last_customer_message_at)
                VALUES (?, ?, ?, 'open', ?, now()) RETURNING id
                """, account, contact, queue, assignee);
    }

    public void setStatus(long agent, String status) throws SQLException {
        update("UPDATE agent SET status = ? WHERE id = ?", status, agent);
    }

    public Long assigneeOf(long conversation) throws SQLException {
        try (PreparedStatement statement = prepare("SELECT assignee_id FROM conversation WHERE id = ?", conversation);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            long value = rows.getLong(1);
            return rows.wasNull() ? null : value;
        }
    }

    public long count(String sql, Object... parameters) throws SQLException {
        return id(sql, parameters);
    }

    public String string(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    public void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private long id(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("no row for " + sql);
            }
            return rows.getLong(1);
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
