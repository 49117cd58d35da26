package org.smgwlite.agent.taf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.smgwlite.agent.meter.DlmsUnit;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.status.GatewayStatus;
import org.smgwlite.agent.status.PtbLevel;

class Taf7EngineTest {

    static final ObisCode IMPORT = ObisCode.parse("1-0:1.8.0*255");
    static final ObisCode EXPORT = ObisCode.parse("1-0:2.8.0*255");
    static final Instant DAY = Instant.parse("2024-03-05T00:00:00Z");

    /** Collects emitted slots. */
    static final class Recorder implements Taf7Engine.Listener {
        final Map<Instant, List<TafValue>> slots = new TreeMap<>();
        final List<String> skipped = new ArrayList<>();

        @Override
        public void slot(Instant boundary, List<TafValue> values) {
            assertThat(slots.put(boundary, values)).as("slot " + boundary + " emitted twice").isNull();
        }

        @Override
        public void skipped(Instant from, Instant to, long n) {
            skipped.add(from + ".." + to + " " + n);
        }
    }

    /** Import register counts seconds since DAY (in 0.1 Wh) so the value tells which telegram it came from. */
    static Snapshot telegram(Instant at) {
        long s = Duration.between(DAY, at).toMillis();
        return new Snapshot(at, "0a01", List.of(
                new Snapshot.Register(IMPORT, new ExactValue(s, -1, DlmsUnit.WATT_HOUR), 0x100L),
                new Snapshot.Register(EXPORT, new ExactValue(7, 0, DlmsUnit.WATT_HOUR), null)),
                new ExactValue(230, 0, DlmsUnit.WATT), 0);
    }

    @Test
    void aDayOfTelegramsEverySecondGives96ValuesPerRegisterExactlyOnTheQuarterHours() {
        Recorder r = new Recorder();
        Taf7Engine engine = new Taf7Engine(SlotAlignment.QUARTER_HOUR, r);
        for (long s = 0; s <= 86_400 + 10; s++) {
            engine.offer(telegram(DAY.plusSeconds(s)));
        }
        List<Instant> day = r.slots.keySet().stream().filter(b -> b.isBefore(DAY.plus(Duration.ofDays(1)))).toList();
        assertThat(day).hasSize(96);
        for (int i = 0; i < 96; i++) {
            Instant b = DAY.plusSeconds(900L * i);
            List<TafValue> values = r.slots.get(b);
            assertThat(values).extracting(TafValue::obis).containsExactly(IMPORT, EXPORT);
            TafValue imp = values.get(0);
            assertThat(imp.capturedAt()).isEqualTo(b);
            assertThat(imp.value().unscaled()).isEqualTo(900_000L * i);
            assertThat(imp.status().level()).isEqualTo(PtbLevel.OK);
            assertThat(imp.status().meterStatus()).isEqualTo(0x100L);
        }
    }

    @Test
    void aTelegramNineSecondsFromTheBoundaryBelongsToItButTenSecondsIsFlaggedNotShifted() {
        Recorder r = new Recorder();
        Taf7Engine engine = new Taf7Engine(SlotAlignment.QUARTER_HOUR, r);
        engine.offer(telegram(DAY.plusSeconds(890)));           // 10 s before 00:15
        engine.offer(telegram(DAY.plusSeconds(900 + 9)));       // 9 s after 00:15: inside
        engine.offer(telegram(DAY.plusSeconds(1790)));          // 10 s before 00:30
        engine.offer(telegram(DAY.plusSeconds(1800 + 10)));     // 10 s after 00:30: outside
        engine.advance(DAY.plusSeconds(3600));
        TafValue q1 = r.slots.get(DAY.plusSeconds(900)).get(0);
        assertThat(q1.capturedAt()).isEqualTo(DAY.plusSeconds(909));
        assertThat(q1.status().gatewayBits()).isZero();
        TafValue q2 = r.slots.get(DAY.plusSeconds(1800)).get(0);
        assertThat(q2.slot()).isEqualTo(DAY.plusSeconds(1800));
        assertThat(q2.capturedAt()).as("true capture time kept").isEqualTo(DAY.plusSeconds(1790));
        assertThat(q2.status().has(GatewayStatus.OUT_OF_TOLERANCE)).isTrue();
        assertThat(q2.status().level()).isEqualTo(PtbLevel.ERROR);
        assertThat(r.slots.get(DAY.plusSeconds(2700)).get(0).status().has(GatewayStatus.OUT_OF_TOLERANCE))
                .as("00:45: last telegram 00:30:10 is within a period").isTrue();
    }

    @Test
    void theClosestTelegramWinsAndEqualDistanceTakesTheEarlierOne() {
        Recorder r = new Recorder();
        Taf7Engine engine = new Taf7Engine(SlotAlignment.QUARTER_HOUR, r);
        engine.offer(telegram(DAY.plusSeconds(900 - 8)));
        engine.offer(telegram(DAY.plusSeconds(900 - 3)));
        engine.offer(telegram(DAY.plusSeconds(900 + 3)));
        engine.offer(telegram(DAY.plusSeconds(900 + 5)));
        engine.advance(DAY.plusSeconds(1000));
        assertThat(r.slots.get(DAY.plusSeconds(900)).get(0).capturedAt()).isEqualTo(DAY.plusSeconds(897));
    }

