package org.smgwlite.agent.taf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smgwlite.agent.status.GatewayStatus;

class Taf14AndTaf6Test {

    static final Instant T0 = Taf7EngineTest.DAY;

    @Test
    void taf14SamplesEveryNSecondsOnTheGridAndStopsWhenTheMeterIsSilent() {
        List<List<TafValue>> samples = new ArrayList<>();
        Taf14Sampler sampler = new Taf14Sampler(5, samples::add);
        for (int s = 0; s <= 60; s++) {
            sampler.offer(Taf7EngineTest.telegram(T0.plusSeconds(s)));
        }
        assertThat(samples).hasSize(12);
        assertThat(samples.get(0).get(0).slot()).isEqualTo(T0.plusSeconds(5));
        assertThat(samples.get(0)).extracting(v -> v.obis().toString())
                .containsExactly("1-0:16.7.0*255", "1-0:1.8.0*255", "1-0:2.8.0*255");
        assertThat(samples.get(0).get(0).kind()).isEqualTo(TafKind.TAF14);
        sampler.advance(T0.plusSeconds(65));
        sampler.advance(T0.plusSeconds(120));
        assertThat(samples).as("silence gives no stale samples").hasSize(13);
        assertThatThrownBy(() -> new Taf14Sampler(61, v -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Taf14Sampler(0, v -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void taf6TakesTheLatestReadingWithItsReasonAndFlagsStaleData() {
        Snapshot latest = Taf7EngineTest.telegram(T0.plusSeconds(100));
        List<TafValue> now = new Taf6Request("Zählerwechsel", T0.plusSeconds(101)).take(latest);
        assertThat(now).hasSize(2).allSatisfy(v -> {
            assertThat(v.kind()).isEqualTo(TafKind.TAF6);
            assertThat(v.reason()).isEqualTo("Zählerwechsel");
            assertThat(v.slot()).isEqualTo(T0.plusSeconds(101));
            assertThat(v.status().has(GatewayStatus.METER_SILENT)).isFalse();
        });
        List<TafValue> stale = new Taf6Request("Kontrolle", T0.plusSeconds(200)).take(latest);
        assertThat(stale.get(0).status().has(GatewayStatus.METER_SILENT)).isTrue();
        assertThatThrownBy(() -> new Taf6Request(" ", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Taf6Request("x", T0).take(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no meter reading");
    }
}
