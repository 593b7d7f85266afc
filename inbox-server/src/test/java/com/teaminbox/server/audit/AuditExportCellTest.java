package com.teaminbox.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
