package org.smgwlite.platform.metering.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Collects one register's readings for a range, in any order, into slot-indexed arrays (one
 * more slot than intervals: the reading at the range's end closes the last interval), then
 * derives the {@link IntervalSeries}. Readings off the 15-minute grid or outside the range are
 * ignored: they belong to no slot.
 *
 * <p>A year is 35,041 readings per register, so they are kept as {@code long} unscaled values with their power
 * of ten, not as objects: an interval's energy is then one subtraction when both readings have the same
 * power of ten in Wh (a meter's register always has). Anything else (a change of unit or scaler between two
 * readings, a value beyond {@code long}) takes the exact {@link BigDecimal} way; the result is the same.
 */
public final class SeriesBuilder {

    private static final long STEP = CurveRange.SLOT.getSeconds();
    /** Marks a slot whose unit is not energy (no Wh derivable). */
    static final byte NOT_ENERGY = Byte.MIN_VALUE;
    private static final String BACKWARDS = "register went backwards";

    private final Register register;
    private final long start;
    private final int intervals;
    /** The reading's unscaled value when it fits a {@code long}; see {@link #bigUnscaled}. */
    private final long[] unscaled;
    /** The reading's unscaled value when it does not fit a {@code long} (else null; the array is made on first use). */
    private BigDecimal[] bigUnscaled;
    private final byte[] scaler;
    /** Power of ten from the unscaled value to Wh (scaler + unit), or {@link #NOT_ENERGY}. */
    private final byte[] whExponent;
    /** The unit as reported; null where the slot has no reading. */
    private final String[] unit;
    private final byte[] ptb;
    /** The Ersatzwert method where the slot's reading is a substitute value; null for a true reading or none. */
    private final String[] substitute;
    /**
     * Whether the slot's reading came through the legacy door (unsigned SMGW.Lite gateway, {@code origin = 'legacy'});
     * for a substitute value: whether one of the true readings it was made from did.
     */
    private final boolean[] legacy;
    private final String[] recordedGap;
    private boolean metered = true;
    private String lastUnit;
    private int lastUnitExponent = NOT_ENERGY;

    public SeriesBuilder(Register register, Instant from, int intervals) {
        this.register = register;
        this.start = from.getEpochSecond();
        this.intervals = intervals;
        this.unscaled = new long[intervals + 1];
        this.scaler = new byte[intervals + 1];
        this.whExponent = new byte[intervals + 1];
        this.unit = new String[intervals + 1];
        this.ptb = new byte[intervals + 1];
        this.substitute = new String[intervals + 1];
        this.legacy = new boolean[intervals + 1];
        this.recordedGap = new String[intervals + 1];
    }

    private int slot(long epochSecond) {
        long offset = epochSecond - start;
        if (offset < 0 || offset % STEP != 0 || offset / STEP > intervals) {
            return -1;
        }
        return (int) (offset / STEP);
    }

    /** A stored signed reading: value = unscaled * 10^scaler in {@code unit}. */
    public void reading(long epochSecond, BigDecimal unscaled, int scaler, String unit, int ptbLevel) {
        reading(epochSecond, unscaled, scaler, unit, ptbLevel, false);
    }

    /** A stored reading, {@code legacy} when it came through the SMGW.Lite door (unsigned). */
    public void reading(long epochSecond, BigDecimal unscaled, int scaler, String unit, int ptbLevel, boolean legacy) {
        BigDecimal integer = unscaled;
        if (integer.scale() != 0) { // stored values are integers; any other is taken exactly all the same
            scaler -= integer.scale();
            integer = new BigDecimal(integer.unscaledValue());
        }
        if (integer.precision() <= 18) {
            reading(epochSecond, integer.longValue(), scaler, unit, ptbLevel, legacy);
            return;
        }
        int i = put(epochSecond, scaler, unit, ptbLevel, legacy);
        if (i >= 0) {
            if (bigUnscaled == null) {
                bigUnscaled = new BigDecimal[intervals + 1];
            }
            bigUnscaled[i] = integer;
        }
    }

    /** A stored signed reading whose unscaled value fits a {@code long}. */
    public void reading(long epochSecond, long unscaled, int scaler, String unit, int ptbLevel) {
        reading(epochSecond, unscaled, scaler, unit, ptbLevel, false);
    }

    /**
     * A stored reading whose unscaled value fits a {@code long} (nearly every one): no object made; {@code legacy} when
     * it came through the SMGW.Lite door (unsigned).
     */
    public void reading(long epochSecond, long unscaled, int scaler, String unit, int ptbLevel, boolean legacy) {
        int i = put(epochSecond, scaler, unit, ptbLevel, legacy);
        if (i >= 0) {
            this.unscaled[i] = unscaled;
            if (bigUnscaled != null) {
                bigUnscaled[i] = null;
            }
        }
    }

