package org.smgwlite.platform.metering.taf6;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One register of a TAF 6 reading as stored: exact value ({@code unscaled * 10^scaler}), the time the gateway took
 * it, and the PTB status level (0 ok .. 4 fatal).
 */
public record Taf6Reading(String obis, Instant readAt, BigDecimal value, String unit, int ptbLevel) {
}
