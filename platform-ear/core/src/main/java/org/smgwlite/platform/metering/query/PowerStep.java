package org.smgwlite.platform.metering.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The mean power between two readings of a register: {@code energyWh} is the exact difference of the two register
 * values (scaled from the stored unscaled value and scaler, never a double); {@code watts} is that energy over the
 * time between them, W = Wh x 3600 / s, to the milliwatt (half-even), the only rounding.
 */
public record PowerStep(Instant from, Instant to, BigDecimal energyWh, BigDecimal watts) {

    /** Watts are kept to this many decimals (mW). */
    public static final int WATT_SCALE = 3;

    /** The step from {@code a} to {@code b}, {@code b} later. */
    static PowerStep between(RegisterPoint a, RegisterPoint b) {
        long seconds = b.at().getEpochSecond() - a.at().getEpochSecond();
        if (seconds <= 0) {
            throw new IllegalArgumentException("a power step needs a later end: " + a.at() + " to " + b.at());
        }
        BigDecimal wh = b.wh().subtract(a.wh());
        return new PowerStep(a.at(), b.at(), wh,
                wh.multiply(BigDecimal.valueOf(3600)).divide(BigDecimal.valueOf(seconds), WATT_SCALE, RoundingMode.HALF_EVEN));
    }

    public long seconds() {
        return to.getEpochSecond() - from.getEpochSecond();
    }
}
