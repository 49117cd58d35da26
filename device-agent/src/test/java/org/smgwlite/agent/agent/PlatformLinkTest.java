package org.smgwlite.agent.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.smgwlite.agent.upload.Uploader;

/** Which of the upload's lines are a batch's outcome, and so go to the Eichlog (for the agent and the demo gateway alike). */
class PlatformLinkTest {

    @Test
    void acknowledgedRefusedAndUnansweredBatchesAreOutcomesProgressIsNot() {
        assertThat(PlatformLink.isOutcome(Uploader.ACKNOWLEDGED + ": 96 values (seq 1..96), 3 Eichlog entries, {}")).isTrue();
        assertThat(PlatformLink.isOutcome(Uploader.REFUSED + ": 400 {\"reason\":\"MALFORMED\"}; 96 values kept")).isTrue();
        assertThat(PlatformLink.isOutcome(Uploader.UNANSWERED + " after 8 attempts (503 ); 96 values kept")).isTrue();
        assertThat(PlatformLink.isOutcome("upload attempt 1 failed (I/O: refused), next in PT1M")).isFalse();
        assertThat(PlatformLink.isOutcome("next upload at 2026-03-05T00:17:00Z")).isFalse();
        assertThat(PlatformLink.isOutcome("enrolled: TLS certificate 1f")).isFalse();
    }
}
