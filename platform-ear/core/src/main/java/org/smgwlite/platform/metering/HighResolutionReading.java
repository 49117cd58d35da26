package org.smgwlite.platform.metering;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * A register reading at any second that is not a quarter-hour value (SMGW.Lite TAF 14, or a TAF 7 entry too far from
 * its mark): kept for the day view's fine line, never standing in for a slot.
 *
 * @param line the reading's position in the upload (for reject rows)
 */
public record HighResolutionReading(int line, Instant at, String obis, BigInteger unscaled, int scaler, String unit) {

    public BigDecimal decimal() {
        return new BigDecimal(unscaled, -scaler);
    }
}
