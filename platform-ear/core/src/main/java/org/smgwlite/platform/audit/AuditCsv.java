package org.smgwlite.platform.audit;

import java.io.IOException;
import java.io.Writer;

/**
 * Audit events as CSV (RFC 4180): one line per event, times in UTC. Every text field is quoted when it holds a comma,
 * quote or line break, and a field that a spreadsheet would run as a formula ({@code = + - @} first) gets a leading
 * apostrophe: actors, subjects and details come partly from gateways and must not become formulas on an operator's
 * desktop.
 */
public final class AuditCsv {

    public static final String HEADER = "at_utc,id,tenant,actor,action,subject,outcome,detail\r\n";

    private AuditCsv() {
    }

    public static void write(AuditEvent e, Writer out) throws IOException {
        out.append(e.at().toString()).append(',')
                .append(String.valueOf(e.id())).append(',')
                .append(field(e.tenantId() == null ? "" : e.tenantId().value())).append(',')
                .append(field(e.actor())).append(',')
                .append(e.action().name()).append(',')
                .append(field(e.subject())).append(',')
                .append(e.outcome().name()).append(',')
                .append(field(e.detail())).append("\r\n");
    }

    /** One CSV field: quoted where needed, neutralised where a spreadsheet would read a formula. */
    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
