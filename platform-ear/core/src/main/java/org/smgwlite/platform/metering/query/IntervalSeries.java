package org.smgwlite.platform.metering.query;

import java.math.BigDecimal;
import java.time.Instant;
import org.smgwlite.platform.metering.Origin;

/**
 * One register's quarter hours on a regular grid: interval {@code i} starts at
 * {@code startEpochSecond + 900 * i}; its energy is the register at its end minus the register at
 * its start (the reading of the next slot minus this slot's), exact in Wh. When either reading is
 * missing, unusable or the register went backwards, the interval is a gap: no energy, a reason,
 * never an interpolated value.
 *
 * <p>Values are held as unscaled {@code long}s with their power of ten ({@link SeriesBuilder}); the exact
 * {@link BigDecimal}s are made when asked for one.
 */
public final class IntervalSeries {

    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    /**
     * The reading at each slot, {@code size() + 1} of them (the last closes the last interval): unscaled * 10^scaler
     * in unit; unit null where there is none; the reading's own PTB level; the Ersatzwert method where it is a
     * substitute value, else null; whether it came through the legacy door (a substitute: was made from such a reading).
     */
    record Readings(long[] unscaled, BigDecimal[] bigUnscaled, byte[] scaler, String[] unit, byte[] ptbLevel,
                    String[] substitute, boolean[] legacy) {
    }

    /** Each interval's energy in Wh: unscaled * 10^exponent, or the exact value where it needed one. */
    record Energies(long[] unscaled, byte[] exponent, BigDecimal[] exact) {
    }

    private final Register register;
    private final long startEpochSecond;
    private final boolean metered;
    private final Readings readings;
    private final Energies energies;
    private final byte[] ptbLevel;
    private final String[] gapReason;

    IntervalSeries(Register register, long startEpochSecond, boolean metered, Readings readings, Energies energies,
                   byte[] ptbLevel, String[] gapReason) {
        this.register = register;
        this.startEpochSecond = startEpochSecond;
        this.metered = metered;
        this.readings = readings;
        this.energies = energies;
        this.ptbLevel = ptbLevel;
        this.gapReason = gapReason;
    }

    /**
     * False when the household's meter has never reported this register (a consumer meter without export):
     * its intervals are then empty, not gaps, and count in no gap total.
     */
    public boolean metered() {
        return metered;
    }

    public Register register() {
        return register;
    }

    public int size() {
        return ptbLevel.length;
    }

    public long startEpochSecond() {
        return startEpochSecond;
    }

    public Instant intervalStart(int i) {
        return Instant.ofEpochSecond(startEpochSecond + CurveRange.SLOT.getSeconds() * i);
    }

    /** The register reading stored for this interval's start slot, exact and scaled; null when missing. */
    public BigDecimal readingAtStart(int i) {
        return readingAt(i);
    }

    /**
     * The register reading at slot {@code slot} (0 to {@link #size()}: slot {@code size()} is the range's end, the
     * reading that closes the last interval), exact and scaled, true or substitute; null when there is none.
     */
    public BigDecimal readingAt(int slot) {
        if (readings.unit()[slot] == null) {
            return null;
        }
        int scaler = readings.scaler()[slot];
        BigDecimal[] big = readings.bigUnscaled();
        return big != null && big[slot] != null ? big[slot].scaleByPowerOfTen(scaler)
                : BigDecimal.valueOf(readings.unscaled()[slot], -scaler);
    }

    /** The unit of {@link #readingAt(int)}, as the meter reported it; null when missing. */
    public String unit(int slot) {
        return readings.unit()[slot];
    }

    /** The PTB status level (0 ok .. 4 fatal) of the reading at {@code slot}; 0 for a substitute; -1 when none. */
    public int readingPtbLevel(int slot) {
        return readings.unit()[slot] == null ? -1 : readings.ptbLevel()[slot];
    }

    /** The Ersatzwert method when the reading at {@code slot} is a substitute value; null for a true one or none. */
    public String readingSubstituteMethod(int slot) {
        return readings.substitute()[slot];
    }

    /**
     * The Ersatzwert method when interval {@code i}'s energy rests on a substitute value (at its start, else at its
     * end); null when both readings are true values or the interval is a gap.
     */
    public String substituteMethod(int i) {
        if (isGap(i)) {
            return null;
        }
        String start = readings.substitute()[i];
        return start != null ? start : readings.substitute()[i + 1];
    }

