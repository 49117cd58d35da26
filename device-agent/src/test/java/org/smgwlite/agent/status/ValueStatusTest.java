package org.smgwlite.agent.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueStatusTest {

    @Test
    void theLevelIsTheWorstOfTheGatewayBits() {
        assertThat(ValueStatus.OK.level()).isEqualTo(PtbLevel.OK);
        assertThat(ValueStatus.OK.with(GatewayStatus.CRC_ERRORS).level()).isEqualTo(PtbLevel.WARNING);
        assertThat(ValueStatus.OK.with(GatewayStatus.CRC_ERRORS).with(GatewayStatus.TIME_NOT_SYNCHRONISED).level())
                .isEqualTo(PtbLevel.ERROR);
        assertThat(ValueStatus.OK.with(GatewayStatus.NO_VALUE).level().level()).isEqualTo(3);
        assertThat(GatewayStatus.names(ValueStatus.OK.with(GatewayStatus.METER_SILENT)
                .with(GatewayStatus.CLOCK_JUMP).gatewayBits())).containsExactly("METER_SILENT", "CLOCK_JUMP");
    }

    @Test
    void realMeterWordsInNormalOperationStayOkAndConfiguredMasksRaiseTheLevel() {
        for (long word : new long[] {0x182, 0x1b0, 0x1c0004, 0x1c0104, 0x1c7904, 0x1c8104, 0x101a2}) {
            assertThat(new ValueStatus(word, 0).level()).as("0x%x", word).isEqualTo(PtbLevel.OK);
        }
        MeterStatusWord family = new MeterStatusWord(0x20, 1L << 40);
        assertThat(new ValueStatus(0x1b0L, 0).level(family)).isEqualTo(PtbLevel.INFO);
        assertThat(new ValueStatus(0x182L | 1L << 40, GatewayStatus.CRC_ERRORS.bit()).level(family))
                .isEqualTo(PtbLevel.FATAL);
        assertThat(new ValueStatus(null, 0).level(family)).isEqualTo(PtbLevel.OK);
    }
}
