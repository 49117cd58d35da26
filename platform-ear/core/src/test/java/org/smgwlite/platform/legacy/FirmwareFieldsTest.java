package org.smgwlite.platform.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smgwlite.platform.legacy.FirmwareField.M180;
import static org.smgwlite.platform.legacy.FirmwareField.M280;
import static org.smgwlite.platform.legacy.FirmwareField.SOLAR;
import static org.smgwlite.platform.legacy.FirmwareField.TEMP;
import static org.smgwlite.platform.legacy.FirmwareField.TS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.shared.InvalidInputException;

class FirmwareFieldsTest {

    @Test
    void the_fields_parameter_gives_columns_in_order_and_the_entry_size() {
        FirmwareFields all = FirmwareFields.fromQuery("ts,m180,temp,solar,m280", null, null);
        assertThat(all.columns()).containsExactly(TS, M180, TEMP, SOLAR, M280);
        assertThat(all.entrySize()).isEqualTo(20);
        assertThat(all.offsetOf(M280)).isEqualTo(16);

        FirmwareFields minimal = FirmwareFields.fromQuery("ts,m180", "true", "true");
        assertThat(minimal.columns()).as("fields wins over the old flags").containsExactly(TS, M180);
        assertThat(minimal.entrySize()).isEqualTo(8);
        assertThat(minimal.offsetOf(TEMP)).isEqualTo(-1);

        FirmwareFields exportOnly = FirmwareFields.parse("ts,m180,m280");
        assertThat(exportOnly.offsetOf(M280)).as("no temp, no solar: m280 right after m180").isEqualTo(8);
    }

    @Test
    void unknown_tokens_are_skipped_blanks_trimmed_and_a_repeated_token_counts_once() {
        FirmwareFields f = FirmwareFields.parse(" ts , m180,humidity,,m280,ts,TEMP");
        assertThat(f.columns()).containsExactly(TS, M180, M280);
        assertThat(f.entrySize()).isEqualTo(12);
        assertThat(f.tokens()).isEqualTo("ts,m180,m280");
    }

    @Test
    void a_manifest_without_a_known_field_or_without_ts_and_m180_is_refused_naming_the_parameter() {
        assertThatThrownBy(() -> FirmwareFields.parse("humidity,pressure"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("fields")
                                .hasEntrySatisfying("fields", m -> assertThat(m).contains("no known field")));
        assertThatThrownBy(() -> FirmwareFields.parse("ts,temp"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("fields")).isEqualTo("must name ts and m180, named ts,temp"));
        assertThatThrownBy(() -> FirmwareFields.parse("m180,solar")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void without_fields_the_old_flags_apply_and_temp_is_always_there() {
        assertThat(FirmwareFields.fromQuery(null, null, null).columns()).containsExactly(TS, M180, TEMP);
        assertThat(FirmwareFields.fromQuery("", "true", null).columns()).as("an empty fields counts as absent")
                .containsExactly(TS, M180, TEMP, SOLAR);
        assertThat(FirmwareFields.fromQuery(null, "true", "true").entrySize()).isEqualTo(20);
        FirmwareFields only280 = FirmwareFields.fromQuery(null, null, "true");
        assertThat(only280.columns()).as("2.8.0 without PV follows temp directly").containsExactly(TS, M180, TEMP, M280);
        assertThat(only280.offsetOf(M280)).isEqualTo(12);
        assertThat(FirmwareFields.fromQuery(null, "TRUE", "1").columns()).as("only the exact word true sets a flag")
                .isEqualTo(List.of(TS, M180, TEMP));
    }
}
