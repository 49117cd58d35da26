package org.smgwlite.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.shared.InvalidInputException;

class AgentStatusJsonTest {

    private static AgentStatus parse(String json) {
        return AgentStatusJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String fieldOf(String json) {
        try {
            parse(json);
        } catch (InvalidInputException e) {
            return e.fieldErrors().keySet().iterator().next() + ": " + e.fieldErrors().values().iterator().next();
        }
        throw new AssertionError("accepted " + json);
    }

    @Test
    void the_agents_document_is_read_and_unknown_members_are_ignored() {
        AgentStatus s = parse("{\"agentVersion\":\"0.1.0\",\"meterProtocol\":\"SML\",\"lastTelegramAt\":\"2026-11-30T11:59:58Z\","
                + "\"pendingValues\":12,\"storeBytes\":4096,\"storeCapacityBytes\":1048576,\"lastError\":null,"
                + "\"uptimeSeconds\":3600,\"futureField\":{\"x\":[1,2]}}");

        assertThat(s).isEqualTo(new AgentStatus("0.1.0", "SML", Instant.parse("2026-11-30T11:59:58Z"), 12L, 4096L, 1048576L,
                null, 3600L));
    }

    @Test
    void what_is_stored_reads_back_as_the_same_status_without_the_unknown_members() {
        AgentStatus s = new AgentStatus("0.1.0", null, null, 0L, null, null, "upload refused: \"x\"", null);
        String stored = AgentStatusJson.write(s);

        assertThat(stored).doesNotContain("meterProtocol").doesNotContain("futureField");
        assertThat(AgentStatusJson.read(stored)).isEqualTo(s);
    }

    @Test
    void a_long_error_text_is_cut_and_its_control_characters_become_spaces() {
        AgentStatus s = parse("{\"agentVersion\":\"0.1.0\",\"lastError\":\"line\\nnext" + "x".repeat(1000) + "\"}");

        assertThat(s.lastError()).hasSize(AgentStatusJson.MAX_ERROR_CHARS).startsWith("line next").endsWith("…");
    }

    @Test
    void bad_input_names_the_member_or_the_document() {
        assertThat(fieldOf("{\"agentVersion\":")).startsWith("status: is no JSON");
        assertThat(fieldOf("[1]")).isEqualTo("status: is no JSON object");
        assertThat(fieldOf("{\"meterProtocol\":\"SML\"}")).isEqualTo("agentVersion: is missing");
        assertThat(fieldOf("{\"agentVersion\":7}")).startsWith("agentVersion: is no string");
        assertThat(fieldOf("{\"agentVersion\":\"" + "9".repeat(41) + "\"}")).startsWith("agentVersion: must be at most 40");
        assertThat(fieldOf("{\"agentVersion\":\"1\",\"pendingValues\":-1}")).isEqualTo("pendingValues: is negative: -1");
        assertThat(fieldOf("{\"agentVersion\":\"1\",\"pendingValues\":1.5}")).startsWith("pendingValues: is no whole number");
        assertThat(fieldOf("{\"agentVersion\":\"1\",\"storeBytes\":99999999999999999999}")).startsWith("storeBytes: is too large");
        assertThat(fieldOf("{\"agentVersion\":\"1\",\"lastTelegramAt\":\"yesterday\"}")).startsWith("lastTelegramAt: is no UTC time");
    }
}
