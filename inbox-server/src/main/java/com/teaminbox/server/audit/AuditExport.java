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
import javax.sql.DataSource;

/**
 * The audit trail as RFC 4180 CSV, hashes included so that an archived copy can be verified
 * on its own. Cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with
 * a quote: an actor name must not become code on an auditor's machine.
 */
@ApplicationScoped
public class AuditExport {

    private static final String HEADER = "id,occurred_at,actor,action,subject_type,subject_id,device,details,previous_hash,hash\r\n";

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
                        csv.write(rows.getLong(1) + "," + rows.getObject(2, OffsetDateTime.class));
                        for (int column = 3; column <= 10; column++) {
                            csv.write(',');
                            csv.write(cell(rows.getString(column)));
                        }
                        csv.write("\r\n");
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

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
