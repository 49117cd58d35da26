package org.smgwlite.agent.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.smgwlite.agent.eichlog.EventType;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.simulator.SimulationClock;
import org.smgwlite.agent.sml.transport.SmlFrame;
import org.smgwlite.agent.status.GatewayStatus;
import org.smgwlite.agent.status.PtbLevel;
import org.smgwlite.agent.taf.SlotAlignment;
import org.smgwlite.agent.taf.TafValue;
import org.smgwlite.agent.testing.Captures;

/**
 * A real capture's frames, replayed one per second over a simulated UTC day through the pipeline (framer, decoder,
 * TAF engine), as a meter pushing them would.
 */
class CaptureReplayTest {

    static final Instant DAY = Instant.parse("2024-03-05T00:00:00Z");

    /** The complete frames of a capture, as wire bytes. */
    static List<byte[]> frames(String capture) {
        byte[] bytes = Captures.bytes(capture);
        List<byte[]> frames = new ArrayList<>();
        for (SmlFrame f : Captures.frames(bytes).frames) {
            frames.add(Arrays.copyOfRange(bytes, (int) f.offset(), (int) f.offset() + f.wireLength()));
        }
        return frames;
    }

    static final class Recorder implements MeterPipeline.Sink {
        final List<TafValue> billing = new ArrayList<>();
        final List<String> events = new ArrayList<>();

        @Override
        public void billing(List<TafValue> values) {
            billing.addAll(values);
        }

        @Override
        public void sample(List<TafValue> values) {
        }

        @Override
        public void event(EventType type, String detail) {
            events.add(type + " " + detail);
        }
    }

    static Recorder replayDay(String capture, Instant silentFrom, Instant silentTo) {
        List<byte[]> frames = frames(capture);
        assertThat(frames).isNotEmpty();
        SimulationClock clock = new SimulationClock(DAY);
        Recorder sink = new Recorder();
        MeterPipeline pipeline = new MeterPipeline(new MeterPipeline.Settings(SlotAlignment.QUARTER_HOUR, 0,
                Duration.ofSeconds(30), 2000, org.smgwlite.agent.meter.MeterProtocol.SML), clock, null, () -> true, sink);
        for (int s = 0; s <= 86_400 + 20; s++) {
            Instant t = DAY.plusSeconds(s);
            clock.set(t);
            if (!t.isBefore(silentFrom) && t.isBefore(silentTo)) {
                pipeline.tick();
                continue;
            }
            byte[] frame = frames.get(s % frames.size());
            pipeline.accept(frame, 0, frame.length);
        }
        return sink;
    }

    static Map<ObisCode, List<TafValue>> ofDay(List<TafValue> values) {
        return values.stream().filter(v -> v.slot().isBefore(DAY.plus(Duration.ofDays(1))))
                .collect(Collectors.groupingBy(TafValue::obis,
                        () -> new TreeMap<>(java.util.Comparator.comparing(ObisCode::toString)), Collectors.toList()));
    }

    @Test
    void aRealCaptureReplayedForADayGives96ValuesPerRegisterOnTheUtcQuarterHours() {
        Recorder r = replayDay("DZG_DVS-7420.2V.G2_mtr1", DAY, DAY);
        Map<ObisCode, List<TafValue>> day = ofDay(r.billing);
        assertThat(day.keySet()).extracting(ObisCode::toString)
                .containsExactly("1-0:1.8.0*255", "1-0:1.8.1*255", "1-0:1.8.2*255", "1-0:2.8.0*255");
        for (List<TafValue> values : day.values()) {
            assertThat(values).hasSize(96);
            for (int i = 0; i < 96; i++) {
                TafValue v = values.get(i);
                assertThat(v.slot()).isEqualTo(DAY.plusSeconds(900L * i));
                assertThat(v.capturedAt()).isEqualTo(v.slot());
                assertThat(v.status().level()).isEqualTo(PtbLevel.OK);
            }
        }
        assertThat(day.get(ObisCode.parse("1-0:1.8.0*255")).get(5).value().toString()).isEqualTo("2353656.9 Wh");
        assertThat(r.events).isEmpty();
    }

    @Test
    void aSilentHourInTheReplayIsFlaggedSlotBySlotAndLogged() {
        Instant from = DAY.plus(Duration.ofHours(10)).plusSeconds(30);
        Instant to = DAY.plus(Duration.ofHours(11));
        Recorder r = replayDay("EMH_eHZ-HW8E2A5L0EK2P", from, to);
        List<TafValue> imp = ofDay(r.billing).get(ObisCode.parse("1-0:1.8.0*255"));
        assertThat(imp).hasSize(96);
        Map<Instant, TafValue> bySlot = imp.stream().collect(Collectors.toMap(TafValue::slot, v -> v));
        assertThat(bySlot.get(DAY.plus(Duration.ofHours(10))).status().level()).isEqualTo(PtbLevel.OK);
        TafValue q1015 = bySlot.get(DAY.plus(Duration.ofMinutes(615)));
        assertThat(q1015.status().has(GatewayStatus.OUT_OF_TOLERANCE)).isTrue();
        assertThat(q1015.status().has(GatewayStatus.METER_SILENT)).isTrue();
        assertThat(q1015.capturedAt()).isEqualTo(from.minusSeconds(1));
        for (int m : new int[] {630, 645}) {
            TafValue v = bySlot.get(DAY.plus(Duration.ofMinutes(m)));
            assertThat(v.value()).isNull();
            assertThat(v.status().has(GatewayStatus.NO_VALUE)).isTrue();
            assertThat(v.status().has(GatewayStatus.METER_SILENT)).isTrue();
        }
        TafValue q1100 = bySlot.get(DAY.plus(Duration.ofHours(11)));
        assertThat(q1100.value()).isNotNull();
        assertThat(q1100.status().has(GatewayStatus.METER_SILENT)).as("meter back at 11:00:00").isFalse();
        long flagged = imp.stream().filter(v -> v.status().level() != PtbLevel.OK).count();
        assertThat(flagged).isEqualTo(3);
        assertThat(r.events).anyMatch(e -> e.startsWith("METER_SILENT no telegram since " + from.minusSeconds(1)))
                .anyMatch(e -> e.startsWith("METER_BACK"))
                .filteredOn(e -> e.startsWith("TAF7_FLAGGED")).hasSize(3);
    }
}
