package org.smgwlite.platform.metering.query;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A register's newest stored reading: its value exact as the meter reported it (unscaled * 10^scaler in
 * {@code unit}), the slot it was read at, and when the batch that carried it reached the platform
 * ({@code reading_batch.received_at}), so that a household sees both how current its values are and how late they came.
 */
public record LatestReading(Register register, BigDecimal value, String unit, Instant slotStart, Instant receivedAt) {

    public String obis() {
        return register.obis();
    }
}
