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
        int toWh = whExponent(unit);
        this.readingWh[i] = toWh == NOT_ENERGY ? null : toWh == 0 ? value : value.scaleByPowerOfTen(toWh);
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

    private static final int NOT_ENERGY = Integer.MIN_VALUE;

    /**
     * The power of ten from {@code unit} to Wh for energy registers in Wh, kWh or MWh; {@link #NOT_ENERGY} for
     * anything else (no energy derivable). The units as stored come first: this runs for every value of a year.
     */
    private static int whExponent(String unit) {
        if (unit == null) {
            return NOT_ENERGY;
        }
        return switch (unit) {
            case "Wh" -> 0;
            case "kWh" -> 3;
            case "MWh" -> 6;
            default -> switch (unit.strip().toLowerCase(Locale.ROOT)) {
                case "wh" -> 0;
                case "kwh" -> 3;
                case "mwh" -> 6;
                default -> NOT_ENERGY;
            };
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

    /** Why {@code slot} cannot close or open an interval; null when it can (the text is made only for a gap). */
    private String missing(int slot) {
        if (readingWh[slot] != null) {
            return null;
        }
        Instant at = Instant.ofEpochSecond(start + STEP * slot);
        if (reading[slot] == null) {
            return recordedGap[slot] != null ? recordedGap[slot] + " at " + at : "no reading at " + at;
        }
        return "unit " + unit[slot] + " is not energy at " + at;
    }
}
