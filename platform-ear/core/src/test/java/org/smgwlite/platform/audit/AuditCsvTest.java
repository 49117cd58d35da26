package org.smgwlite.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.TenantId;

class AuditCsvTest {

    @Test
    void plain_fields_stay_as_they_are_and_commas_and_quotes_are_quoted() {
        assertThat(AuditCsv.field("gateway:EDEF01")).isEqualTo("gateway:EDEF01");
        assertThat(AuditCsv.field("serial=ab, reason=KEY_COMPROMISE")).isEqualTo("\"serial=ab, reason=KEY_COMPROMISE\"");
        assertThat(AuditCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.field(null)).isEmpty();
    }

    @Test
    void a_field_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assertThat(AuditCsv.field("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(AuditCsv.field("+49")).isEqualTo("'+49");
        assertThat(AuditCsv.field("-1")).isEqualTo("'-1");
        assertThat(AuditCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void an_event_is_one_line_under_the_header_columns() throws Exception {
        AuditEvent event = new AuditEvent(TenantId.of("stadtwerke-demo"), "operator:anna", AuditAction.CERTIFICATE_REVOKED,
                "gateway:EDEF01", AuditEvent.Outcome.SUCCESS, "serial=ab reason=KEY_COMPROMISE, by phone");
        StringWriter out = new StringWriter();

        AuditCsv.write(event, out);

        String line = out.toString();
        assertThat(line).endsWith("\r\n").contains(",stadtwerke-demo,operator:anna,CERTIFICATE_REVOKED,gateway:EDEF01,SUCCESS,"
                + "\"serial=ab reason=KEY_COMPROMISE, by phone\"");
        assertThat(AuditCsv.HEADER.split(",")).hasSize(8);
    }
}
