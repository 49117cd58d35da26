package org.smgwlite.agent.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueStatusTest {

    @Test
    void theLevelIsTheWorstOfMeterWordAndGatewayBits() {
        assertThat(ValueStatus.OK.level()).isEqualTo(PtbLevel.OK);
        assertThat(new ValueStatus(0x100L, 0).level()).as("FNN marker alone").isEqualTo(PtbLevel.OK);
        assertThat(new ValueStatus(0x120L, 0).level()).as("export direction").isEqualTo(PtbLevel.INFO);
        assertThat(new ValueStatus(0x100L | (1 << 12), 0).level()).as("magnetic manipulation").isEqualTo(PtbLevel.FATAL);
        assertThat(new ValueStatus(0x100L, 0).with(GatewayStatus.CRC_ERRORS).level()).isEqualTo(PtbLevel.WARNING);
        assertThat(new ValueStatus(0x120L, 0).with(GatewayStatus.CRC_ERRORS).with(GatewayStatus.TIME_NOT_SYNCHRONISED)
                .level()).isEqualTo(PtbLevel.ERROR);
        assertThat(new ValueStatus(1L << 13, GatewayStatus.METER_SILENT.bit()).level()).isEqualTo(PtbLevel.FATAL);
        assertThat(new ValueStatus(0x100L | 1L << 30, 0).level()).as("unknown bit is shown").isEqualTo(PtbLevel.INFO);
        assertThat(PtbLevel.ERROR.level()).isEqualTo(3);
    }
}
