package org.smgwlite.platform.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smgwlite.platform.it.ItPlatform.sql;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.smgwlite.agent.meter.DlmsUnit;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.status.ValueStatus;
import org.smgwlite.agent.taf.ExactValue;
import org.smgwlite.agent.taf.TafKind;
import org.smgwlite.agent.taf.TafValue;

/**
 * A gateway's backlog of {@code days} days of quarter hours, import and export register, ending yesterday, and the
 * checks that the platform stored it exactly once: every value with its exact reading, each batch recorded once.
 *
 * @param days       how many days of backlog
 * @param perBatch   values per batch, as the agent's pacing cuts them
 * @param importBase the import register's first reading in 0.1 Wh (distinct per test, so sums tell runs apart)
 */
record Backlog(int days, int perBatch, long importBase) {

    static final String IMPORT = "1-0:1.8.0*255";
    static final String EXPORT = "1-0:2.8.0*255";

    int slots() {
        return days * 96;
    }

    int values() {
        return 2 * slots();
    }

    int batches() {
        return (values() + perBatch - 1) / perBatch;
    }

    Instant first() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days + 1L));
    }

    /** The backlog from {@code first}, oldest first, as the agent's store holds it. */
    List<TafValue> values(Instant first) {
        List<TafValue> values = new ArrayList<>(values());
        for (int slot = 0; slot < slots(); slot++) {
            Instant at = first.plus(Duration.ofMinutes(15L * slot));
            for (String obis : List.of(IMPORT, EXPORT)) {
                values.add(new TafValue(0, TafKind.TAF7, "0a01455359", at, ObisCode.parse(obis),
                        new ExactValue(reading(obis, slot), -1, DlmsUnit.WATT_HOUR), at.plusSeconds(1), ValueStatus.OK, null));
            }
        }
        return values;
    }

    /** Import {@value #IMPORT} 280 W on average, export 8 W, in 0.1 Wh. */
    private long reading(String obis, int slot) {
        return obis.equals(IMPORT) ? importBase + 700L * slot : importBase / 40 + 20L * slot;
    }

    /** Every value stored once with its exact reading, no gap; each batch of {@code gw} recorded once, nothing rejected. */
    void assertStoredExactlyOnce(String gw, long household) throws Exception {
        assertValuesOnce(household);
        assertThat(sql("SELECT count(*) || ' ' || count(DISTINCT body_sha256) || ' ' || sum(accepted) || ' ' || sum(duplicates)"
                + " || ' ' || sum(rejected) FROM reading_batch WHERE gateway_id = ?", gw))
                .as("batches, distinct bodies, accepted, duplicates, rejected: each batch recorded once")
                .containsExactly(batches() + " " + batches() + " " + values() + " 0 0");
    }

    /** After the whole backlog went a second time: the values still once, every value of the second run a duplicate. */
    void assertSentTwiceStoredOnce(String gw, long household) throws Exception {
        assertValuesOnce(household);
        assertThat(sql("SELECT sum(accepted) || ' ' || sum(duplicates) FROM reading_batch WHERE gateway_id = ?", gw))
                .as("accepted, duplicates").containsExactly(values() + " " + values());
    }

    private void assertValuesOnce(long household) throws Exception {
        for (String obis : List.of(IMPORT, EXPORT)) {
            BigInteger expectedSum = BigInteger.ZERO;
            for (int slot = 0; slot < slots(); slot++) {
                expectedSum = expectedSum.add(BigInteger.valueOf(reading(obis, slot)));
            }
            assertThat(sql("SELECT count(*) || ' ' || count(DISTINCT slot_start) || ' ' || sum(value_unscaled)"
                            + " FROM meter_reading WHERE household_id = ?::bigint AND obis = ?", String.valueOf(household), obis))
                    .as(obis + ": values, distinct slots, sum of readings")
                    .containsExactly(slots() + " " + slots() + " " + expectedSum);
        }
        assertThat(sql("SELECT count(*) FROM reading_gap WHERE household_id = ?::bigint", String.valueOf(household)))
                .as("gaps").containsExactly("0");
    }
}
