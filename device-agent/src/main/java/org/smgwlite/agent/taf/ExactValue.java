package org.smgwlite.agent.taf;

import java.math.BigDecimal;

import org.smgwlite.agent.meter.DlmsUnit;
import org.smgwlite.agent.meter.MeterValue;

/**
 * A register or power value exactly as the meter sent it: {@code unscaled * 10^scaler unit}. Never a double.
 *
 * @param unit DLMS unit, or {@code null} when the meter sent none
 */
public record ExactValue(long unscaled, int scaler, DlmsUnit unit) {

    /**
     * @throws IllegalArgumentException for an Unsigned64 reading beyond {@code long}, which no register of a
     *                                  household meter reaches (10^18 Wh)
     */
    public static ExactValue of(MeterValue.Number n) {
        if (n.bigUnscaled() != null) {
            throw new IllegalArgumentException("register value " + n.toPlainString() + " exceeds 64 bits");
        }
        return new ExactValue(n.unscaled(), n.scaler(), n.unit());
    }

    public BigDecimal decimal() {
        return BigDecimal.valueOf(unscaled, -scaler);
    }

    /** Plain decimal text with the unit symbol, e.g. {@code 35624.00 Wh}. */
    @Override
    public String toString() {
        return decimal().toPlainString() + (unit == null ? "" : " " + unit.symbol());
    }
}
