package org.smgwlite.platform.metering.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionSettingsTest {

    @Test
    void an_absent_period_keeps_forever_and_a_negative_one_is_refused_by_name() {
        RetentionSettings settings = RetentionSettings.of(Map.of("smgw.retention.months", 48, "smgw.retention.log-days", -1),
                Path.of("/archive"));
        assertThat(settings.period("smgw.retention.months")).isEqualTo(48);
        assertThat(settings.period("smgw.retention.hires-months")).isZero();
        assertThatThrownBy(() -> settings.period("smgw.retention.log-days")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("smgw.retention.log-days is -1: a period is 0 (keep forever) or more");
    }

    @Test
    void a_period_without_an_archive_directory_names_both_settings() {
        RetentionSettings settings = RetentionSettings.of(Map.of("smgw.retention.months", 48), null);
        assertThatThrownBy(() -> settings.requireArchiveDir("smgw.retention.months")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("smgw.retention.months is 48").hasMessageContaining(RetentionSettings.ARCHIVE_DIR);
    }
}
