package com.teaminbox.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the conversation list holds up at scale: seeds one account with N conversations (default
 * 100,000; two messages each, a mix of open, pending and resolved, some labelled, spread over
 * three queues and a few agents) straight into PostgreSQL, then times the list endpoint that the
 * agent workspace pages through — as a manager (sees everything) and as an agent (own and
 * queue's unassigned) — for the first page, a page deep in the cursor, each filter and a
 * search. Prints p50 / p95 / max per case and writes them as Markdown.
 *
 * <p>Not a test: it measures and reports; it asserts nothing about the numbers.
 */
public final class ConversationListBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String api = options.getOrDefault("api", "http://localhost:8090/api").replaceAll("/$", "");
        String keycloak = options.getOrDefault("keycloak", "http://localhost:8180").replaceAll("/$", "");
        String jdbc = options.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/inbox_bench");
        String dbUser = options.getOrDefault("db-user", "postgres");
        String dbPassword = options.getOrDefault("db-password", "");
        int conversations = Integer.parseInt(options.getOrDefault("conversations", "100000"));
        int repeats = Integer.parseInt(options.getOrDefault("repeats", "30"));
        Path out = Path.of(options.getOrDefault("out", "target/bench"));

        DemoTokens tokens = new DemoTokens(HTTP, keycloak);
        for (String user : List.of("maria", "alice")) {
            call(api + "/v1/me", tokens.token(user)); // registers the caller, as a first sign-in would
        }

        Seeded seeded;
        try (Connection db = DriverManager.getConnection(jdbc, dbUser, dbPassword)) {
            long started = System.nanoTime();
            seeded = seed(db, conversations);
            System.out.printf("Seeded %,d conversations and %,d messages in %.1f s%n", seeded.conversations(), seeded.messages(),
                    (System.nanoTime() - started) / 1e9);
        }

        String list = api + "/v1/conversations?limit=50";
        String deepCursor = Long.toString(seeded.middleId());
        record Case(String who, String what, String user, String url) {
        }
        List<Case> cases = List.of(
                new Case("manager", "first page, everything", "maria", list),
                new Case("manager", "page at the middle of " + seeded.conversations() + " (cursor)", "maria", list + "&cursor=" + deepCursor),
                new Case("manager", "status = open", "maria", list + "&status=open"),
                new Case("manager", "one queue", "maria", list + "&queue=" + seeded.returnsQueue()),
                new Case("manager", "label (1 in 20 labelled)", "maria", list + "&label=" + encode("vip")),
                new Case("manager", "search a customer's name (1 match)", "maria", list + "&q=" + encode("Customer " + (conversations / 3))),
                new Case("manager", "search a word in messages (no match)", "maria", list + "&q=" + encode("zzqx")),
                new Case("agent", "mine", "alice", list + "&scope=mine"),
                new Case("agent", "unassigned in my queues", "alice", list + "&scope=unassigned"),
                new Case("agent", "everything I may see, deep cursor", "alice", list + "&cursor=" + deepCursor));

        StringBuilder markdown = new StringBuilder("| who | list | p50 ms | p95 ms | max ms | rows |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
        System.out.printf("%n%-8s %-42s %8s %8s %8s %5s%n", "who", "list", "p50 ms", "p95 ms", "max ms", "rows");
        for (Case each : cases) {
            call(each.url(), tokens.token(each.user())); // warm: the first call compiles the plan and loads pages
            double[] millis = new double[repeats];
            int rows = 0;
            for (int i = 0; i < repeats; i++) {
                String token = tokens.token(each.user()); // outside the timing: a renewal is Keycloak's time
                long start = System.nanoTime();
                JsonNode page = call(each.url(), token);
                millis[i] = (System.nanoTime() - start) / 1e6;
                rows = page.get("items").size();
            }
            Arrays.sort(millis);
            double p50 = millis[repeats / 2];
            double p95 = millis[Math.min(repeats - 1, (int) Math.ceil(repeats * 0.95) - 1)];
            double max = millis[repeats - 1];
            System.out.printf("%-8s %-42s %8.1f %8.1f %8.1f %5d%n", each.who(), each.what(), p50, p95, max, rows);
            markdown.append(String.format("| %s | %s | %.1f | %.1f | %.1f | %d |%n", each.who(), each.what(), p50, p95, max, rows));
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("conversation-list.md"), markdown.toString());
        System.out.println("\nWritten to " + out.resolve("conversation-list.md"));
    }

    private record Seeded(long conversations, long messages, long middleId, long returnsQueue) {
    }

    /**
     * Set-based inserts with triggers off for the session (no live event or audit per seeded
     * row: the benchmark measures reading, and nobody is subscribed).
     */
    private static Seeded seed(Connection db, int count) throws Exception {
        db.setAutoCommit(false);
        try (Statement sql = db.createStatement()) {
            sql.execute("SET session_replication_role = replica");
            long account = single(db, "INSERT INTO business_account (phone_number, display_name) VALUES (?, 'Scale Test Shop') RETURNING id",
                    "+4900" + (System.currentTimeMillis() % 10_000_000L));
            long orders = single(db, "INSERT INTO queue (account_id, name, is_default) VALUES (?, 'Orders', true) RETURNING id", account);
            long billing = single(db, "INSERT INTO queue (account_id, name) VALUES (?, 'Billing') RETURNING id", account);
            long returns = single(db, "INSERT INTO queue (account_id, name) VALUES (?, 'Returns') RETURNING id", account);
            long alice = single(db, "SELECT id FROM agent WHERE username = ?", "alice");
            long maria = single(db, "SELECT id FROM agent WHERE username = ?", "maria");
            sql.executeUpdate("INSERT INTO agent_queue (agent_id, queue_id) VALUES (%d, %d)".formatted(alice, orders));
            sql.execute("""
                    INSERT INTO contact (account_id, phone_number, display_name)
                    SELECT %d, '+4915' || lpad(g::text, 9, '0'), 'Customer ' || g FROM generate_series(1, %d) g
                    """.formatted(account, count));
            // 60 % resolved, 10 % pending, 30 % open; of the open ones a third is unassigned,
            // the rest with alice, maria or nobody in particular.
            sql.execute("""
                    INSERT INTO conversation (account_id, contact_id, queue_id, status, assignee_id, opened_at,
                                              last_customer_message_at, resolved_at)
                    SELECT k.account_id, k.id,
                           CASE n %% 3 WHEN 0 THEN %d WHEN 1 THEN %d ELSE %d END,
                           CASE WHEN n %% 10 < 6 THEN 'resolved' WHEN n %% 10 = 6 THEN 'pending' ELSE 'open' END,
                           CASE WHEN n %% 10 < 6 THEN CASE n %% 2 WHEN 0 THEN %d ELSE %d END
                                WHEN n %% 10 = 7 THEN NULL WHEN n %% 10 = 8 THEN %d ELSE %d END,
                           now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval,
                           CASE WHEN n %% 10 < 6 THEN now() - (n || ' minutes')::interval + interval '20 minutes' END
                      FROM (SELECT id, account_id, row_number() OVER (ORDER BY id DESC) AS n FROM contact WHERE account_id = %d) k
                    """.formatted(orders, billing, returns, alice, maria, alice, maria, account));
            sql.execute("""
                    INSERT INTO message (account_id, conversation_id, direction, network_message_id, sent_from, body, delivery_state, sent_at)
                    SELECT c.account_id, c.id, 'inbound', 'scale-in-' || c.id, 'customer',
                           'Hello, I have a question about order ' || c.id, 'delivered', c.opened_at
                      FROM conversation c WHERE c.account_id = %d
                    UNION ALL
                    SELECT c.account_id, c.id, 'outbound', 'scale-out-' || c.id, 'companion',
                           'Thanks for writing, we are looking into it.', 'read', c.opened_at + interval '3 minutes'
                      FROM conversation c WHERE c.account_id = %d
                    """.formatted(account, account));
            long label = single(db, "INSERT INTO label (account_id, name) VALUES (?, 'vip') RETURNING id", account);
            sql.execute("INSERT INTO conversation_label (conversation_id, label_id) SELECT id, %d FROM conversation WHERE account_id = %d AND id %% 20 = 0"
                    .formatted(label, account));
            sql.execute("SET session_replication_role = DEFAULT");
            db.commit();
            sql.execute("ANALYZE contact");
            sql.execute("ANALYZE conversation");
            sql.execute("ANALYZE message");
            sql.execute("ANALYZE conversation_label");
            long seeded = single(db, "SELECT count(*) FROM conversation WHERE account_id = ?", account);
            long messages = single(db, "SELECT count(*) FROM message WHERE account_id = ?", account);
            long middle = single(db, "SELECT id FROM conversation WHERE account_id = ? ORDER BY id OFFSET ? LIMIT 1", account, seeded / 2);
            return new Seeded(seeded, messages, middle, returns);
        }
    }

    private static long single(Connection db, String sql, Object... values) throws Exception {
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

    private static JsonNode call(String url, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private ConversationListBenchmark() {
    }
}
