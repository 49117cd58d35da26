package org.smgwlite.metering.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The quick reading of a value line's slot must agree with {@link Instant#parse} on every text, good or bad. */
class BatchFormatInstantTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T23:45:00Z", "1970-01-01T00:00:00Z", "2024-02-29T12:15:00Z", "9999-12-31T23:59:59Z",
            "0001-01-01T00:00:00Z", "2026-03-29T01:00:00Z"})
    void a_whole_second_utc_instant_reads_as_instant_parse_reads_it(String text) {
        assertThat(BatchFormat.wholeSecondUtc(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-24T24:00:00Z", "2026-11-24T23:60:00Z",
            "2026-11-24T23:59:60Z", "2026-11-24 23:45:00Z", "2026-11-24T23:45:00+01:00", "2026-11-24T23:45:00.5Z",
            "+2026-11-24T23:45:00Z", "2026-1a-24T23:45:00Z", "", "2026-11-24T23:45Z"})
    void anything_else_is_left_to_instant_parse(String text) {
        assertThat(BatchFormat.wholeSecondUtc(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-24T23:60:00Z", "2026-11-24T23:45:00"})
    void a_date_instant_parse_refuses_is_refused_with_its_line(String slot) {
        Instant good = Instant.parse("2026-11-24T23:45:00Z");
        String body = new String(BatchFormat.encode(new ReadingBatch("EGW1", good, List.of(
                new BatchValue(1, 7, good, "1-0:1.8.0*255", BigInteger.valueOf(100), 0, "Wh", 0, 0)), List.of())),
                StandardCharsets.UTF_8).replace("\t" + good + "\t1-0", "\t" + slot + "\t1-0");
        assertThatThrownBy(() -> Instant.parse(slot)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> BatchFormat.decode(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BatchFormatException.class).hasMessageContaining("4").hasMessageContaining(slot);
    }
}
