package org.smgwlite.agent.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.eichlog.EichlogEntry;
import org.smgwlite.agent.eichlog.EichlogVerifier;
import org.smgwlite.agent.eichlog.EventType;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.simulator.SimulatedMeterSource;
import org.smgwlite.agent.simulator.SimulationClock;
import org.smgwlite.agent.simulator.VirtualMeter;
import org.smgwlite.agent.status.GatewayStatus;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.taf.TafValue;

/**
 * The whole agent on a simulated day with every fault the issue names: meter silent, garbage on the line, CRC
 * errors, a full disk, a damaged store tail at restart, clock jumps. It keeps running, logs each in the Eichlog,
 * and no TAF 7 value is lost or stored twice.
 */
class AgentFaultTest {

    static final Instant DAY = Instant.parse("2024-03-05T00:00:00Z");

    @TempDir
    Path dir;

    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    AgentConfig config() {
        Properties p = new Properties();
        p.setProperty("source", "simulate");
        p.setProperty("data.dir", "data");
        p.setProperty("status.port", "-1");
        p.setProperty("taf14.interval.seconds", "0");
        return AgentConfig.parse(p, dir);
    }

    Agent agent(SimulationClock clock, WriteGuard guard) throws IOException {
        return new Agent(config(), clock, null, guard, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    List<String> eichlogTypes() throws IOException {
        EichlogVerifier.Result r = EichlogVerifier.verify(dir.resolve("data/eichlog.log"));
        assertThat(r.ok()).as(r.message()).isTrue();
        return r.entries().stream().map(EichlogEntry::type).toList();
    }

    @Test
    void aDayFullOfFaultsKeepsEverySlotOnceAndLogsEveryFault() throws IOException {
        SimulationClock clock = new SimulationClock(DAY);
        boolean[] diskFull = {false};
        WriteGuard guard = (file, bytes) -> {
            if (diskFull[0]) {
                throw new IOException("No space left on device");
            }
        };
        Instant silentFrom = DAY.plus(Duration.ofHours(3)).plusSeconds(100);
        Instant silentTo = DAY.plus(Duration.ofHours(4));
        try (Agent agent = agent(clock, guard)) {
            SimulatedMeterSource source = new SimulatedMeterSource(new VirtualMeter(7, 1, 4000), clock, 2, DAY,
                    DAY.plus(Duration.ofDays(1)).plusSeconds(30))
                    .silentBetween(silentFrom, silentTo).corruptEvery(997).noiseEvery(1499);
            Instant fullFrom = DAY.plus(Duration.ofHours(12));
            Instant fullTo = DAY.plus(Duration.ofHours(13)).plusSeconds(300);
            agent.run(() -> new org.smgwlite.agent.source.ByteSource() {
                @Override
                public int read(byte[] buffer) throws IOException {
                    diskFull[0] = !clock.instant().isBefore(fullFrom) && clock.instant().isBefore(fullTo);
                    return source.read(buffer);
                }

                @Override
                public String describe() {
                    return source.describe();
                }

                @Override
                public void close() {
                    source.close();
                }
            });
        }
        List<String> types = eichlogTypes();
        assertThat(types).contains("START", "CONFIG", "METER_SILENT", "METER_BACK", "CRC_ERRORS", "TAF7_FLAGGED",
                "STORE_WRITE_FAILED", "STORE_WRITE_RECOVERED", "STOP");
        try (ValueStore store = ValueStore.open(dir.resolve("data/store"), 64L << 20, WriteGuard.NONE, n -> { })) {
            List<TafValue> all = store.readUnacknowledged(100_000);
            Map<ObisCode, List<TafValue>> byRegister = all.stream().filter(v -> v.slot().isBefore(DAY.plus(
                    Duration.ofDays(1)))).collect(Collectors.groupingBy(TafValue::obis));
            assertThat(byRegister).hasSize(4);
            for (List<TafValue> values : byRegister.values()) {
                assertThat(values).extracting(TafValue::slot).doesNotHaveDuplicates().hasSize(96)
                        .allMatch(s -> s.getEpochSecond() % 900 == 0);
            }
            List<TafValue> imp = byRegister.get(VirtualMeter.IMPORT);
            assertThat(imp.stream().filter(v -> v.status().has(GatewayStatus.NO_VALUE)).map(TafValue::slot))
                    .containsExactly(DAY.plusSeconds(3 * 3600 + 1800), DAY.plusSeconds(3 * 3600 + 2700));
            assertThat(imp.stream().filter(v -> v.status().has(GatewayStatus.CRC_ERRORS))).isNotEmpty();
            assertThat(all).extracting(TafValue::seq).doesNotHaveDuplicates();
            String printed = stdout.toString(StandardCharsets.UTF_8);
            assertThat(printed.lines().filter(l -> l.startsWith("STORED ")).count()).isEqualTo(all.size());
        }
    }

    @Test
    void aDamagedStoreTailIsRepairedAtRestartLoggedAndTheSeriesContinuesWithoutGapsOrRepeats() throws IOException {
        SimulationClock clock = new SimulationClock(DAY);
        try (Agent agent = agent(clock, WriteGuard.NONE)) {
            agent.run(() -> new SimulatedMeterSource(new VirtualMeter(1, 1, 0), clock, 5, DAY,
                    DAY.plus(Duration.ofHours(6)).plusSeconds(20)));
        }
        Path segment;
        try (Stream<Path> s = Files.list(dir.resolve("data/store/billing"))) {
            segment = s.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length - 7)); // last write torn by power loss
        try (Agent agent = agent(clock, WriteGuard.NONE)) {
            Instant resume = agent.lastTaf7Slot();
            assertThat(resume).isEqualTo(DAY.plus(Duration.ofHours(6)));
            agent.run(() -> new SimulatedMeterSource(new VirtualMeter(1, 1, 0), clock, 5, resume.plusSeconds(5),
                    DAY.plus(Duration.ofHours(12)).plusSeconds(20)));
        }
        assertThat(eichlogTypes()).contains("STORE_REPAIR");
        try (ValueStore store = ValueStore.open(dir.resolve("data/store"), 64L << 20, WriteGuard.NONE, n -> { })) {
            List<TafValue> imp = store.readUnacknowledged(100_000).stream()
                    .filter(v -> v.obis().equals(VirtualMeter.IMPORT)).toList();
            List<Instant> expected = new ArrayList<>();
            for (int i = 0; i <= 48; i++) {
                expected.add(DAY.plusSeconds(900L * i));
            }
            assertThat(imp).extracting(TafValue::slot).containsExactlyElementsOf(expected);
            TafValue refilled = imp.get(24);
            assertThat(refilled.slot()).isEqualTo(DAY.plus(Duration.ofHours(6)));
            assertThat(refilled.status().has(GatewayStatus.NO_VALUE))
                    .as("the torn 06:00 value was never durable; it comes back as a gap, not invented").isFalse();
        }
    }

    @Test
    void clockJumpsAreDetectedAgainstTheMonotonicClockLoggedAndFlagged() {
        SimulationClock clock = new SimulationClock(DAY);
        long[] mono = {0};
        CaptureReplayTest.Recorder sink = new CaptureReplayTest.Recorder();
        MeterPipeline p = new MeterPipeline(new MeterPipeline.Settings(
                org.smgwlite.agent.taf.SlotAlignment.QUARTER_HOUR, 0, Duration.ofSeconds(30), 2000, org.smgwlite.agent.meter.MeterProtocol.SML), clock,
                () -> mono[0], () -> true, sink);
        VirtualMeter meter = new VirtualMeter(3, 1, 0);
        int[] second = {0};
        Runnable feed = () -> {
            meter.step(clock.instant(), 1);
            byte[] t = meter.telegram();
            p.accept(t, 0, t.length);
        };
        for (; second[0] < 1000; second[0]++) {
            clock.set(DAY.plusSeconds(second[0]));
            mono[0] += 1_000_000_000L;
            feed.run();
        }
        clock.set(DAY.plusSeconds(1000 + 3600)); // NTP steps one hour forward
        mono[0] += 1_000_000_000L;
        feed.run();
        clock.set(DAY.plusSeconds(1000)); // and back again
        mono[0] += 1_000_000_000L;
        feed.run();
        for (int s = 1001; s < 6000; s++) {
            clock.set(DAY.plusSeconds(s));
            mono[0] += 1_000_000_000L;
            feed.run();
        }
        assertThat(sink.events).filteredOn(e -> e.startsWith("CLOCK_JUMP")).hasSize(2)
                .anyMatch(e -> e.startsWith("CLOCK_JUMP forward 3600000 ms"))
                .anyMatch(e -> e.startsWith("CLOCK_JUMP backward 3601000 ms"));
        assertThat(sink.billing.stream().filter(v -> v.obis().equals(VirtualMeter.IMPORT))
                .filter(v -> v.status().has(GatewayStatus.CLOCK_JUMP))).isNotEmpty();
        List<Instant> importSlots = sink.billing.stream().filter(v -> v.obis().equals(VirtualMeter.IMPORT))
                .map(TafValue::slot).toList();
        assertThat(importSlots).doesNotHaveDuplicates().isSorted().contains(DAY.plusSeconds(4500));
    }
}
