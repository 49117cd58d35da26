package org.smgwlite.platform.metering.substitute;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.IntervalSeries;

/**
 * The household's usual energy for each quarter hour of a gap: the mean of the true energy of the same weekday and
 * local time in each of the {@value #WEEKS} weeks before (local time, so a week over a DST switch still compares
 * 07:00 with 07:00). Weeks without a true value there are left out of the mean; intervals resting on a substitute
 * count as none. The means are returned as integer weights on one scale (exact: a mean of up to four values times
 * 12 is an integer multiple of the values' unit).
 */
public final class WeekdayProfile {

    public static final int WEEKS = 4;
    /** Divisible by every possible count of weeks (1..4): the mean times this is exact. */
    private static final BigDecimal COMMON = BigDecimal.valueOf(12);

    private WeekdayProfile() {
    }

    /**
     * One weight per interval of {@code gap}, proportional to the profile's energy; null when the profile has no
     * energy at all there (no true value in any of the weeks, or only zeros).
     */
    public static BigInteger[] weights(IntervalSeries series, Gap gap, ZoneId zone) {
        int n = gap.intervals();
        BigDecimal[] means = new BigDecimal[n];
        int scale = 0;
        boolean any = false;
        for (int k = 0; k < n; k++) {
            Instant start = gap.slotInstant(gap.fromSlot() + k);
            BigDecimal sum = BigDecimal.ZERO;
            int count = 0;
            for (int week = 1; week <= WEEKS; week++) {
                int i = interval(series, start.atZone(zone).minusWeeks(week).toInstant());
                if (i >= 0 && !series.isGap(i) && series.substituteMethod(i) == null) {
                    sum = sum.add(series.energyWh(i));
                    count++;
                }
            }
            means[k] = count == 0 ? BigDecimal.ZERO : sum.multiply(COMMON).divide(BigDecimal.valueOf(count));
            scale = Math.max(scale, means[k].scale());
            any |= means[k].signum() > 0;
        }
        if (!any) {
            return null;
        }
        BigInteger[] weights = new BigInteger[n];
        for (int k = 0; k < n; k++) {
            weights[k] = means[k].setScale(scale).unscaledValue();
        }
        return weights;
    }

    /** The series' interval starting at {@code start}, or -1 when the series does not hold one there. */
    private static int interval(IntervalSeries series, Instant start) {
        long offset = start.getEpochSecond() - series.startEpochSecond();
        long step = CurveRange.SLOT.getSeconds();
        if (offset < 0 || offset % step != 0 || offset / step >= series.size()) {
            return -1;
        }
        return (int) (offset / step);
    }
}
