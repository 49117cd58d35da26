package org.smgwlite.platform.metering.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * Collects one register's readings for a range, in any order, into slot-indexed arrays (one
 * more slot than intervals: the reading at the range's end closes the last interval), then
 * derives the {@link IntervalSeries}. Readings off the 15-minute grid or outside the range are
 * ignored: they belong to no slot.
 */
public final class SeriesBuilder {

    private static final long STEP = CurveRange.SLOT.getSeconds();

    private final Register register;
    private final long start;
    private final int intervals;
    private final BigDecimal[] reading;
    private final BigDecimal[] readingWh;
    private final String[] unit;
    private final byte[] ptb;
    private final String[] recordedGap;
    private boolean metered = true;

    public SeriesBuilder(Register register, Instant from, int intervals) {
        this.register = register;
        this.start = from.getEpochSecond();
        this.intervals = intervals;
        this.reading = new BigDecimal[intervals + 1];
        this.readingWh = new BigDecimal[intervals + 1];
        this.unit = new String[intervals + 1];
        this.ptb = new byte[intervals + 1];
        this.recordedGap = new String[intervals + 1];
    }

    private int slot(long epochSecond) {
        long offset = epochSecond - start;
        if (offset < 0 || offset % STEP != 0 || offset / STEP > intervals) {
            return -1;
        }
        return (int) (offset / STEP);
    }

    /** A stored reading: value = unscaled * 10^scaler in {@code unit}. */
    public void reading(long epochSecond, BigDecimal unscaled, int scaler, String unit, int ptbLevel) {
        int i = slot(epochSecond);
        if (i < 0) {
            return;
        }
        BigDecimal value = unscaled.scaleByPowerOfTen(scaler);
        this.reading[i] = value;
        this.unit[i] = unit;
        this.readingWh[i] = toWh(value, unit);
        this.ptb[i] = (byte) ptbLevel;
    }

    /** A slot the ingestion recorded as missing, with its reason. */
    public void gap(long epochSecond, String reason) {
        int i = slot(epochSecond);
        if (i >= 0) {
            recordedGap[i] = reason;
        }
    }

    /** The meter has never reported this register: the series is empty, not a row of gaps. */
    public SeriesBuilder notMetered() {
        metered = false;
        return this;
    }

    /** Energy registers in Wh, kWh or MWh; anything else yields null (no energy derivable). */
    static BigDecimal toWh(BigDecimal value, String unit) {
        if (unit == null) {
            return null;
        }
        return switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "wh" -> value;
            case "kwh" -> value.scaleByPowerOfTen(3);
            case "mwh" -> value.scaleByPowerOfTen(6);
            default -> null;
        };
    }

    public IntervalSeries build() {
        BigDecimal[] energy = new BigDecimal[intervals];
        byte[] level = new byte[intervals];
        String[] reason = new String[intervals];
        for (int i = 0; i < intervals; i++) {
            String why = metered ? missing(i) : "register not metered";
            if (why == null) {
                why = missing(i + 1);
            }
            if (why == null) {
                BigDecimal e = readingWh[i + 1].subtract(readingWh[i]);
                if (e.signum() < 0) {
                    why = "register went backwards";
                } else {
                    energy[i] = e;
                    level[i] = (byte) Math.max(ptb[i], ptb[i + 1]);
                }
            }
            if (why != null) {
                level[i] = -1;
                reason[i] = why;
            }
        }
        BigDecimal[] readingAtStart = java.util.Arrays.copyOf(reading, intervals);
        String[] unitAtStart = java.util.Arrays.copyOf(unit, intervals);
        return new IntervalSeries(register, start, readingAtStart, unitAtStart, energy, level, reason, metered);
    }

    private String missing(int slot) {
        String at = Instant.ofEpochSecond(start + STEP * slot).toString();
        if (reading[slot] == null) {
            return recordedGap[slot] != null ? recordedGap[slot] + " at " + at : "no reading at " + at;
        }
        if (readingWh[slot] == null) {
            return "unit " + unit[slot] + " is not energy at " + at;
        }
        return null;
    }
}
