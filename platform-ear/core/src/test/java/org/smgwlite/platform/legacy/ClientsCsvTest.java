package org.smgwlite.platform.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientsCsvTest {

    private static final String H1 = LegacyToken.sha256Hex("token-of-AB4");
    private static final String H2 = LegacyToken.sha256Hex("token-of-AW6");
    private static final String H3 = LegacyToken.sha256Hex("token-of-BF1");

    private static String ids(ClientsCsv.Result r) {
        return String.join(",", r.clients().stream().map(c -> c.deviceId().value() + "@" + c.line()).toList());
    }

    @Test
    void a_phpmyadmin_export_with_header_quotes_and_semicolons_is_read_by_column_name() {
        String csv = "\uFEFF\"id\";\"device_id\";\"token\";\"grafana_ids\";\"endpoint\";\"comment\"\r\n"
                + "\"1\";\"AB4\";\"" + H1 + "\";\"[3;4]\";\"https://x/y/index.php\";\"kitchen; \"\"old\"\" meter\"\r\n"
                + "\"2\";\"AW6\";\"" + H2.toUpperCase() + "\";NULL;NULL;NULL\r\n";
        ClientsCsv.Result r = ClientsCsv.parse(csv);
        assertThat(r.errors()).isEmpty();
        assertThat(ids(r)).isEqualTo("AB4@2,AW6@3");
        assertThat(r.clients().get(0).tokenSha256()).isEqualTo(H1);
        assertThat(r.clients().get(1).tokenSha256()).as("stored in lower case").isEqualTo(H2);
    }

    @Test
    void without_header_two_columns_are_device_and_token_more_are_the_table_order() {
        ClientsCsv.Result two = ClientsCsv.parse("AB4, " + H1 + "\nAW6," + H2 + "\n");
        assertThat(ids(two)).isEqualTo("AB4@1,AW6@2");

        ClientsCsv.Result table = ClientsCsv.parse("7,BF1," + H3 + ",,,2025-01-01 00:00:00\n");
        assertThat(ids(table)).isEqualTo("BF1@1");
        assertThat(table.clients().get(0).tokenSha256()).isEqualTo(H3);
    }

    @Test
    void each_bad_line_is_named_with_its_reason_and_the_good_lines_are_kept() {
        String csv = "device_id;token\n"
                + "AB4;" + H1 + "\n"
                + "\n"
                + "ABCD;" + H2 + "\n"
                + "AW6;secret-in-clear\n"
                + "BF1;NULL\n"
                + "AB4;" + H3 + "\n"
                + "X&Y;" + H3 + "\n"
                + "C1\n"
                + "\"C2;" + H3 + "\n"
                + "BF1;" + H3 + "\n";
        ClientsCsv.Result r = ClientsCsv.parse(csv);
        assertThat(ids(r)).isEqualTo("AB4@2,BF1@11");
        assertThat(r.errors()).extracting(ClientsCsv.LineError::line).containsExactly(4, 5, 6, 7, 8, 9, 10);
        assertThat(r.errors()).extracting(ClientsCsv.LineError::reason).containsExactly(
                "device_id 'ABCD' is not 1-3 letters, digits or - . _ ~ (the firmware's ID field)",
                "token of 'AW6' is not a SHA-256 (64 hex digits); export the table's hashed token column, not a token in clear",
                "device_id 'BF1' has no token",
                "device_id 'AB4' already on line 2",
                "device_id 'X&Y' is not 1-3 letters, digits or - . _ ~ (the firmware's ID field)",
                "1 column(s), need at least 2 (device_id, token)",
                "a quote is not closed on this line");
        assertThat(r.errors()).extracting(ClientsCsv.LineError::refusal).containsExactly(ImportRefusal.DEVICE_ID_FORMAT,
                ImportRefusal.BAD_HASH, ImportRefusal.NO_TOKEN, ImportRefusal.DUPLICATE_IN_FILE,
                ImportRefusal.DEVICE_ID_FORMAT, ImportRefusal.LINE_FORMAT, ImportRefusal.LINE_FORMAT);
        assertThat(r.errors()).extracting(ClientsCsv.LineError::deviceId).containsExactly("ABCD", "AW6", "BF1", "AB4", "X&Y",
                "C1", null);
    }

    @Test
    void a_header_without_a_token_column_is_refused_once() {
        ClientsCsv.Result r = ClientsCsv.parse("id;device_id;comment\n1;AB4;x\n");
        assertThat(r.clients()).isEmpty();
        assertThat(r.errors()).containsExactly(
                new ClientsCsv.LineError(1, null, ImportRefusal.LINE_FORMAT,
                        "the header must name both a device_id and a token column"));
    }
}
