package org.smgwlite.platform.metering.substitute;

import java.math.BigInteger;
import java.time.Instant;

/**
 * One substitute register value: unscaled * 10^scaler in {@code unit} at {@code slot}, made by {@code method} for the
 * gap between the true readings at {@code boundFrom} and {@code boundTo}.
 */
public record Substitute(String obis, Instant slot, BigInteger unscaled, int scaler, String unit, SubstituteMethod method,
                         Instant boundFrom, Instant boundTo) {
}
