package org.smgwlite.platform.metering.query;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One register's quarter hours on a regular grid: interval {@code i} starts at
 * {@code startEpochSecond + 900 * i}; its energy is the register at its end minus the register at
 * its start (the reading of the next slot minus this slot's), exact in Wh. When either reading is
 * missing, unusable or the register went backwards, the interval is a gap: no energy, a reason,
 * never an interpolated value.
 */
public final class IntervalSeries {

    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private final Register register;
    private final long startEpochSecond;
    private final BigDecimal[] readingAtStart;
    private final String[] unit;
    private final BigDecimal[] energyWh;
    private final byte[] ptbLevel;
    private final String[] gapReason;
    private final boolean metered;

    IntervalSeries(Register register, long startEpochSecond, BigDecimal[] readingAtStart, String[] unit,
                   BigDecimal[] energyWh, byte[] ptbLevel, String[] gapReason, boolean metered) {
        this.register = register;
        this.startEpochSecond = startEpochSecond;
        this.readingAtStart = readingAtStart;
        this.unit = unit;
        this.energyWh = energyWh;
        this.ptbLevel = ptbLevel;
        this.gapReason = gapReason;
        this.metered = metered;
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
        return energyWh.length;
    }

    public long startEpochSecond() {
        return startEpochSecond;
    }

    public Instant intervalStart(int i) {
        return Instant.ofEpochSecond(startEpochSecond + CurveRange.SLOT.getSeconds() * i);
    }

    /** The register reading stored for this interval's start slot, exact and scaled; null when missing. */
    public BigDecimal readingAtStart(int i) {
        return readingAtStart[i];
    }

    /** The unit of {@link #readingAtStart(int)}, as the meter reported it; null when missing. */
    public String unit(int i) {
        return unit[i];
    }

    public boolean isGap(int i) {
        return energyWh[i] == null;
    }

    /** Energy of the quarter hour in Wh, exact; null for a gap. */
    public BigDecimal energyWh(int i) {
        return energyWh[i];
    }

    /** Average power over the quarter hour in W (Wh * 4); null for a gap. */
    public BigDecimal averagePowerW(int i) {
        return energyWh[i] == null ? null : energyWh[i].multiply(FOUR);
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
        for (BigDecimal e : energyWh) {
            if (e == null) {
                gaps++;
            }
        }
        return gaps;
    }

    /** Power for drawing only (not exact): W as float, NaN for a gap. */
    public float[] powerForChart() {
        float[] power = new float[energyWh.length];
        for (int i = 0; i < power.length; i++) {
            power[i] = energyWh[i] == null ? Float.NaN : energyWh[i].floatValue() * 4f;
        }
        return power;
    }
}
