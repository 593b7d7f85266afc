package com.teaminbox.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The end-to-end benchmark of the issue "customer messages per second stored and routed":
 * against a running inbox (Payara with inbox-server), the sandbox network and Keycloak, it
 * links four companions for four online agents, listens to the event stream as a manager,
 * drives the sandbox's load generator at several rates and measures, per rate, the messages
 * stored per second, whether the inbox kept up, the latency from the customer's send to the
 * SSE event, Payara's RSS and CPU; then PostgreSQL's raw single-row insert-and-commit rate on
 * the same machine. Prints a table and writes it as Markdown next to the raw evidence.
 *
 * <p>Not a test: it measures and reports, it asserts nothing about the numbers.
 */
public final class InboxBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Map<String, String> options;
    private final String api;
    private final String sandbox;
    private final String keycloak;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final long payaraPid;
    private final long sandboxPid;
    private final Path outDir;
    private final DemoTokens tokens;
    private final StringBuilder markdown = new StringBuilder();

    private InboxBenchmark(Map<String, String> options) {
        this.options = options;
        this.api = strip(option("api", "http://localhost:8090/api"));
        this.sandbox = strip(option("sandbox", "http://127.0.0.1:7791"));
        this.keycloak = strip(option("keycloak", "http://localhost:8180"));
        this.tokens = new DemoTokens(HTTP, keycloak);
        this.jdbcUrl = option("jdbc", "jdbc:postgresql://127.0.0.1:5432/inbox_bench");
        this.dbUser = option("db-user", "postgres");
        this.dbPassword = option("db-password", "");
        this.payaraPid = Long.parseLong(option("payara-pid", "0"));
        this.sandboxPid = Long.parseLong(option("sandbox-pid", "0"));
        this.outDir = Path.of(option("out", "target/bench"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        int status = 0;
        try {
            new InboxBenchmark(options).run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    // ------------------------------------------------------------------ the run

    record Phase(int rate, int seconds, int customers, int sent, int failed, double generatorRate, long stored,
                 long backlogAtEnd, double drainSeconds, double storedPerSecond, double medianSecond, double minSecond,
                 long[] sseLatency, long[] steadySseLatency, long[] storeLatency, int matched, int unmatchedConversations, long rssPeakMb,
                 long rssEndMb, double payaraCpu, double sandboxCpu, double machineCpu, double commitsPerMessage,
                 double rollbacksPerMessage, long messageUpdates, long outbound, String hotFrames, boolean keptUp) {
    }

    private void run() throws Exception {
        Files.createDirectories(outDir);
        int seconds = Integer.parseInt(option("seconds", "60"));
        int customers = Integer.parseInt(option("customers", "200"));
        int size = Integer.parseInt(option("size", "100"));
        List<Integer> rates = new ArrayList<>();
        for (String r : option("rates", "200,500,1000,2000").split(",")) {
            rates.add(Integer.parseInt(r.trim()));
        }
        say("Team Inbox benchmark: API " + api + ", sandbox " + sandbox + ", Keycloak " + keycloak + ", " + jdbcUrl);
        say("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, " + memTotalMb() + " MB RAM, Java "
                + System.getProperty("java.version"));

        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            db.setAutoCommit(true);
            long account = setUp(db);
            // Measured before the load, while the inbox is idle: a phase the inbox did not keep up
            // with goes on draining afterwards and would share the disk with this measurement.
            double[] raw = rawInsertRate(db, Integer.parseInt(option("raw-seconds", "10")));
            try (EventStream events = new EventStream(api, () -> token("maria"))) {
                events.awaitReady();
                say("Event stream open as maria (manager).");
                say("Payara RSS before the load: " + rssMb(payaraPid) + " MB");
                List<Phase> phases = new ArrayList<>();
                for (int rate : rates) {
                    Phase phase = phase(db, events, account, rate, seconds, customers, size);
                    phases.add(phase);
                    printPhase(phase);
                    if (!phase.keptUp()) {
                        say("The inbox did not keep up with " + rate + " messages/s: no higher rate is tried.");
                        break;
                    }
                }
                events.close();
                summary(phases, raw, events);
            }
        }
        Files.writeString(outDir.resolve("results.md"), markdown.toString());
        say("Written: " + outDir.resolve("results.md") + " (and jstack samples in " + outDir + ")");
    }

    /** The business account of the sandbox's business, a default queue, four online agents with connected companions. */
    private long setUp(Connection db) throws Exception {
        for (String user : List.of("alice", "bob", "maria", "adam")) {
            HttpResponse<String> me = call("GET", "/v1/me", user, null);
            if (me.statusCode() != 200) {
                throw new IllegalStateException("GET /v1/me as " + user + " answered " + me.statusCode() + ": " + me.body());
            }
        }
        String business = getJson(sandbox + "/api/phone").path("phoneNumber").asText();
        update(db, "INSERT INTO business_account (phone_number, display_name) VALUES (?, 'Demo Bakery') "
                + "ON CONFLICT (phone_number) DO NOTHING", business);
        long account = longOf(db, "SELECT id FROM business_account WHERE phone_number = ?", business);
        // No business hours: the queue is always open, so there is no automatic out-of-hours reply
        // and the only message rows of a conversation are the customer's.
        if (longOf(db, "SELECT count(*) FROM queue WHERE account_id = ? AND is_default", account) == 0) {
            update(db, "INSERT INTO queue (account_id, name, routing_policy, is_default) VALUES (?, 'front desk', 'round_robin', true)",
                    account);
        }
        long queue = longOf(db, "SELECT id FROM queue WHERE account_id = ? AND is_default", account);
        if (longOf(db, "SELECT count(*) FROM agent WHERE username = 'bench-dan'") == 0) {
            update(db, """
                    INSERT INTO agent (subject, username, display_name, roles, first_seen_at, last_seen_at, capacity, status)
                    VALUES ('bench-dan', 'bench-dan', 'Dan (benchmark)', 'agent', now(), now(), 1000, 'online')""");
        }
        List<Long> agents = new ArrayList<>();
        for (String user : List.of("alice", "bob", "maria", "bench-dan")) {
            long agent = longOf(db, "SELECT id FROM agent WHERE username = ?", user);
            agents.add(agent);
            // Capacity at its maximum: every conversation of the run can be assigned.
            update(db, "UPDATE agent SET status = 'online', status_changed_at = now(), capacity = 1000 WHERE id = ?", agent);
            update(db, "INSERT INTO agent_queue (agent_id, queue_id) VALUES (?, ?) ON CONFLICT DO NOTHING", agent, queue);
        }
        say("Account " + account + " (" + business + "), default queue " + queue + ", agents " + agents + " online.");

        List<Long> devices = new ArrayList<>();
        for (long agent : agents) {
            Long live = nullableLong(db, """
                    SELECT id FROM companion_device WHERE account_id = ? AND agent_id = ?
                       AND state NOT IN ('logged_out', 'revoked')""", account, agent);
            if (live != null) {
                devices.add(live);
                continue;
            }
            HttpResponse<String> started = call("POST", "/v1/devices", "adam",
                    "{\"accountId\":" + account + ",\"agentId\":" + agent + ",\"method\":\"qr\"}");
            if (started.statusCode() != 201) {
                throw new IllegalStateException("POST /v1/devices answered " + started.statusCode() + ": " + started.body());
            }
            JsonNode link = JSON.readTree(started.body());
            String qr = link.path("qr").asText(null);
            if (qr == null) {
                throw new IllegalStateException("no QR text to scan: " + started.body());
            }
            HttpResponse<String> scanned = post(sandbox + "/api/phone/scan", JSON.createObjectNode().put("qr", qr).toString());
            if (scanned.statusCode() != 200) {
                throw new IllegalStateException("the phone could not scan the QR: " + scanned.statusCode() + " " + scanned.body());
            }
            devices.add(link.path("deviceId").asLong());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (long device : devices) {
            while (!"connected".equals(stringOf(db, "SELECT state FROM companion_device WHERE id = ?", device))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("device " + device + " did not become connected within 120 s");
                }
                Thread.sleep(200);
            }
        }
        say("Companions " + devices + " connected.");
        // Conversations of earlier phases stay open (assigned); the benchmark's own counts start from a fresh id.
        return account;
    }

    private Phase phase(Connection db, EventStream events, long account, int rate, int seconds, int customers, int size)
            throws Exception {
        say("");
        say("Phase: " + customers + " new customers, " + rate + " messages/s for " + seconds + " s, " + size + " bytes each ...");
        long firstId = longOf(db, "SELECT coalesce(max(id), 0) FROM message") + 1;
        long eventsBefore = events.events("message");
        long[] xactBefore = xacts(db);
        long updatesBefore = messageUpdates(db);
        long[] cpuBefore = {cpuTicks(payaraPid), cpuTicks(sandboxPid)};
        long[] machineBefore = machineTicks();
        long rssPeak = 0;
        long started = System.nanoTime();
        long startedAt = System.currentTimeMillis();
        HttpResponse<String> load = post(sandbox + "/api/load", JSON.createObjectNode().put("customers", customers)
                .put("ratePerSecond", rate).put("seconds", seconds).put("size", size).toString());
        if (load.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST /api/load answered " + load.statusCode() + ": " + load.body());
        }
        JsonNode report = null;
        int samples = 0;
        Map<String, Integer> where = new HashMap<>();
        while (true) {
            Thread.sleep(1_000);
            rssPeak = Math.max(rssPeak, rssMb(payaraPid));
            double elapsed = (System.nanoTime() - started) / 1e9;
            if (samples < 5 && elapsed >= seconds * (0.3 + 0.1 * samples)) {
                jstack("rate-" + rate + "-" + (++samples), where);
            }
            report = getJson(sandbox + "/api/load");
            if (!report.path("running").asBoolean(true) || elapsed > seconds + 60) {
                break;
            }
            if (((int) elapsed) % 10 == 0) {
                say(String.format("  %3.0f s: sent %d, stored %d", elapsed, report.path("sent").asInt(),
                        storedSince(db, firstId)));
            }
        }
        double generatorSeconds = (System.nanoTime() - started) / 1e9;
        int sent = report.path("sent").asInt();
        int failed = report.path("failed").asInt();
        long storedAtEnd = storedSince(db, firstId);
        long backlogAtEnd = Math.max(0, sent - storedAtEnd);
        say(String.format("  generator done after %.1f s: sent %d (failed %d), stored %d, backlog %d", generatorSeconds, sent,
                failed, storedAtEnd, backlogAtEnd));

        // Drain: until every sent message is stored, or nothing moved for 15 s, at most 120 s.
        long drainStart = System.nanoTime();
        long lastCount = storedAtEnd;
        long lastMove = drainStart;
        while (lastCount < sent) {
            Thread.sleep(500);
            rssPeak = Math.max(rssPeak, rssMb(payaraPid));
            long now = System.nanoTime();
            long count = storedSince(db, firstId);
            if (count != lastCount) {
                lastCount = count;
                lastMove = now;
            }
            if (now - lastMove > TimeUnit.SECONDS.toNanos(15) || now - drainStart > TimeUnit.SECONDS.toNanos(120)) {
                break;
            }
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        // The event stream may lag behind the database: wait until it has announced every stored
        // message (or made no progress for 15 s, at most 120 s), and say how long that took.
        long storedNow = storedSince(db, firstId);
        long sseStart = System.nanoTime();
        long lastEvents = -1;
        long lastEventMove = sseStart;
        while (events.events("message") - eventsBefore < storedNow) {
            Thread.sleep(200);
            long now = System.nanoTime();
            long seen = events.events("message");
            if (seen != lastEvents) {
                lastEvents = seen;
                lastEventMove = now;
            }
            if (now - lastEventMove > TimeUnit.SECONDS.toNanos(15) || now - sseStart > TimeUnit.SECONDS.toNanos(120)) {
                break;
            }
        }
        double sseCatchUp = (System.nanoTime() - sseStart) / 1e9;
        say(String.format("  event stream caught up %.1f s after the last message was stored (%d of %d message events)",
                sseCatchUp, events.events("message") - eventsBefore, storedNow));
        Thread.sleep(1_000);
        long[] cpuAfter = {cpuTicks(payaraPid), cpuTicks(sandboxPid)};
        long[] machineAfter = machineTicks();
        double wall = (System.nanoTime() - started) / 1e9;
        long[] xactAfter = xacts(db);
        long updatesAfter = messageUpdates(db);

        // What was stored, per conversation in id order.
        Map<Long, List<long[]>> byConversation = new LinkedHashMap<>();
        List<Long> storedAt = new ArrayList<>();
        long outbound;
        try (PreparedStatement q = db.prepareStatement("""
                SELECT id, conversation_id, (extract(epoch FROM sent_at) * 1000)::bigint,
                       (extract(epoch FROM stored_at) * 1000)::bigint
                  FROM message WHERE id >= ? AND account_id = ? AND direction = 'inbound' ORDER BY id""")) {
            q.setLong(1, firstId);
            q.setLong(2, account);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    byConversation.computeIfAbsent(rs.getLong(2), c -> new ArrayList<>())
                            .add(new long[] {rs.getLong(1), rs.getLong(3), rs.getLong(4)});
                    storedAt.add(rs.getLong(4));
                }
            }
        }
        outbound = longOf(db, "SELECT count(*) FROM message WHERE id >= ? AND direction = 'outbound'", firstId);
        long stored = storedAt.size();

        // Send → SSE event: the k-th "message" event of a conversation is its k-th stored message.
        List<Long> sseLatency = new ArrayList<>();
        // Steady state: messages sent in the last third of the phase. Each new customer's first
        // message sets up Signal sessions with five devices (X3DH on both sides, key writes), so
        // the start of a phase is a burst of session set-ups the later messages do not have.
        long steadyFrom = startedAt + seconds * 2000L / 3;
        List<Long> steadySseLatency = new ArrayList<>();
        List<Long> storeLatency = new ArrayList<>();
        int unmatched = 0;
        for (Map.Entry<Long, List<long[]>> conversation : byConversation.entrySet()) {
            List<long[]> rows = conversation.getValue();
            List<Long> arrivals = events.messageArrivals(conversation.getKey());
            for (long[] row : rows) {
                storeLatency.add(row[2] - row[1]);
            }
            // Events arrive in commit order, so the first events pair with the first rows even
            // when the stream has not announced them all.
            if (arrivals.size() != rows.size()) {
                unmatched++;
            }
            for (int k = 0; k < Math.min(rows.size(), arrivals.size()); k++) {
                long latency = arrivals.get(k) - rows.get(k)[1];
                sseLatency.add(latency);
                if (rows.get(k)[1] >= steadyFrom) {
                    steadySseLatency.add(latency);
                }
            }
        }

        // Stored per second: from the first to the last stored message; per-second counts in between.
        Collections.sort(storedAt);
        double storedPerSecond = 0;
        double medianSecond = 0;
        double minSecond = 0;
        if (stored > 1) {
            double span = Math.max(1, storedAt.get(storedAt.size() - 1) - storedAt.get(0)) / 1000.0;
            storedPerSecond = stored / span;
            TreeMap<Long, Integer> perSecond = new TreeMap<>();
            for (long at : storedAt) {
                perSecond.merge(at / 1000, 1, Integer::sum);
            }
            // Whole seconds only: drop the first and last (partial) second.
            List<Integer> full = new ArrayList<>(perSecond.values());
            if (full.size() > 2) {
                full = new ArrayList<>(full.subList(1, full.size() - 1));
            }
            Collections.sort(full);
            medianSecond = full.get(full.size() / 2);
            minSecond = full.get(0);
        }
        double ticks = 100.0; // USER_HZ
        double payaraCpu = payaraPid > 0 ? (cpuAfter[0] - cpuBefore[0]) / ticks / wall : Double.NaN;
        double sandboxCpu = sandboxPid > 0 ? (cpuAfter[1] - cpuBefore[1]) / ticks / wall : Double.NaN;
        double machineCpu = machineAfter[1] == machineBefore[1] ? 0
                : (double) (machineAfter[0] - machineBefore[0]) / (machineAfter[1] - machineBefore[1]);
        double generatorRate = sent / (double) seconds;
        boolean keptUp = sent > 0 && backlogAfterDrain(stored, sent) <= Math.max(10, sent / 100)
                && drainSeconds <= 10 && generatorRate >= rate * 0.9;
        return new Phase(rate, seconds, customers, sent, failed, generatorRate, stored, backlogAtEnd, drainSeconds,
                storedPerSecond, medianSecond, minSecond, percentiles(sseLatency), percentiles(steadySseLatency),
                percentiles(storeLatency),
                sseLatency.size(), unmatched, rssPeak, rssMb(payaraPid), payaraCpu, sandboxCpu, machineCpu,
                stored == 0 ? 0 : (xactAfter[0] - xactBefore[0]) / (double) stored,
                stored == 0 ? 0 : (xactAfter[1] - xactBefore[1]) / (double) stored,
                updatesAfter - updatesBefore, outbound, top(where, 12), keptUp);
    }

    private static long backlogAfterDrain(long stored, long sent) {
        return Math.max(0, sent - stored);
    }

    // ------------------------------------------------------------------ PostgreSQL's own rate

    /** Single-row INSERT + COMMIT (autocommit) on a scratch table: one connection, then four. [one, four] per second. */
    private double[] rawInsertRate(Connection db, int seconds) throws Exception {
        say("");
        say("PostgreSQL raw rate: single-row INSERT, autocommit, " + seconds + " s with 1 connection, then 4 ...");
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_raw_insert");
            s.execute("""
                    CREATE TABLE bench_raw_insert (id BIGSERIAL PRIMARY KEY, account_id BIGINT NOT NULL,
                        network_message_id VARCHAR(128) NOT NULL, body TEXT, stored_at TIMESTAMPTZ NOT NULL DEFAULT now())""");
        }
        double one = insertFor(1, seconds);
        double four = insertFor(4, seconds);
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE bench_raw_insert");
        }
        say(String.format("  1 connection: %.0f commits/s; 4 connections: %.0f commits/s", one, four));
        return new double[] {one, four};
    }

    private double insertFor(int connections, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(connections);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String body = "x".repeat(100);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int worker = c;
            Thread t = new Thread(() -> {
                try (Connection conn = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                     PreparedStatement insert = conn.prepareStatement(
                             "INSERT INTO bench_raw_insert (account_id, network_message_id, body) VALUES (1, ?, ?)")) {
                    conn.setAutoCommit(true);
                    long n = 0;
                    while (System.nanoTime() < end) {
                        insert.setString(1, "raw-" + worker + "-" + n++);
                        insert.setString(2, body);
                        insert.executeUpdate();
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    finished.countDown();
                }
            });
            t.start();
        }
        finished.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("raw insert failed", failures.get(0));
        }
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }

    // ------------------------------------------------------------------ output

    private void printPhase(Phase p) {
        say(String.format("  stored %d of %d sent at %.0f/s (median second %.0f, slowest %.0f); backlog at the end %d, drained in %.1f s%s",
                p.stored(), p.sent(), p.storedPerSecond(), p.medianSecond(), p.minSecond(), p.backlogAtEnd(), p.drainSeconds(),
                p.keptUp() ? "" : "  -> DID NOT KEEP UP"));
        say(String.format("  send -> SSE event: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (%d messages matched, %d conversations with fewer events than rows)",
                p.sseLatency()[0], p.sseLatency()[1], p.sseLatency()[2], p.sseLatency()[3], p.matched(), p.unmatchedConversations()));
        say(String.format("  send -> SSE event, last third of the phase: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms",
                p.steadySseLatency()[0], p.steadySseLatency()[1], p.steadySseLatency()[2], p.steadySseLatency()[3]));
        say(String.format("  send -> stored (transaction start): p50 %d ms, p95 %d ms, p99 %d ms", p.storeLatency()[0],
                p.storeLatency()[1], p.storeLatency()[2]));
        say(String.format("  Payara RSS peak %d MB, end %d MB; CPU: Payara %.2f cores, sandbox %.2f cores, machine %.0f %% busy",
                p.rssPeakMb(), p.rssEndMb(), p.payaraCpu(), p.sandboxCpu(), p.machineCpu() * 100));
        say(String.format("  PostgreSQL: %.1f commits and %.1f rollbacks per stored message; message rows updated: %d; outbound rows: %d",
                p.commitsPerMessage(), p.rollbacksPerMessage(), p.messageUpdates(), p.outbound()));
        if (!p.hotFrames().isEmpty()) {
            say("  where Payara's threads in project code were (5 jstack samples; thread | state | top frame | project frame):");
            p.hotFrames().lines().forEach(l -> say("    " + l));
        }
    }

    private void summary(List<Phase> phases, double[] raw, EventStream events) {
        say("");
        say("==== Summary ====");
        md("| offered msgs/s | sent msgs/s | stored msgs/s (median second) | backlog at end → drained | send→SSE p50 / p95 / p99 (max) | last third: p50 / p95 / p99 | Payara RSS peak | Payara / sandbox CPU (cores) | commits + rollbacks per msg | kept up |");
        md("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        double best = 0;
        for (Phase p : phases) {
            md(String.format("| %d | %.0f | %.0f (%.0f) | %d → %.1f s | %d / %d / %d ms (%d) | %d / %d / %d ms | %d MB | %.2f / %.2f | %.1f + %.1f | %s |",
                    p.rate(), p.generatorRate(), p.storedPerSecond(), p.medianSecond(), p.backlogAtEnd(), p.drainSeconds(),
                    p.sseLatency()[0], p.sseLatency()[1], p.sseLatency()[2], p.sseLatency()[3], p.steadySseLatency()[0],
                    p.steadySseLatency()[1], p.steadySseLatency()[2], p.rssPeakMb(), p.payaraCpu(),
                    p.sandboxCpu(), p.commitsPerMessage(), p.rollbacksPerMessage(), p.keptUp() ? "yes" : "no"));
            best = Math.max(best, p.keptUp() ? p.medianSecond() : p.storedPerSecond());
        }
        md("");
        md(String.format("PostgreSQL raw single-row INSERT + COMMIT: %.0f/s with 1 connection, %.0f/s with 4 connections.", raw[0], raw[1]));
        md(String.format("Ratio inbox / raw: %.3f (against 1 connection), %.3f (against 4 connections), best inbox rate %.0f messages/s.",
                best / raw[0], best / raw[1], best));
        md(String.format("SSE events seen: %d message, %d conversation; stream reconnects: %d.", events.events("message"),
                events.events("conversation"), events.reconnects()));
    }

    private void md(String line) {
        say(line);
        markdown.append(line).append('\n');
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    static long[] percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return new long[] {-1, -1, -1, -1};
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new long[] {rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted.get(sorted.size() - 1)};
    }

    private static long rank(List<Long> sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    // ------------------------------------------------------------------ the machine

    private static long rssMb(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** utime + stime of a process, in clock ticks (all its threads). */
    private static long cpuTicks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** [busy, total] ticks of the whole machine. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static long memTotalMb() {
        try {
            return Long.parseLong(Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", "")) / 1024;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * A thread dump of Payara mid-run, kept in the output folder. Adds, per thread that runs
     * this project's code, "state | top frame | innermost project frame" to {@code where}: over
     * several samples that says where the device sessions spend their time (on the CPU, or
     * waiting for PostgreSQL in which statement).
     */
    private void jstack(String name, Map<String, Integer> where) {
        if (payaraPid <= 0) {
            return;
        }
        try {
            Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
            Path out = outDir.resolve("jstack-" + name + ".txt");
            Process p = new ProcessBuilder(jstack.toString(), Long.toString(payaraPid)).redirectOutput(out.toFile())
                    .redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroy();
                return;
            }
            for (String block : Files.readString(out).split("\n\n")) {
                List<String> lines = block.strip().lines().map(String::strip).toList();
                if (lines.isEmpty() || !lines.get(0).startsWith("\"")) {
                    continue;
                }
                String thread = lines.get(0).split("\"")[1].replaceAll("[-#]?[0-9]+$", "");
                String state = lines.stream().filter(l -> l.startsWith("java.lang.Thread.State:"))
                        .map(l -> l.substring(23).trim().replaceAll(" \\(.*", "")).findFirst().orElse("?");
                List<String> frames = lines.stream().filter(l -> l.startsWith("at ")).map(l -> l.substring(3)).toList();
                String app = frames.stream().filter(f -> f.startsWith("com.teaminbox.") && !f.contains("$Proxy$_$$_"))
                        .findFirst().orElse(null);
                if (app == null || frames.isEmpty()) {
                    continue;
                }
                String top = frames.get(0).replaceAll("\\(.*", "");
                where.merge(thread + " | " + state + " | " + top + " | " + app.replaceAll("^com\\.teaminbox\\.", ""), 1,
                        Integer::sum);
            }
        } catch (Exception e) {
            System.err.println("jstack failed: " + e.getMessage());
        }
    }

    private static String top(Map<String, Integer> counts, int limit) {
        StringBuilder top = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> top.append(e.getValue()).append(" x ").append(e.getKey()).append('\n'));
        return top.toString();
    }

    // ------------------------------------------------------------------ database helpers

    private static long[] xacts(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static long messageUpdates(Connection db) throws SQLException {
        Long n = nullableLong(db, "SELECT n_tup_upd FROM pg_stat_user_tables WHERE relname = 'message'");
        return n == null ? 0 : n;
    }

    private static long storedSince(Connection db, long firstId) throws SQLException {
        return longOf(db, "SELECT count(*) FROM message WHERE id >= ? AND direction = 'inbound'", firstId);
    }

    private static void update(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(db, sql, params)) {
            s.executeUpdate();
        }
    }

    private static long longOf(Connection db, String sql, Object... params) throws SQLException {
        Long value = nullableLong(db, sql, params);
        if (value == null) {
            throw new IllegalStateException("no row for: " + sql);
        }
        return value;
    }

    private static Long nullableLong(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(db, sql, params); ResultSet rs = s.executeQuery()) {
            return rs.next() ? (Long) rs.getObject(1, Long.class) : null;
        }
    }

    private static String stringOf(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(db, sql, params); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... params) throws SQLException {
        PreparedStatement s = db.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    // ------------------------------------------------------------------ HTTP helpers

    private String token(String user) {
        return tokens.token(user);
    }

    private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + token(user));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The sandbox's admin server closes idle connections without saying so; a pooled
     * connection then fails with "header parser received no bytes". Each admin call gets a
     * connection of its own.
     */
    private static HttpResponse<String> sandboxCall(HttpRequest request) throws Exception {
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return fresh.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return sandboxCall(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> answer = sandboxCall(HttpRequest.newBuilder(URI.create(url)).GET().build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    static String at(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
