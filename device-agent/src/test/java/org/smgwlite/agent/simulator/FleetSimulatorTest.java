package org.smgwlite.agent.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.eichlog.EichlogVerifier;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.taf.SlotAlignment;
import org.smgwlite.agent.taf.TafValue;
import org.smgwlite.agent.testing.Captures;

class FleetSimulatorTest {

    static final Instant DAY = Instant.parse("2024-06-21T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void threeMetersTwoDaysGive96ValuesPerRegisterPerDayThroughTheDecoderAndIntoTheirStores() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<FleetSimulator.MeterRun> runs = FleetSimulator.run(new FleetSimulator.Plan(3, DAY, 2, 2, 5000, 7,
                SlotAlignment.QUARTER_HOUR, dir, stream));
        assertThat(runs).hasSize(3).extracting(FleetSimulator.MeterRun::meterId).doesNotHaveDuplicates();
        for (FleetSimulator.MeterRun r : runs) {
            assertThat(r.telegrams()).isEqualTo(2 * 86_400 / 2 + 30);
            assertThat(r.rejections()).isZero();
            assertThat(r.flaggedSlots()).isZero();
            assertThat(r.taf7PerDay().keySet()).extracting(ObisCode::toString)
                    .containsExactly("1-0:1.8.0*255", "1-0:1.8.1*255", "1-0:1.8.2*255", "1-0:2.8.0*255");
            for (Map<LocalDate, Integer> perDay : r.taf7PerDay().values()) {
                assertThat(perDay).containsEntry(LocalDate.parse("2024-06-21"), 96)
                        .containsEntry(LocalDate.parse("2024-06-22"), 96);
            }
            Path meterDir = dir.resolve(String.format("meter-%04d", runs.indexOf(r) + 1));
            try (ValueStore store = ValueStore.open(meterDir.resolve("store"), 64L << 20, WriteGuard.NONE, n -> { })) {
                assertThat(store.readUnacknowledged(10_000)).isEqualTo(r.taf7());
            }
            assertThat(EichlogVerifier.verify(meterDir.resolve("eichlog.log")).ok()).isTrue();
        }
        // the stream of meter 1 is real SML: the decoder reads it back on its own
        Captures.Decoded decoded = Captures.decode(stream.toByteArray());
        assertThat(decoded.rejections).isEmpty();
        assertThat(decoded.telegrams).hasSize((int) runs.get(0).telegrams());
    }

    @Test
    void aHouseholdDayLooksLikeOneConsumptionPeaksInTheEveningAndPvExportsAtNoon() {
        VirtualMeter meter = new VirtualMeter(1, 3, 6000);
        long importAt = 0;
        long[] importByHour = new long[24];
        long exportAtNoon = 0;
        for (int s = 1; s <= 86_400; s++) {
            Instant t = DAY.plusSeconds(s);
            meter.step(t, 1);
            if (s % 3600 == 0) {
                importByHour[s / 3600 - 1] = meter.importDeciWattHours() - importAt;
                importAt = meter.importDeciWattHours();
            }
            if (s == 11 * 3600) {
                exportAtNoon = meter.exportDeciWattHours();
            }
        }
        long dayImportWh = (meter.importDeciWattHours() - new VirtualMeter(1, 3, 6000).importDeciWattHours()) / 10;
        assertThat(dayImportWh).as("a household imports 2..15 kWh a day").isBetween(2_000L, 15_000L);
        assertThat(exportAtNoon).as("PV exports by noon").isPositive();
        long evening = importByHour[17] + importByHour[18];   // 18:00..20:00 local
        long night = importByHour[1] + importByHour[2];       // 02:00..04:00 local
        assertThat(evening).isGreaterThan(2 * night);
    }
}
