package org.smgwlite.platform.metering.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZonesJsonTest {

    @Test
    void energies_are_exact_strings_and_zone_names_are_escaped() {
        assertThat(ZonesJson.of(List.of(new ZoneEnergy("HT", new BigDecimal("3911.4000")),
                new ZoneEnergy("Nacht \"günstig\" \\ 1", new BigDecimal("1E+3")))))
                .isEqualTo("[{\"zone\":\"HT\",\"wh\":\"3911.4000\"},"
                        + "{\"zone\":\"Nacht \\\"günstig\\\" \\\\ 1\",\"wh\":\"1000\"}]");
        assertThat(ZonesJson.of(List.of())).isEqualTo("[]");
    }
}
