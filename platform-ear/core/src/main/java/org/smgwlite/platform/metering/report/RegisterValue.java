package org.smgwlite.platform.metering.report;

import java.math.BigDecimal;
import java.time.Instant;

/** A register reading at a slot, exact and in the meter's unit (e.g. 12345.6789 kWh). */
public record RegisterValue(Instant at, BigDecimal value, String unit) {
}
