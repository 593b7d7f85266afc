package com.teaminbox.server.report;

import com.teaminbox.server.platform.InboxDataSource;
import com.teaminbox.server.rest.ProblemException;
import com.teaminbox.server.routing.WaitingReasons;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The report queries: each figure is computed by PostgreSQL (counts, percentile_cont), read-only. */
@ApplicationScoped
public class Reports {

    /** A conversation not resolved; the backlog's own condition. */
    private static final String OPEN = "c.status <> 'resolved'";

    private static final String LIVE_QUEUES = """
            SELECT q.id, q.account_id, b.display_name, q.name, q.sla_seconds,
                   (SELECT count(*) FROM conversation c WHERE c.queue_id = q.id AND %1$s) AS open,
                   (SELECT count(*) FROM conversation c WHERE c.queue_id = q.id AND %1$s AND c.assignee_id IS NULL) AS waiting,
                   (SELECT floor(extract(epoch FROM now() - COALESCE(c.last_customer_message_at, c.opened_at)))::bigint
                      FROM conversation c WHERE c.queue_id = q.id AND %1$s AND c.assignee_id IS NULL
                     ORDER BY c.opened_at, c.id LIMIT 1) AS longest_wait
              FROM queue q JOIN business_account b ON b.id = q.account_id
             ORDER BY b.display_name, q.account_id, q.name""".formatted(OPEN);

    /** People with the agent role who are not disabled, and anyone who still holds open conversations. */
    private static final String LIVE_AGENTS = """
            SELECT a.id, a.username, a.display_name, a.status, a.capacity, a.disabled,
                   (SELECT count(*) FROM conversation c WHERE c.assignee_id = a.id AND %1$s) AS open_assigned
              FROM agent a
             WHERE (NOT a.disabled AND 'agent' = ANY (string_to_array(replace(a.roles, ' ', ''), ',')))
                OR EXISTS (SELECT 1 FROM conversation c WHERE c.assignee_id = a.id AND %1$s)
             ORDER BY a.display_name, a.id""".formatted(OPEN);

    /** Per agent and account the live device, else the most recent one. */
    private static final String LIVE_DEVICES = """
            SELECT DISTINCT ON (d.agent_id, d.account_id) d.agent_id, d.account_id, b.phone_number, d.state
              FROM companion_device d JOIN business_account b ON b.id = d.account_id
             ORDER BY d.agent_id, d.account_id, (d.state IN ('logged_out', 'revoked')), d.id DESC""";

    /** ?1 from (date), ?2 to (date), ?3 queue id or 0 for every queue. */
    private static final String DAILY = """
            WITH bounds AS (
                SELECT CAST(?1 AS date) AS first_day, CAST(?2 AS date) AS last_day),
            scoped AS (
                SELECT c.opened_at, c.first_response_at, c.resolved_at, q.sla_seconds
                  FROM conversation c JOIN queue q ON q.id = c.queue_id
                 WHERE (CAST(?3 AS bigint) = 0 OR c.queue_id = CAST(?3 AS bigint))),
            opened AS (
                SELECT (s.opened_at AT TIME ZONE 'UTC')::date AS day, count(*) AS opened,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.first_response_at - s.opened_at)) AS frt_median,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM s.first_response_at - s.opened_at)) AS frt_p90,
                       count(*) FILTER (WHERE s.sla_seconds IS NOT NULL AND (
                              s.first_response_at > s.opened_at + s.sla_seconds * interval '1 second'
                           OR (s.first_response_at IS NULL
                               AND COALESCE(s.resolved_at, now()) > s.opened_at + s.sla_seconds * interval '1 second'))) AS breaches
                  FROM scoped s, bounds
                 WHERE s.opened_at >= bounds.first_day::timestamp AT TIME ZONE 'UTC'
                   AND s.opened_at < (bounds.last_day + 1)::timestamp AT TIME ZONE 'UTC'
                 GROUP BY 1),
            resolved AS (
                SELECT (s.resolved_at AT TIME ZONE 'UTC')::date AS day, count(*) AS resolved,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.resolved_at - s.opened_at)) AS res_median
                  FROM scoped s, bounds
                 WHERE s.resolved_at >= bounds.first_day::timestamp AT TIME ZONE 'UTC'
                   AND s.resolved_at < (bounds.last_day + 1)::timestamp AT TIME ZONE 'UTC'
                 GROUP BY 1)
            SELECT d.day::date, COALESCE(o.opened, 0), COALESCE(r.resolved, 0), o.frt_median, o.frt_p90, r.res_median,
                   COALESCE(o.breaches, 0)
              FROM bounds, generate_series(bounds.first_day, bounds.last_day, interval '1 day') AS d(day)
              LEFT JOIN opened o ON o.day = d.day::date
              LEFT JOIN resolved r ON r.day = d.day::date
             ORDER BY 1""";

