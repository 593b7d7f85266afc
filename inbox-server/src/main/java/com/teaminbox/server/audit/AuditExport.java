package com.teaminbox.server.audit;

import com.teaminbox.server.platform.InboxDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The audit trail as RFC 4180 CSV, hashes included so that an archived copy can be verified
 * on its own. Cells that a spreadsheet would run as a formula (starting with =, +, -, @, TAB or
 * CR) are prefixed with a quote: an actor name or a detail must not become code on an
 * auditor's machine. The prefix changes what the chain hashed, so the last column,
 * {@code raw_fields}, carries the untouched value of every cell that was prefixed (a JSON
 * object, column name to raw value; empty when nothing was). docs/operations.md says how to
 * recompute the chain from it.
 */
@ApplicationScoped
public class AuditExport {

    static final String HEADER = "id,occurred_at,actor,action,subject_type,subject_id,device,details,previous_hash,hash,raw_fields\r\n";

    /** The columns whose values come from people or clients and are written through {@link #cell}. */
    private static final String[] TEXT_COLUMNS = {"actor", "action", "subject_type", "subject_id", "device", "details", "previous_hash", "hash"};

    @Resource(lookup = InboxDataSource.JNDI_NAME)
    private DataSource dataSource;

    public void write(OutputStream out) throws IOException {
        Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        csv.write(HEADER);
        try (Connection db = dataSource.getConnection()) {
            boolean autoCommit = db.getAutoCommit();
            db.setAutoCommit(false); // a cursor, not the whole table in memory
            try (PreparedStatement walk = db.prepareStatement("""
                    SELECT id, occurred_at, actor, action, subject_type, subject_id, device, details, previous_hash, hash
                      FROM audit_event ORDER BY id""")) {
                walk.setFetchSize(1000);
                try (ResultSet rows = walk.executeQuery()) {
                    while (rows.next()) {
                        String[] text = new String[TEXT_COLUMNS.length];
                        for (int i = 0; i < text.length; i++) {
                            text[i] = rows.getString(i + 3);
                        }
                        csv.write(line(rows.getLong(1), rows.getObject(2, OffsetDateTime.class), text));
                    }
                }
            } finally {
                db.rollback();
                db.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("could not read the audit trail", e));
        }
        csv.flush();
    }

    /** One entry as a CSV line: the display cells, then the raw value of each cell that was guarded. */
    static String line(long id, OffsetDateTime occurredAt, String... text) {
        StringBuilder line = new StringBuilder().append(id).append(',').append(occurredAt);
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < TEXT_COLUMNS.length; i++) {
            line.append(',').append(cell(text[i]));
            if (isFormulaLike(text[i])) {
                raw.put(TEXT_COLUMNS[i], text[i]);
            }
        }
        // a JSON object starts with "{": the column is safe in a spreadsheet by itself
        line.append(',').append(raw.isEmpty() ? "" : cell(json(raw)));
        return line.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = isFormulaLike(value) ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    /** OWASP's list for CSV injection: what spreadsheets read as the start of a formula. */
    static boolean isFormulaLike(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    private static String json(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(jsonString(name)).append(':').append(jsonString(value));
        });
        return out.append('}').toString();
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
