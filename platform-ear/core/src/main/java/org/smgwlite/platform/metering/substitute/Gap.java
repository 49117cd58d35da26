package org.smgwlite.platform.metering.substitute;

import java.math.BigInteger;
import java.time.Instant;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.Register;

/**
 * Consecutive slots without a true reading of one register, bounded by two true readings: at slot {@code fromSlot}
 * (the last true one before) and {@code toSlot} (the first true one after) of the series it was found in. The
 * bounding values are exact integers in one power of ten: value = unscaled * 10^scaler in {@code unit}.
 *
 * <p>Invariant: {@code toSlot > fromSlot + 1} (at least one missing slot) and {@code endUnscaled >= startUnscaled}.
 */
public record Gap(Register register, long seriesStartEpochSecond, int fromSlot, int toSlot, BigInteger startUnscaled,
                  BigInteger endUnscaled, int scaler, String unit) {

    public Gap {
        if (toSlot <= fromSlot + 1) {
            throw new IllegalArgumentException("a gap needs a missing slot between " + fromSlot + " and " + toSlot);
        }
        if (endUnscaled.compareTo(startUnscaled) < 0) {
            throw new IllegalArgumentException("register went backwards over the gap " + fromSlot + ".." + toSlot);
        }
    }

    /** The quarter hours without true energy: from the bounding reading before to the one after. */
    public int intervals() {
        return toSlot - fromSlot;
    }

    public Instant slotInstant(int slot) {
        return Instant.ofEpochSecond(seriesStartEpochSecond + CurveRange.SLOT.getSeconds() * slot);
    }

    /** The slot of the true reading before the gap. */
    public Instant boundFrom() {
        return slotInstant(fromSlot);
    }

    /** The slot of the true reading after the gap. */
    public Instant boundTo() {
        return slotInstant(toSlot);
    }

    /** The first slot without a true reading. */
    public Instant firstMissing() {
        return slotInstant(fromSlot + 1);
    }

    /** The register difference across the gap, in the unscaled unit. */
    public BigInteger difference() {
        return endUnscaled.subtract(startUnscaled);
    }
}
