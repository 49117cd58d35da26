package org.smgwlite.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.taf.TafKind;
import org.smgwlite.agent.taf.TafValue;

/**
 * The demo gaps: on its first start the gap household's meter is silent yesterday 06:00-12:00 and 17:00-18:00 local
 * time, so the agent stores no value inside those times (but the flagged first one), keeps both ends, and the register
 * across each gap still rose by what the household used meanwhile (the meter ran on).
 */
class DemoGatewayOutageTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:37:05Z");
    private static final String IMPORT = "1-0:1.8.0*255";

    @TempDir
    Path dir;

    @Test
    void the_meter_is_silent_inside_each_outage_and_its_register_runs_on() throws Exception {
        List<MeterOutage> outages = MeterOutage.demoDay(LocalDate.of(2026, 3, 3));
        assertThat(outages.get(0).from()).isEqualTo(Instant.parse("2026-03-03T05:00:00Z"));
        DemoGatewayState state = new DemoGatewayState(dir.resolve("gw"));
        Clock wall = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), NOW));
        DemoGateway.Platform nowhere = new DemoGateway.Platform(URI.create("https://127.0.0.1:9"), "stadtwerke-demo",
                dir.resolve("no-root.pem"));
        DemoGateway gateway = new DemoGateway("EDMO0000000009", state, nowhere, "code", 1, 0, 2, outages, wall,
                dir.resolve("gw.log"));
        try {
            gateway.start();
            gateway.firstUpload().get(60, TimeUnit.SECONDS);
        } finally {
            gateway.close();
        }

        assertThat(gateway.outages()).isEqualTo(outages);
        List<TafValue> imports = taf7(state).stream().filter(v -> v.obis().toString().equals(IMPORT)).toList();
        for (MeterOutage o : outages) {
            // the agent's own rule: the first slot after the meter fell silent repeats its last value, flagged out of
            // tolerance (PTB level 3); after that no value at all until the meter speaks again
            Instant firstSilent = o.from().plus(Duration.ofMinutes(15));
            assertThat(imports).noneMatch(v -> o.silences(v.slot()) && !v.slot().equals(firstSilent) && v.value() != null);
            assertThat(imports).filteredOn(v -> v.slot().equals(firstSilent))
                    .allSatisfy(v -> assertThat(v.status().gatewayBits()).as("flagged").isNotZero());
            TafValue before = at(imports, o.from());
            TafValue after = at(imports, o.to());
            assertThat(after.value().unscaled()).as("the meter ran on").isGreaterThan(before.value().unscaled());
        }
        assertThat(imports).anyMatch(v -> v.slot().equals(Instant.parse("2026-03-03T04:45:00Z")) && v.value() != null);
    }

    private static TafValue at(List<TafValue> values, Instant slot) {
        return values.stream().filter(v -> v.slot().equals(slot) && v.value() != null).findFirst()
                .orElseThrow(() -> new AssertionError("no true value at " + slot));
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
