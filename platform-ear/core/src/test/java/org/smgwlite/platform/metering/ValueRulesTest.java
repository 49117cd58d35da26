package org.smgwlite.platform.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.smgwlite.metering.contract.BatchValue;

class ValueRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant SLOT = Instant.parse("2026-11-24T12:15:00Z");

    private static BatchValue v(long household, Instant slot, String obis, String unit) {
        return new BatchValue(household, 7, slot, obis, BigInteger.valueOf(123_456), -1, unit, 0, 0);
    }

    private static String reason(BatchValue value) {
        return ValueRules.check(value, 42, NOW).map(b -> b.reason().name()).orElse("ok");
    }

    @Test
    void each_single_value_rule_names_its_reason() {
        assertThat(reason(v(42, SLOT, "1-0:1.8.0*255", "Wh"))).isEqualTo("ok");
        assertThat(reason(v(43, SLOT, "1-0:1.8.0*255", "Wh"))).isEqualTo("NOT_SERVED");
        assertThat(reason(v(42, SLOT, "1-0:99.8.0*255", "Wh"))).isEqualTo("UNKNOWN_OBIS");
        assertThat(reason(v(42, SLOT.plusSeconds(1), "1-0:1.8.0*255", "Wh"))).isEqualTo("NOT_ALIGNED");
        assertThat(reason(v(42, NOW.plusSeconds(900), "1-0:1.8.0*255", "Wh"))).isEqualTo("IN_FUTURE");
        BatchValue taf6 = new BatchValue(42, 6, NOW.plusSeconds(60), "1-0:1.8.0*255", BigInteger.TEN, -1, "Wh", 0, 0);
        assertThat(reason(taf6)).as("TAF 6 needs no alignment; within the clock tolerance").isEqualTo("ok");
        assertThat(reason(v(42, SLOT, "1-0:1.8.0*255", "kWh"))).isEqualTo("WRONG_UNIT");
        assertThat(reason(v(42, SLOT, "1-0:16.7.0*255", "W"))).as("power is not a register").isEqualTo("ok");
    }

    @Test
    void a_register_must_not_decrease_and_its_power_must_stay_below_100_kW() {
        Instant next = SLOT.plusSeconds(900);
        BigDecimal start = new BigDecimal("10000.0");
        assertThat(ValueRules.successor(start, SLOT, start, next)).isEmpty();
        assertThat(ValueRules.successor(start, SLOT, new BigDecimal("9999.9"), next)).map(BrokenRule::reason).contains(RejectReason.DECREASING);
        // 25 kWh in 15 minutes is exactly 100 kW: still plausible; 0.1 Wh more is not
        assertThat(ValueRules.successor(start, SLOT, new BigDecimal("35000.0"), next)).isEmpty();
        assertThat(ValueRules.successor(start, SLOT, new BigDecimal("35000.1"), next)).map(BrokenRule::reason).contains(RejectReason.IMPLAUSIBLE_POWER);
        // over a gap the same energy is spread over the longer time
        assertThat(ValueRules.successor(start, SLOT, new BigDecimal("35000.1"), SLOT.plusSeconds(1800))).isEmpty();
    }

    @Test
    void an_on_demand_reading_must_fit_between_the_15_minute_values_around_it() {
        java.util.TreeMap<Instant, BigDecimal> series = new java.util.TreeMap<>();
        series.put(SLOT, new BigDecimal("10000.0"));
        series.put(SLOT.plusSeconds(900), new BigDecimal("10100.0"));
        Instant between = SLOT.plusSeconds(300);

        assertThat(ValueRules.between(series, new BigDecimal("10050.0"), between)).isEmpty();
        assertThat(ValueRules.between(series, new BigDecimal("9999.9"), between)).contains(new BrokenRule(
                RejectReason.DECREASING, "9999.9 at " + between + " is below 10000.0 at " + SLOT));
        assertThat(ValueRules.between(series, new BigDecimal("10100.1"), between).orElseThrow().detail())
                .startsWith("10100.0 at " + SLOT.plusSeconds(900));
        assertThat(ValueRules.between(series, new BigDecimal("10000.0"), SLOT)).as("at a slot: its value").isEmpty();
        assertThat(ValueRules.between(series, new BigDecimal("20000.0"), SLOT.plusSeconds(1000)))
                .as("after the last: 9,900 Wh in 100 s").map(BrokenRule::reason).contains(RejectReason.IMPLAUSIBLE_POWER);
        assertThat(ValueRules.between(new java.util.TreeMap<>(), BigDecimal.ONE, between)).as("nothing stored yet").isEmpty();
    }
}