    /**
     * A substitute value (Ersatzwert) for a slot without a true reading, made by {@code method}. A true reading of the
     * same slot always wins, whichever arrives first: a substitute never replaces a true value. Its PTB level is 0;
     * {@link IntervalSeries#substituteMethod} tells the interval apart from a true one. {@code legacy}: one of the two
     * true readings it was made from (its gap's bounds) came through the SMGW.Lite door, so it rests on unsigned values.
     */
    public void substitute(long epochSecond, long unscaled, int scaler, String unit, String method, boolean legacy) {
        int i = slot(epochSecond);
        if (i < 0 || this.unit[i] != null && substitute[i] == null) {
            return;
        }
        put(epochSecond, scaler, unit, 0, legacy);
        this.unscaled[i] = unscaled;
        if (bigUnscaled != null) {
            bigUnscaled[i] = null;
        }
        substitute[i] = method;
    }

    /** A substitute value made between two signed readings. */
    public void substitute(long epochSecond, long unscaled, int scaler, String unit, String method) {
        substitute(epochSecond, unscaled, scaler, unit, method, false);
    }

    /** Everything of a reading but its value; the slot, or -1 when it is not one of the range. */
    private int put(long epochSecond, int scaler, String unit, int ptbLevel, boolean legacy) {
        int i = slot(epochSecond);
        if (i < 0) {
            return -1;
        }
        substitute[i] = null;
        String u = unit == null ? "" : unit;
        if (u != lastUnit) { // a day's readings share one unit string
            lastUnit = u;
            lastUnitExponent = unitExponent(u);
        }
        this.scaler[i] = (byte) scaler;
        this.whExponent[i] = lastUnitExponent == NOT_ENERGY ? NOT_ENERGY : (byte) (scaler + lastUnitExponent);
        this.unit[i] = u;
        this.ptb[i] = (byte) ptbLevel;
        this.legacy[i] = legacy;
        return i;
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

    /**
     * The power of ten from {@code unit} to Wh for energy registers in Wh, kWh or MWh; {@link #NOT_ENERGY} for
     * anything else (no energy derivable).
     */
    private static int unitExponent(String unit) {
        return switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "wh" -> 0;
            case "kwh" -> 3;
            case "mwh" -> 6;
            default -> NOT_ENERGY;
        };
    }

    public IntervalSeries build() {
        long[] energy = new long[intervals];
        byte[] energyExponent = new byte[intervals];
        BigDecimal[] bigEnergy = null;
        byte[] level = new byte[intervals];
        String[] reason = new String[intervals];
        for (int i = 0; i < intervals; i++) {
            String why = metered ? missing(i) : "register not metered";
            if (why == null) {
                why = missing(i + 1);
            }
            if (why == null) {
                if (whExponent[i] == whExponent[i + 1] && !isBig(i) && !isBig(i + 1)
                        && !subtractionOverflows(unscaled[i + 1], unscaled[i])) {
                    long difference = unscaled[i + 1] - unscaled[i];
                    if (difference < 0) {
                        why = BACKWARDS;
                    } else {
                        energy[i] = difference;
                        energyExponent[i] = whExponent[i];
                    }
                } else {
                    BigDecimal exact = wh(i + 1).subtract(wh(i));
                    if (exact.signum() < 0) {
                        why = BACKWARDS;
                    } else {
                        if (bigEnergy == null) {
                            bigEnergy = new BigDecimal[intervals];
                        }
                        bigEnergy[i] = exact;
                    }
                }
            }
            level[i] = why == null ? (byte) Math.max(ptb[i], ptb[i + 1]) : -1;
            reason[i] = why;
        }
        return new IntervalSeries(register, start, metered,
                new IntervalSeries.Readings(unscaled.clone(), bigUnscaled == null ? null : bigUnscaled.clone(),
                        scaler.clone(), unit.clone(), ptb.clone(), substitute.clone(), legacy.clone()),
                new IntervalSeries.Energies(energy, energyExponent, bigEnergy), level, reason);
    }

    private boolean isBig(int slot) {
        return bigUnscaled != null && bigUnscaled[slot] != null;
    }

    private static boolean subtractionOverflows(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0;
    }

    /** The reading in Wh, exact. */
    private BigDecimal wh(int slot) {
        BigDecimal u = isBig(slot) ? bigUnscaled[slot] : BigDecimal.valueOf(unscaled[slot]);
        return u.scaleByPowerOfTen(whExponent[slot]);
    }

    /** Why {@code slot} cannot close or open an interval; null when it can (the text is made only for a gap). */
    private String missing(int slot) {
        if (unit[slot] != null && whExponent[slot] != NOT_ENERGY) {
            return null;
        }
        Instant at = Instant.ofEpochSecond(start + STEP * slot);
        if (unit[slot] == null) {
            return recordedGap[slot] != null ? recordedGap[slot] + " at " + at : "no reading at " + at;
        }
        return "unit " + unit[slot] + " is not energy at " + at;
    }
}
