package org.smgwlite.platform.metering.query;

import java.math.BigDecimal;
import java.util.Locale;

/** A register value in Wh, exact, from the unit the meter reported (Wh, kWh, MWh): for reports and the fine line. */
public final class WattHours {

    private WattHours() {
    }

    /** {@code value} in Wh; null when {@code unit} is not an energy unit. */
    public static BigDecimal of(BigDecimal value, String unit) {
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
}
