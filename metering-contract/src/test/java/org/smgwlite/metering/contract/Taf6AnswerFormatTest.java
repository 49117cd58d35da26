package org.smgwlite.metering.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The optional request id on TAF 6 lines: how a gateway's answer names the platform's request. */
class Taf6AnswerFormatTest {

    private static final Instant READ_AT = Instant.parse("2026-11-25T10:07:31.250Z");

    private static BatchValue answer(String obis, long unscaled, Long requestId) {
        return new BatchValue(42, 6, READ_AT, obis, BigInteger.valueOf(unscaled), -1, "Wh", 0, 0, requestId);
    }

    @Test
    void a_taf6_answer_carries_its_request_id_as_an_eleventh_field_and_round_trips() {
        List<BatchValue> values = new ArrayList<>(SignedBatchesTest.day("EDEF0000000020").values());
        values.add(answer("1-0:1.8.0*255", 1_024_000, 917L));
        values.add(answer("1-0:2.8.0*255", 6_000, 917L));
        ReadingBatch batch = new ReadingBatch("EDEF0000000020", READ_AT, values, List.of());

        byte[] body = BatchFormat.encode(batch);

        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).contains("V\t42\t6\t2026-11-25T10:07:31.250Z\t1-0:1.8.0*255\t1024000\t-1\tWh\t0\t0\t917\n");
        ReadingBatch decoded = BatchFormat.decode(body);
        assertThat(decoded).isEqualTo(batch);
        assertThat(decoded.values().get(192).requestId()).isEqualTo(917L);
        assertThat(decoded.values().get(0).requestId()).isNull();
    }

    @Test
    void values_without_a_request_are_written_exactly_as_before_so_old_batches_still_read() {
        BatchValue taf7 = new BatchValue(42, 7, Instant.parse("2026-11-24T00:15:00Z"), "1-0:1.8.0*255",
                BigInteger.valueOf(1_000_250), -1, "Wh", 0, 0);
        BatchValue local = answer("1-0:1.8.0*255", 1_024_000, null);
        String text = new String(BatchFormat.encode(new ReadingBatch("EDEF0000000021", READ_AT, List.of(taf7, local), List.of())),
                StandardCharsets.UTF_8);

        assertThat(text).contains("V\t42\t7\t2026-11-24T00:15:00Z\t1-0:1.8.0*255\t1000250\t-1\tWh\t0\t0\n")
                .contains("V\t42\t6\t2026-11-25T10:07:31.250Z\t1-0:1.8.0*255\t1024000\t-1\tWh\t0\t0\n");
        String version1Body = "SMGWLITE-BATCH\t1\ngateway\tEDEF0000000021\ncreated\t2026-11-25T10:07:31.250Z\n"
                + "V\t42\t7\t2026-11-24T00:15:00Z\t1-0:1.8.0*255\t1000250\t-1\tWh\t0\t0\nEND\t1\t0\n";
        assertThat(BatchFormat.decode(version1Body.getBytes(StandardCharsets.UTF_8)).values()).containsExactly(taf7);
    }

    @Test
    void a_request_id_on_a_taf7_value_or_a_bad_request_id_is_refused_with_its_line() {
        String good = new String(BatchFormat.encode(new ReadingBatch("EDEF0000000022", READ_AT,
                List.of(answer("1-0:1.8.0*255", 1_024_000, 5L)), List.of())), StandardCharsets.UTF_8);
        record Case(String body, String says) {
        }
        List<Case> cases = List.of(
                new Case(good.replace("\t6\t2026", "\t7\t2026"), "only a TAF 6 value answers a request"),
                new Case(good.replace("\t0\t0\t5\n", "\t0\t0\tfive\n"), "not a number"),
                new Case(good.replace("\t0\t0\t5\n", "\t0\t0\t0\n"), "request id must be positive"),
                new Case(good.replace("\t0\t0\t5\n", "\t0\t0\t5\textra\n"), "found 12"));
        for (Case c : cases) {
            assertThatThrownBy(() -> BatchFormat.decode(c.body().getBytes(StandardCharsets.UTF_8)))
                    .as(c.says()).isInstanceOfSatisfying(BatchFormatException.class, e -> {
                        assertThat(e.line()).isEqualTo(4);
                        assertThat(e.getMessage()).contains(c.says());
                    });
        }
        assertThatThrownBy(() -> new BatchValue(42, 7, READ_AT, "1-0:1.8.0*255", BigInteger.ONE, 0, "Wh", 0, 0, 3L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void open_requests_travel_to_the_gateway_in_a_line_format_that_round_trips() {
        List<Taf6Order> orders = List.of(new Taf6Order(917, READ_AT, "Zählerwechsel"),
                new Taf6Order(918, READ_AT.plusSeconds(60), "move-out; tenant asked"));

        byte[] body = Taf6OrderFormat.encode(orders);

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("SMGWLITE-TAF6\t1\n"
                + "R\t917\t2026-11-25T10:07:31.250Z\tZählerwechsel\n"
                + "R\t918\t2026-11-25T10:08:31.250Z\tmove-out; tenant asked\nEND\t2\n");
        assertThat(Taf6OrderFormat.decode(body)).isEqualTo(orders);
        assertThat(Taf6OrderFormat.decode(Taf6OrderFormat.encode(List.of()))).isEmpty();
    }

    @Test
    void a_blank_or_multi_line_reason_is_refused_by_the_one_rule_both_sides_use() {
        assertThat(Taf6Order.reasonProblem("  ")).contains("needs a reason");
        assertThat(Taf6Order.reasonProblem("a\nb")).contains("one line");
        assertThat(Taf6Order.reasonProblem("x".repeat(201))).contains("at most 200");
        assertThat(Taf6Order.reasonProblem("Lieferantenwechsel")).isNull();
        assertThatThrownBy(() -> Taf6OrderFormat.decode("SMGWLITE-TAF6\t1\nR\t5\t2026-11-25T10:07:31Z\t \nEND\t1\n"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(BatchFormatException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> Taf6OrderFormat.decode("SMGWLITE-TAF6\t1\nEND\t3\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("count");
    }
}
