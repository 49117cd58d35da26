package org.smgwlite.platform.metering.substitute;

import java.math.BigInteger;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.smgwlite.platform.metering.query.IntervalSeries;

/**
 * Which method fills a gap, and its values: up to {@value #LINEAR_MAX_INTERVALS} quarter hours without true energy
 * (two hours) the straight line between the two true register values; longer gaps the known difference along the
 * {@link WeekdayProfile}, or the straight line when that profile has no energy. Values are exact integers in the
 * bounding readings' unit and power of ten ({@link CumulativeShares}).
 */
public final class GapRules {

    public static final int LINEAR_MAX_INTERVALS = 8;

    private GapRules() {
    }

    public static GapFill fill(IntervalSeries series, Gap gap, ZoneId zone) {
        BigInteger[] weights = gap.intervals() <= LINEAR_MAX_INTERVALS ? null : WeekdayProfile.weights(series, gap, zone);
        SubstituteMethod method = weights == null ? SubstituteMethod.LINEAR : SubstituteMethod.PROFILE;
        BigInteger[] offsets = weights == null
                ? CumulativeShares.linear(gap.difference(), gap.intervals())
                : CumulativeShares.offsets(gap.difference(), weights);
        List<Substitute> values = new ArrayList<>(offsets.length);
        for (int k = 0; k < offsets.length; k++) {
            values.add(new Substitute(gap.register().obis(), gap.slotInstant(gap.fromSlot() + 1 + k),
                    gap.startUnscaled().add(offsets[k]), gap.scaler(), gap.unit(), method, gap.boundFrom(), gap.boundTo()));
        }
        return new GapFill(gap, method, List.copyOf(values));
    }
}
