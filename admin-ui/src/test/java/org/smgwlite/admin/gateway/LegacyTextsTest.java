package org.smgwlite.admin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.platform.legacy.FirmwareStatusCode;
import org.smgwlite.platform.legacy.LegacyEvent;
import org.smgwlite.platform.legacy.LegacyGatewayView;
import org.smgwlite.platform.legacy.LegacyUpload;

class LegacyTextsTest {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("i18n.messages", Locale.ROOT);
    private static final AgentStatusText.Text TEXT = (key, params) -> MessageFormat.format(ENGLISH.getString(key), params);
    private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");

    private static LegacyGatewayView uploaded(Integer received, Integer inserted, Integer rejected) {
        return new LegacyGatewayView("a1", "smgwlite-a1", 7, "ISSUED", "1.4.2", null, null, "ISKRA MT681", "ts,m180", 42,
                received == null ? null : AT, received, inserted, rejected, null, null);
    }

    @Test
    void the_last_upload_shows_received_inserted_and_rejected_in_the_browser_format() {
        assertThat(LegacyTexts.counts(uploaded(1200, 1190, 10), new LocalFormats(Locale.GERMANY), TEXT)).isEqualTo("1.200 / 1.190 / 10");
        assertThat(LegacyTexts.counts(uploaded(null, null, null), new LocalFormats(Locale.UK), TEXT)).as("never uploaded").isEmpty();
    }

    @Test
    void an_event_shows_its_code_with_the_firmware_name_and_the_exact_uptime() {
        LegacyEvent sync = new LegacyEvent(AT, 6_005, 1028, FirmwareStatusCode.of(1028).meaning(), AT);
        LegacyEvent unknown = new LegacyEvent(AT, 999, 4242, FirmwareStatusCode.of(4242).meaning(), AT);

        assertThat(LegacyTexts.status(sync)).isEqualTo("1028 first NTP time sync");
        assertThat(LegacyTexts.uptime(sync)).isEqualTo("6.005 s");
        assertThat(LegacyTexts.status(unknown)).isEqualTo("4242 code 4242");
        assertThat(LegacyTexts.uptime(unknown)).isEqualTo("0.999 s");
    }

    @Test
    void an_upload_shows_its_five_counts_in_the_browser_format() {
        LegacyUpload u = new LegacyUpload(AT, 16_384, 200, 1024, 1500, 12, 3, 1498, "line 2 BEFORE_2020");
        assertThat(LegacyTexts.uploadCounts(u, new LocalFormats(Locale.GERMANY), TEXT)).isEqualTo("1.024 / 1.500 / 12 / 3 / 1.498");
    }

    @Test
    void every_key_of_the_import_and_uploads_screens_is_in_german_too_and_every_refusal_is_named() throws Exception {
        java.util.Properties german = new java.util.Properties();
        try (var in = LegacyTextsTest.class.getResourceAsStream("/i18n/messages_de.properties")) {
            german.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(ENGLISH.keySet().stream().filter(k -> k.startsWith("legacy.import") || k.startsWith("legacy.upload")))
                .isNotEmpty().allMatch(german::containsKey);
        for (org.smgwlite.platform.legacy.ImportRefusal r : org.smgwlite.platform.legacy.ImportRefusal.values()) {
            assertThat(ENGLISH.containsKey("legacy.import.refusal." + r.name())).as(r.name()).isTrue();
        }
    }
}