    @Test
    void aSilentHourGivesFlaggedSlotsWithoutValuesAndNoSlotIsMissing() {
        Recorder r = new Recorder();
        Taf7Engine engine = new Taf7Engine(SlotAlignment.QUARTER_HOUR, r);
        for (long s = 0; s < 86_400 + 60; s++) {
            if (s > 3630 && s < 7200) {
                engine.advance(DAY.plusSeconds(s)); // meter silent from 01:00:31 to 02:00:00
                continue;
            }
            engine.offer(telegram(DAY.plusSeconds(s)));
        }
        assertThat(r.slots.keySet().stream().filter(b -> b.isBefore(DAY.plus(Duration.ofDays(1))))).hasSize(96);
        assertThat(r.slots.get(DAY.plusSeconds(3600)).get(0).status().gatewayBits()).isZero();
        TafValue q0115 = r.slots.get(DAY.plusSeconds(4500)).get(0);
        assertThat(q0115.status().has(GatewayStatus.OUT_OF_TOLERANCE)).isTrue();
        assertThat(q0115.capturedAt()).isEqualTo(DAY.plusSeconds(3630));
        for (long b : new long[] {5400, 6300}) {
            for (TafValue v : r.slots.get(DAY.plusSeconds(b))) {
                assertThat(v.value()).as("no value at " + b).isNull();
                assertThat(v.status().has(GatewayStatus.NO_VALUE)).isTrue();
                assertThat(v.status().level()).isEqualTo(PtbLevel.ERROR);
            }
        }
        assertThat(r.slots.get(DAY.plusSeconds(7200)).get(0).status().gatewayBits()).isZero();
    }

    @Test
    void aClockGoingBackDoesNotEmitASlotTwiceAndAJumpForwardFillsTheGapFlagged() {
        Recorder r = new Recorder();
        Taf7Engine engine = new Taf7Engine(SlotAlignment.QUARTER_HOUR, r);
        for (long s = 0; s < 2000; s++) {
            engine.offer(telegram(DAY.plusSeconds(s)));
        }
        for (long s = 0; s < 2000; s++) { // the same half hour again after the clock was set back
            engine.offer(telegram(DAY.plusSeconds(s)));
        }
        engine.flag(GatewayStatus.CLOCK_JUMP);
        engine.offer(telegram(DAY.plusSeconds(6 * 3600 + 1))); // and then six hours forward
        assertThat(r.slots).hasSize(24); // 00:00 .. 05:45, each once (the Recorder fails on a repeat)
        assertThat(r.slots.get(DAY.plusSeconds(2700)).get(0).status().has(GatewayStatus.CLOCK_JUMP)).isTrue();
        assertThat(r.slots.get(DAY.plusSeconds(3600)).get(0).status().has(GatewayStatus.NO_VALUE)).isTrue();
    }

    @Test
    void aJumpOfAYearIsReportedNotFilledSlotBySlot() {
        Recorder r = new Recorder();
        Taf7Engine engine = new Taf7Engine(SlotAlignment.QUARTER_HOUR, r);
        engine.offer(telegram(DAY));
        engine.offer(telegram(DAY.plus(Duration.ofDays(365))));
        assertThat(r.skipped).hasSize(1);
        assertThat(r.slots.size()).isLessThanOrEqualTo(Taf7Engine.MAX_GAP_SLOTS + 2);
        assertThat(engine.nextBoundary()).isEqualTo(DAY.plus(Duration.ofDays(365)));
    }

    @Test
    void afterARestartTheSlotsMissedWhileDownAreEmittedAsGapsForTheKnownRegisters() {
        Recorder r = new Recorder();
        Taf7Engine engine = new Taf7Engine(SlotAlignment.QUARTER_HOUR, r);
        engine.resumeAfter(DAY.plusSeconds(900), "0a01", List.of(IMPORT, EXPORT));
        engine.offer(telegram(DAY.plusSeconds(3600)));
        engine.advance(DAY.plusSeconds(3700));
        assertThat(r.slots.keySet()).containsExactly(DAY.plusSeconds(1800), DAY.plusSeconds(2700),
                DAY.plusSeconds(3600));
        assertThat(r.slots.get(DAY.plusSeconds(1800))).extracting(TafValue::obis).containsExactly(IMPORT, EXPORT);
        assertThat(r.slots.get(DAY.plusSeconds(1800)).get(1).status().has(GatewayStatus.NO_VALUE)).isTrue();
        assertThatThrownBy(() -> engine.resumeAfter(DAY.plusSeconds(901), "x", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flagsRaisedDuringASlotLandOnThatSlotOnly() {
        Recorder r = new Recorder();
        Taf7Engine engine = new Taf7Engine(SlotAlignment.QUARTER_HOUR, r);
        for (long s = 0; s <= 1810; s++) {
            if (s == 400) {
                engine.flag(GatewayStatus.CRC_ERRORS);
            }
            engine.offer(telegram(DAY.plusSeconds(s)));
        }
        assertThat(r.slots.get(DAY.plusSeconds(900)).get(0).status().has(GatewayStatus.CRC_ERRORS)).isTrue();
        assertThat(r.slots.get(DAY.plusSeconds(900)).get(0).status().level()).isEqualTo(PtbLevel.WARNING);
        assertThat(r.slots.get(DAY.plusSeconds(1800)).get(0).status().gatewayBits()).isZero();
    }

    @Test
    void otherPeriodsAlignToTheirOwnBoundariesWithOnePercentTolerance() {
        SlotAlignment minute = SlotAlignment.ofSeconds(60);
        assertThat(minute.toleranceMillis()).isEqualTo(600);
        assertThat(SlotAlignment.ofSeconds(3600).slotsPerDay()).isEqualTo(24);
        assertThat(minute.ceil(Instant.parse("2024-03-05T10:00:00.001Z"))).isEqualTo(Instant.parse("2024-03-05T10:01:00Z"));
        assertThat(minute.floor(Instant.parse("2024-03-05T10:00:59.999Z"))).isEqualTo(Instant.parse("2024-03-05T10:00:00Z"));
        for (long bad : new long[] {59, 3601, 1000, 7}) {
            assertThatThrownBy(() -> SlotAlignment.ofSeconds(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
