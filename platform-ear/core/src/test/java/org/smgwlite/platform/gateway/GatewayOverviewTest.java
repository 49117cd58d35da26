package org.smgwlite.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GatewayOverviewTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void the_search_is_a_case_insensitive_prefix_whose_wildcards_match_literally() {
        assertThat(GatewayOverview.likePrefix("edef")).isEqualTo("EDEF%");
        assertThat(GatewayOverview.likePrefix("gw_1")).isEqualTo("GW\\_1%");
        assertThat(GatewayOverview.likePrefix("")).isEqualTo("%");
    }

    @Test
    void a_row_gets_its_state_from_the_one_rule_and_keeps_what_the_gateway_last_did() {
        Instant upload = NOW.minus(Duration.ofHours(30));
        Object[] row = {"EDEF01", 42L, Timestamp.from(NOW.minus(Duration.ofDays(10))), null, 2L, 2L,
                upload.atOffset(ZoneOffset.UTC), 96, 1, null, null, "METER_SILENT  ", OffsetDateTime.ofInstant(upload, ZoneOffset.UTC), null, null};

        GatewaySummary s = GatewayOverview.summary(row, NOW);

        assertThat(s.state()).isEqualTo(GatewayState.SILENT);
        assertThat(s.householdId()).isEqualTo(42);
        assertThat(s.lastUpload()).isEqualTo(upload);
        assertThat(s.accepted()).isEqualTo(96);
        assertThat(s.rejected()).isEqualTo(1);
        assertThat(s.lastTaf6At()).isNull();
        assertThat(s.lastEichlogType()).isEqualTo("METER_SILENT");
    }

    @Test
    void a_retired_gateway_is_revoked_even_with_certificates_left() {
        Object[] row = {"EDEF02", 1L, Timestamp.from(NOW), Timestamp.from(NOW), 1L, 1L, null, null, null, null, null, null, null, null, null};
        assertThat(GatewayOverview.summary(row, NOW).state()).isEqualTo(GatewayState.REVOKED);
    }
}
