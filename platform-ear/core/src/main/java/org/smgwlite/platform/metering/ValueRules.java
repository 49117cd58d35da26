package org.smgwlite.platform.metering;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import org.smgwlite.metering.contract.BatchValue;

/**
 * The rules a single value must meet, independent of the database: known register, aligned slot, not in the
 * future, and a plausible power between two successive register values.
 */
final class ValueRules {

    static final Duration TAF7_PERIOD = Duration.ofMinutes(15);
    /** Household connections: above 100 kW between two readings is a meter or gateway fault. */
    static final BigDecimal MAX_POWER_W = BigDecimal.valueOf(100_000);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    /** Clock tolerance for "not in the future". */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(2);

    /** Registers the platform stores: energy import/export (total, tariffs) and active power. */
    static final Set<String> KNOWN_OBIS = Set.of(
            "1-0:1.8.0*255", "1-0:1.8.1*255", "1-0:1.8.2*255",
            "1-0:2.8.0*255", "1-0:2.8.1*255", "1-0:2.8.2*255",
            "1-0:16.7.0*255");

    private ValueRules() {
    }

    static boolean isRegister(String obis) {
        return obis.contains(".8.");
    }

    /** The first rule the value breaks on its own, or empty. */
    static Optional<BrokenRule> check(BatchValue v, long servedHousehold, Instant now) {
        if (v.householdId() != servedHousehold) {
            return broken(RejectReason.NOT_SERVED, "metering point " + v.householdId() + " is not served by this gateway");
        }
        if (!KNOWN_OBIS.contains(v.obis())) {
            return broken(RejectReason.UNKNOWN_OBIS, "register " + v.obis() + " is not one the platform stores");
        }
        if (v.taf() == 7 && v.slotStart().getEpochSecond() % TAF7_PERIOD.toSeconds() != 0 || v.slotStart().getNano() != 0 && v.taf() == 7) {
            return broken(RejectReason.NOT_ALIGNED, v.slotStart() + " is not a quarter-hour boundary");
        }
        if (v.slotStart().isAfter(now.plus(CLOCK_TOLERANCE))) {
            return broken(RejectReason.IN_FUTURE, v.slotStart() + " is after the platform's time " + now);
        }
        if (isRegister(v.obis()) && !"Wh".equals(v.unit())) {
            return broken(RejectReason.WRONG_UNIT, "register " + v.obis() + " must be in Wh, was " + v.unit());
        }
        return Optional.empty();
    }

    static BigDecimal decimal(BatchValue v) {
        return new BigDecimal(v.unscaled(), -v.scaler());
    }

    /**
     * The rule broken if a reading {@code value} taken at {@code at} (TAF 6, any second) does not fit between the
     * register's stored values around it ({@code series}: the last at or before, the first after), or empty.
     */
    static Optional<BrokenRule> between(NavigableMap<Instant, BigDecimal> series, BigDecimal value, Instant at) {
        Map.Entry<Instant, BigDecimal> before = series.floorEntry(at);
        Map.Entry<Instant, BigDecimal> after = series.higherEntry(at);
        Optional<BrokenRule> broken = before == null ? Optional.empty() : successor(before.getValue(), before.getKey(), value, at);
        return broken.isPresent() || after == null ? broken : successor(value, at, after.getValue(), after.getKey());
    }

    /** The rule broken if {@code later} does not follow {@code earlier} of the same register, or empty. */
    static Optional<BrokenRule> successor(BigDecimal earlier, Instant earlierAt, BigDecimal later, Instant laterAt) {
        int cmp = later.compareTo(earlier);
        if (cmp < 0) {
            return broken(RejectReason.DECREASING, later.toPlainString() + " at " + laterAt + " is below " + earlier.toPlainString() + " at " + earlierAt);
        }
        long seconds = Duration.between(earlierAt, laterAt).toSeconds();
        // Wh * 3600 / s > W_max, compared as Wh * 3600 > W_max * s: no division for the thousands of good values
        BigDecimal whTimesSeconds = later.subtract(earlier).multiply(SECONDS_PER_HOUR);
        if (seconds > 0 && whTimesSeconds.compareTo(MAX_POWER_W.multiply(BigDecimal.valueOf(seconds))) > 0) {
            BigDecimal watts = whTimesSeconds.divide(BigDecimal.valueOf(seconds), 3, java.math.RoundingMode.HALF_UP);
            return broken(RejectReason.IMPLAUSIBLE_POWER, watts.toPlainString() + " W between " + earlierAt + " and "
                    + laterAt + " exceeds " + MAX_POWER_W.toPlainString() + " W");
        }
        return Optional.empty();
    }

    private static Optional<BrokenRule> broken(RejectReason reason, String detail) {
        return Optional.of(new BrokenRule(reason, detail));
    }
}
