package org.smgwlite.agent.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smgwlite.agent.json.JsonObject;
import org.smgwlite.agent.meter.MeterProtocol;
import org.smgwlite.agent.statuspage.StatusView;
import org.smgwlite.agent.taf.Snapshot;

class AgentStatusDocumentTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static StatusView view(Snapshot latest, boolean silent, String lastUpload, boolean refused) {
        return new StatusView(NOW, "serial:/dev/ttyUSB0", latest, silent, 100, 0, 4096, 1 << 20, 120, 108, 0, null,
                lastUpload, refused, List.of(), "00");
    }

    @Test
    void the_document_carries_what_the_platform_reads() {
        Snapshot latest = new Snapshot(NOW.minusSeconds(2), "1EMH0012345678", List.of(), null, 0);

        JsonObject doc = JsonObject.parse(AgentStatusDocument.json(view(latest, false, null, false), "0.1.0", MeterProtocol.SML,
                NOW.minusSeconds(3600)));

        assertThat(doc.string("agentVersion")).isEqualTo("0.1.0");
        assertThat(doc.string("meterProtocol")).isEqualTo("SML");
        assertThat(doc.string("lastTelegramAt")).isEqualTo("2026-11-30T11:59:58Z");
        assertThat(doc.longValue("pendingValues")).isEqualTo(12);
        assertThat(doc.longValue("storeBytes")).isEqualTo(4096);
        assertThat(doc.longValue("storeCapacityBytes")).isEqualTo(1 << 20);
        assertThat(doc.longValue("uptimeSeconds")).isEqualTo(3600);
        assertThat(doc.optionalString("lastError")).isEmpty();
        assertThat(doc.optionalString("lastTelegramAt")).isPresent();
    }

    @Test
    void before_the_first_telegram_the_time_is_null_and_a_refused_upload_is_the_error_cut_to_its_limit() {
        String reason = "REFUSED batch 3: " + "x".repeat(1000);

        JsonObject doc = JsonObject.parse(AgentStatusDocument.json(view(null, true, reason, true), "dev", MeterProtocol.D0, NOW));

        assertThat(doc.has("lastTelegramAt")).isTrue();
        assertThat(doc.optionalString("lastTelegramAt")).isEmpty();
        assertThat(doc.string("meterProtocol")).isEqualTo("D0");
        assertThat(doc.string("lastError")).hasSize(AgentStatusDocument.MAX_ERROR_CHARS).startsWith("REFUSED batch 3: x");
        assertThat(AgentStatusDocument.lastError(view(null, true, "ok", false))).isEqualTo("meter silent");
    }
}
