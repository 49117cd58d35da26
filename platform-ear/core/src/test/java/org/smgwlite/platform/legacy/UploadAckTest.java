package org.smgwlite.platform.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadAckTest {

    @Test
    void the_ack_carries_the_length_and_the_crc32_the_firmware_computed() {
        // CRC-32/IEEE check value of "123456789"; the firmware prints it with %08lx
        assertThat(UploadAck.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(new UploadAck(9, "cbf43926"));
        assertThat(UploadAck.of(new byte[0])).isEqualTo(new UploadAck(0, "00000000"));
        assertThat(UploadAck.of(new byte[] {0}).crc32()).as("leading zeros kept").isEqualTo("d202ef8d");
    }
}