    /** ?1 from, ?2 to, ?3 queue or 0. */
    private static final String PER_AGENT = """
            WITH bounds AS (
                SELECT CAST(?1 AS date)::timestamp AT TIME ZONE 'UTC' AS starts,
                       (CAST(?2 AS date) + 1)::timestamp AT TIME ZONE 'UTC' AS ends),
            handled AS (
                SELECT c.assignee_id AS agent_id, count(*) AS handled,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_response_at - c.opened_at)) AS frt_median
                  FROM conversation c, bounds
                 WHERE c.assignee_id IS NOT NULL AND c.opened_at >= bounds.starts AND c.opened_at < bounds.ends
                   AND (CAST(?3 AS bigint) = 0 OR c.queue_id = CAST(?3 AS bigint))
                 GROUP BY c.assignee_id),
            replies AS (
                SELECT m.agent_id, count(*) AS replies
                  FROM message m JOIN conversation c ON c.id = m.conversation_id, bounds
                 WHERE m.direction = 'outbound' AND m.agent_id IS NOT NULL
                   AND m.sent_at >= bounds.starts AND m.sent_at < bounds.ends
                   AND (CAST(?3 AS bigint) = 0 OR c.queue_id = CAST(?3 AS bigint))
                 GROUP BY m.agent_id)
            SELECT a.id, a.username, a.display_name, COALESCE(h.handled, 0), COALESCE(r.replies, 0), h.frt_median
              FROM agent a
              LEFT JOIN handled h ON h.agent_id = a.id
              LEFT JOIN replies r ON r.agent_id = a.id
             WHERE h.agent_id IS NOT NULL OR r.agent_id IS NOT NULL
             ORDER BY COALESCE(h.handled, 0) DESC, a.display_name, a.id""";

    @Resource(lookup = InboxDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private WaitingReasons waitingReasons;

    public LiveReport live() {
        try (Connection db = dataSource.getConnection()) {
            List<LiveReport.QueueNow> queues = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement(LIVE_QUEUES); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    queues.add(new LiveReport.QueueNow(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                            integer(rows, 5), rows.getLong(6), rows.getLong(7), longOrNull(rows, 8), null));
                }
            }
            Map<Long, String> why = waitingReasons.forQueues(queues.stream().filter(q -> q.waiting() > 0)
                    .map(LiveReport.QueueNow::id).toList());
            queues.replaceAll(q -> q.waiting() > 0 ? q.withWaitingReason(why.get(q.id())) : q);
            Map<Long, List<LiveReport.DeviceNow>> devices = new LinkedHashMap<>();
            try (PreparedStatement query = db.prepareStatement(LIVE_DEVICES); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    devices.computeIfAbsent(rows.getLong(1), agent -> new ArrayList<>())
                            .add(new LiveReport.DeviceNow(rows.getLong(2), rows.getString(3), rows.getString(4)));
                }
            }
            List<LiveReport.AgentNow> agents = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement(LIVE_AGENTS); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    agents.add(new LiveReport.AgentNow(id, rows.getString(2), rows.getString(3), rows.getString(4), rows.getInt(5),
                            rows.getBoolean(6), rows.getLong(7), devices.getOrDefault(id, List.of())));
                }
            }
            return new LiveReport(queues, agents);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the live report", e);
        }
    }

    public DailyReport daily(ReportRange range, Long queue) {
        try (Connection db = dataSource.getConnection()) {
            if (queue != null) {
                try (PreparedStatement exists = db.prepareStatement("SELECT 1 FROM queue WHERE id = ?")) {
                    exists.setLong(1, queue);
                    try (ResultSet rows = exists.executeQuery()) {
                        if (!rows.next()) {
                            throw new ProblemException(404, "queue: there is no queue " + queue + ".");
                        }
                    }
                }
            }
            List<DailyReport.Day> days = new ArrayList<>();
            try (PreparedStatement query = prepare(db, DAILY, range, queue); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    days.add(new DailyReport.Day(rows.getObject(1, java.time.LocalDate.class), rows.getLong(2), rows.getLong(3),
                            decimal(rows, 4), decimal(rows, 5), decimal(rows, 6), rows.getLong(7)));
                }
            }
            List<DailyReport.AgentVolume> agents = new ArrayList<>();
            try (PreparedStatement query = prepare(db, PER_AGENT, range, queue); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    agents.add(new DailyReport.AgentVolume(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getLong(5), decimal(rows, 6)));
                }
            }
            return new DailyReport(range.from(), range.to(), queue, days, agents);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the daily report", e);
        }
    }

    /** JDBC has no numbered parameters: the query's ?1, ?2, ?3 become positional ones in order of appearance. */
    private static PreparedStatement prepare(Connection db, String sql, ReportRange range, Long queue) throws SQLException {
        List<Object> values = new ArrayList<>();
        StringBuilder positional = new StringBuilder();
        java.util.regex.Matcher marker = java.util.regex.Pattern.compile("\\?([123])").matcher(sql);
        while (marker.find()) {
            values.add(switch (marker.group(1)) {
                case "1" -> Date.valueOf(range.from());
                case "2" -> Date.valueOf(range.to());
                default -> queue == null ? 0L : queue;
            });
            marker.appendReplacement(positional, "?");
        }
        marker.appendTail(positional);
        PreparedStatement statement = db.prepareStatement(positional.toString());
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return statement;
    }

    private static Integer integer(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private static Long longOrNull(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static Double decimal(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }
}