    /**
     * Where the reading at {@code slot} came from: {@link Origin#LEGACY} through the SMGW.Lite door (unsigned), else
     * {@link Origin#SIGNED}; a substitute value is legacy when one of the true readings it was made from is. Null when
     * the slot has no reading.
     */
    public Origin readingOrigin(int slot) {
        if (readings.unit()[slot] == null) {
            return null;
        }
        return readings.legacy()[slot] ? Origin.LEGACY : Origin.SIGNED;
    }

    /**
     * Where interval {@code i}'s energy came from: {@link Origin#LEGACY} when either reading it rests on is legacy
     * ({@link #readingOrigin}), so an unsigned value never passes as signed; null for a gap.
     */
    public Origin origin(int i) {
        if (isGap(i)) {
            return null;
        }
        return readings.legacy()[i] || readings.legacy()[i + 1] ? Origin.LEGACY : Origin.SIGNED;
    }

    /** Whether any interval with energy rests on a legacy reading ({@link #origin}). */
    public boolean anyLegacy() {
        for (int i = 0; i < size(); i++) {
            if (origin(i) == Origin.LEGACY) {
                return true;
            }
        }
        return false;
    }

    public boolean isGap(int i) {
        return ptbLevel[i] < 0;
    }

    /** Energy of the quarter hour in Wh, exact; null for a gap. */
    public BigDecimal energyWh(int i) {
        if (isGap(i)) {
            return null;
        }
        BigDecimal[] exact = energies.exact();
        return exact != null && exact[i] != null ? exact[i] : BigDecimal.valueOf(energies.unscaled()[i], -energies.exponent()[i]);
    }

    /** The energy of intervals {@code from} (inclusive) to {@code to} (exclusive) in Wh, exact; gaps count nothing. */
    public BigDecimal energyWhSum(int from, int to) {
        if (energies.exact() == null) { // the usual case: one power of ten, a sum of longs
            long sum = 0;
            int exponent = Integer.MIN_VALUE;
            boolean fits = true;
            for (int i = from; i < to && fits; i++) {
                if (isGap(i)) {
                    continue;
                }
                if (exponent == Integer.MIN_VALUE) {
                    exponent = energies.exponent()[i];
                }
                long e = energies.unscaled()[i];
                long r = sum + e;
                fits = exponent == energies.exponent()[i] && ((sum ^ r) & (e ^ r)) >= 0;
                sum = r;
            }
            if (fits) {
                return exponent == Integer.MIN_VALUE ? BigDecimal.ZERO : BigDecimal.valueOf(sum, -exponent);
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            if (!isGap(i)) {
                sum = sum.add(energyWh(i));
            }
        }
        return sum;
    }

    /** Average power over the quarter hour in W (Wh * 4); null for a gap. */
    public BigDecimal averagePowerW(int i) {
        BigDecimal e = energyWh(i);
        return e == null ? null : e.multiply(FOUR);
    }

    /** The worse PTB status level (0 ok .. 4 fatal) of the two readings; -1 for a gap. */
    public int ptbLevel(int i) {
        return ptbLevel[i];
    }

    /** Why interval {@code i} is a gap; null when it has a value. */
    public String gapReason(int i) {
        return gapReason[i];
    }

    public int gapCount() {
        int gaps = 0;
        for (byte level : ptbLevel) {
            if (level < 0) {
                gaps++;
            }
        }
        return gaps;
    }

    /** Power for drawing only (not exact): W as float, NaN for a gap. */
    public float[] powerForChart() {
        float[] power = new float[ptbLevel.length];
        BigDecimal[] exact = energies.exact();
        int lastExponent = 0;
        double wattsPerUnit = 4;
        for (int i = 0; i < power.length; i++) {
            if (isGap(i)) {
                power[i] = Float.NaN;
            } else if (exact != null && exact[i] != null) {
                power[i] = exact[i].floatValue() * 4f;
            } else {
                if (energies.exponent()[i] != lastExponent) {
                    lastExponent = energies.exponent()[i];
                    wattsPerUnit = 4 * Math.pow(10, lastExponent);
                }
                power[i] = (float) (energies.unscaled()[i] * wattsPerUnit);
            }
        }
        return power;
    }
}
