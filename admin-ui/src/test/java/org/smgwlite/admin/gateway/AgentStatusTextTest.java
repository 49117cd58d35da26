package org.smgwlite.admin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.platform.gateway.AgentStatus;
import org.smgwlite.platform.gateway.GatewayState;
import org.smgwlite.platform.gateway.GatewaySummary;

class AgentStatusTextTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("i18n.messages", Locale.ROOT);
    private static final AgentStatusText.Text TEXT = (key, params) -> MessageFormat.format(ENGLISH.getString(key), params);
    private static final LocalFormats FORMATS = new LocalFormats(Locale.UK);

    private static GatewaySummary reported(AgentStatus status, Instant at) {
        return new GatewaySummary("EDEF01", 1, NOW, null, GatewayState.ACTIVE, 1, 1, null, null, null, null, null, null, null,
                status, at);
    }

    @Test
    void the_list_shows_version_protocol_pending_values_and_how_long_ago() {
        AgentStatus s = new AgentStatus("0.1.0", "SML", NOW, 12L, 10L, 100L, null, 60L);

        assertThat(AgentStatusText.line(reported(s, NOW.minusSeconds(190)), NOW, FORMATS, TEXT))
                .isEqualTo("v0.1.0 · SML · 12 pending · 3 min ago");
        assertThat(AgentStatusText.line(reported(s, NOW.minusSeconds(5 * 3600 + 59)), NOW, FORMATS, TEXT)).endsWith("· 5 h ago");
        assertThat(AgentStatusText.line(reported(s, NOW.minusSeconds(20)), NOW, FORMATS, TEXT)).endsWith("· just now");
    }

    @Test
    void unknown_fields_are_left_out_of_the_line_and_an_error_is_flagged() {
        AgentStatus s = new AgentStatus("dev", null, null, null, null, null, "REFUSED batch 3", null);

        assertThat(AgentStatusText.line(reported(s, NOW.minusSeconds(3 * 86400)), NOW, FORMATS, TEXT))
                .isEqualTo("vdev · error · 3 d ago");
        assertThat(AgentStatusText.details(reported(s, NOW), FORMATS, TEXT))
                .contains("meter protocol –", "store – % used").endsWith("Last error: REFUSED batch 3");
    }

    @Test
    void a_gateway_whose_agent_never_reported_has_an_empty_line_and_a_hint() {
        assertThat(AgentStatusText.line(reported(null, null), NOW, FORMATS, TEXT)).isEmpty();
        assertThat(AgentStatusText.details(reported(null, null), FORMATS, TEXT)).startsWith("The agent has not reported");
    }

    @Test
    void the_details_give_every_field_with_the_store_use_in_percent() {
        AgentStatus s = new AgentStatus("0.1.0", "SML", NOW.minusSeconds(2), 12L, 1536L, 4096L, null, 2 * 86400L + 5);

        assertThat(AgentStatusText.details(reported(s, NOW), FORMATS, TEXT))
                .contains("Agent version 0.1.0, meter protocol SML", "12 values waiting", "store 37.5 % used", "running for 2 d")
                .doesNotContain("Last error");
    }
}
