package org.smgwlite.platform.metering.query;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A register's value at one moment, exact in Wh: a quarter-hour value at its mark ({@code fine} false; the reading
 * behind it may lie up to 9 s from the mark) or a high-resolution reading at its own second ({@code fine} true).
 */
public record RegisterPoint(Instant at, BigDecimal wh, boolean fine) {

    public RegisterPoint {
        if (at == null || wh == null) {
            throw new IllegalArgumentException("a register point needs a time and a value, was " + at + " / " + wh);
        }
    }
}
