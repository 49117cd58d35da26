package org.smgwlite.platform.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class LegacyAnswerTest {

    @Test
    void the_upload_answer_is_the_ack_the_firmware_checks_with_the_counts_and_never_an_update_offer() {
        byte[] body = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(body);

        String json = new String(new LegacyAnswer(UploadAck.of(body), 2, 3, 1, 0, 1).json(), StandardCharsets.US_ASCII);

        assertThat(json).isEqualTo("{\"bytes\":16,\"crc32\":\"" + String.format("%08x", crc.getValue())
                + "\",\"received\":2,\"inserted\":3,\"duplicates\":1,\"rejected\":0,\"highResolution\":1,\"ota_check\":false}");
        assertThat(json).doesNotContain("fw_update");
        assertThat(json.length()).as("the firmware reads at most 1,024 body bytes").isLessThan(1024);
    }

    @Test
    void an_empty_upload_is_acknowledged_with_zero_bytes_and_the_crc_of_nothing() {
        assertThat(new String(new LegacyAnswer(UploadAck.of(new byte[0]), 0, 0, 0, 0, 0).json(), StandardCharsets.US_ASCII))
                .startsWith("{\"bytes\":0,\"crc32\":\"00000000\",");
    }

    @Test
    void backend_test_and_log_answers_are_what_current_firmware_reads() {
        assertThat(new String(LegacyAnswer.backendTestJson("AB4"), StandardCharsets.US_ASCII)).isEqualTo("{\"ok\":true,\"id\":\"AB4\"}");
        assertThat(new String(LegacyAnswer.logJson(UploadAck.of(new byte[12]), 1, 0), StandardCharsets.US_ASCII))
                .matches("\\{\"bytes\":12,\"crc32\":\"[0-9a-f]{8}\",\"received\":1,\"inserted\":0}");
    }
}
