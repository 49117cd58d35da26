package org.smgwlite.platform.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.metering.IngestionReport;
import org.smgwlite.platform.metering.RejectReason;

class UploadLogTextTest {

    private static IngestionReport.Reject reject(int line, RejectReason reason) {
        return new IngestionReport.Reject(line, "1-0:1.8.0*255", Instant.parse("2026-11-30T10:00:00Z"), reason, "detail");
    }

    @Test
    void a_few_rejects_are_named_by_line_and_reason_with_the_skipped_entries() {
        assertThat(UploadLogText.rejections(List.of(reject(2, RejectReason.BEFORE_2020), reject(3, RejectReason.IN_FUTURE),
                reject(4, RejectReason.DECREASING)), 1))
                .isEqualTo("line 2 BEFORE_2020, line 3 IN_FUTURE, line 4 DECREASING, 1 entry with 1.8.0 = 0 skipped");
        assertThat(UploadLogText.rejections(List.of(), 2)).isEqualTo("2 entries with 1.8.0 = 0 skipped");
        assertThat(UploadLogText.rejections(List.of(), 0)).as("nothing rejected: no text").isNull();
    }

    @Test
    void many_rejects_are_counted_per_reason_with_the_first_line() {
        List<IngestionReport.Reject> rejects = new ArrayList<>();
        for (int line = 7; line < 400; line++) {
            rejects.add(reject(line, line % 2 == 0 ? RejectReason.DECREASING : RejectReason.IN_FUTURE));
        }
        assertThat(UploadLogText.rejections(rejects, 0)).isEqualTo("IN_FUTURE ×197, DECREASING ×196, first on line 7");
    }

    @Test
    void a_refusal_is_cut_to_the_column() {
        assertThat(UploadLogText.refusal("body: 17 bytes is not a whole number of 8-byte entries"))
                .isEqualTo("body: 17 bytes is not a whole number of 8-byte entries");
        String cut = UploadLogText.refusal("x".repeat(400));
        assertThat(cut).hasSize(UploadLogText.MAX_CHARS).endsWith("…");
    }
}
