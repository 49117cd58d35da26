package org.smgwlite.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.taf.TafKind;
import org.smgwlite.agent.taf.TafValue;

/**
 * A demo gateway without a platform: the history it makes goes through the real decoder, TAF 7 engine and store,
 * and a second start continues the same series. The upload fails here (no root certificate, no platform) and is
 * reported as the first upload's problem.
 */
class DemoGatewayTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:37:05Z");
    private static final Duration SLOT = Duration.ofMinutes(15);
    private static final Set<String> REGISTERS = Set.of("1-0:1.8.0*255", "1-0:1.8.1*255", "1-0:1.8.2*255", "1-0:2.8.0*255");

    @TempDir
    Path dir;

    @Test
    void history_has_96_aligned_slots_per_day_and_register_through_the_real_taf7_engine() throws Exception {
        DemoGatewayState state = new DemoGatewayState(dir.resolve("gw"));
        DemoGateway.Report report = runUntilCaughtUp(state, NOW);

        assertThat(report.historyFrom()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(report.problem()).contains("no-root.pem");
        List<TafValue> values = taf7(state);
        Map<LocalDate, Map<String, Long>> perDay = new TreeMap<>(values.stream().collect(Collectors.groupingBy(
                v -> LocalDate.ofInstant(v.slot(), ZoneOffset.UTC),
                Collectors.groupingBy(v -> v.obis().toString(), Collectors.counting()))));
        for (LocalDate full : List.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3))) {
            assertThat(perDay.get(full)).as(full.toString())
                    .containsOnlyKeys(REGISTERS).allSatisfy((obis, n) -> assertThat(n).as(obis).isEqualTo(96));
        }
        // today up to the last slot whose 9 s window has closed: 00:00 .. 10:30
        assertThat(perDay.get(LocalDate.of(2026, 3, 4))).allSatisfy((obis, n) -> assertThat(n).isEqualTo(43));
        assertThat(values).allSatisfy(v -> {
            assertThat(v.slot().getEpochSecond() % SLOT.getSeconds()).isZero();
            assertThat(v.value()).as("a value at every slot, none flagged as missing").isNotNull();
            assertThat(v.status().gatewayBits()).as(v.toString()).isZero();
        });
        assertThat(state.meter()).as("registers saved for the next run").isPresent();
    }

    @Test
    void a_second_start_continues_the_series_with_the_same_meter_and_neither_repeats_nor_skips_a_slot() throws Exception {
        DemoGatewayState state = new DemoGatewayState(dir.resolve("gw"));
        runUntilCaughtUp(state, NOW);
        Instant firstRunEnd = taf7(state).get(taf7(state).size() - 1).slot();

        DemoGateway.Report second = runUntilCaughtUp(state, NOW.plus(Duration.ofHours(5)));

        assertThat(second.historyFrom()).as("after the first run's last telegram (its STOP in the Eichlog)")
                .isAfter(firstRunEnd).isBefore(firstRunEnd.plus(SLOT));
        assertThat(eichlogTimes(state)).as("the Eichlog's times never go back").isSorted();
        List<TafValue> values = taf7(state);
        Set<String> seen = new HashSet<>();
        assertThat(values).allSatisfy(v -> assertThat(seen.add(v.obis() + "@" + v.slot())).as("once: " + v).isTrue());
        for (String register : REGISTERS) {
            List<TafValue> series = values.stream().filter(v -> v.obis().toString().equals(register)).toList();
            assertThat(series.get(0).slot()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
            assertThat(series.get(series.size() - 1).slot()).isEqualTo(Instant.parse("2026-03-04T15:30:00Z"));
            for (int i = 1; i < series.size(); i++) {
                assertThat(series.get(i).slot()).as(register).isEqualTo(series.get(i - 1).slot().plus(SLOT));
                assertThat(series.get(i).value().unscaled()).as(register + " never decreases, also across the restart")
                        .isGreaterThanOrEqualTo(series.get(i - 1).value().unscaled());
            }
        }
        assertThat(values.stream().filter(v -> v.slot().equals(firstRunEnd.plus(SLOT))).toList())
                .as("the first slot after the restart has a value of the restored meter").hasSize(4)
                .allSatisfy(v -> assertThat(v.status().gatewayBits()).isZero());
    }

    /** Starts the gateway at wall time {@code now} (the clock runs on from there), waits for its first upload attempt. */
    private DemoGateway.Report runUntilCaughtUp(DemoGatewayState state, Instant now) throws Exception {
        Clock wall = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), now));
        DemoGateway.Platform nowhere = new DemoGateway.Platform(URI.create("https://127.0.0.1:9"), "stadtwerke-demo", dir.resolve("no-root.pem"));
        DemoGateway gateway = new DemoGateway("EDMO0000000001", state, nowhere, "code", 1, 5_000, 2, wall, dir.resolve("gw.log"));
        try {
            gateway.start();
            return gateway.firstUpload().get(60, TimeUnit.SECONDS);
        } finally {
            gateway.close();
        }
    }

    private static List<Instant> eichlogTimes(DemoGatewayState state) throws IOException {
        return java.nio.file.Files.readAllLines(state.agentDir().resolve("eichlog.log")).stream()
                .map(line -> Instant.parse(line.split("\t")[1])).toList();
    }

    private static List<TafValue> taf7(DemoGatewayState state) throws IOException {
        try (ValueStore store = ValueStore.open(state.agentDir().resolve("store"), 64L << 20, WriteGuard.NONE, note -> { })) {
            List<TafValue> out = new ArrayList<>();
            for (TafValue v : store.readBilling(1, 100_000)) {
                if (v.kind() == TafKind.TAF7) {
                    out.add(v);
                }
            }
            return out;
        }
    }
}
